package org.nightpain.cds.hooks;

import org.nightpain.cds.fhir.Canonicals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.NightPainAssessor;

/**
 * Starting and stopping: the port is released on close, a taken port is a clear error (SIGTERM:
 * ServeCommandIT), discovery answers while the rule base and the FHIR model still load and calls wait
 * for them (bounded), and a part that failed to load fails each call openly.
 */
class ServerLifecycleTest {
    private static FhirSupport fhir;

    @BeforeAll
    static void load() {
        fhir = FhirSupport.load();
    }

    private static CdsHooksServer start(int port) throws IOException {
        return CdsHooksServer.start("127.0.0.1", port, Fixtures.ASSESSOR, Clock.systemUTC(), CompletableFuture.completedFuture(fhir));
    }

    @Test
    void close_releasesThePort_andMayBeRepeated() throws IOException {
        CdsHooksServer server = start(0);
        int port = server.port();
        assertThat(new Hooks.Client(server.baseUri()).get("cds-services").statusCode()).isEqualTo(200);

        server.close();
        server.close();

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    /** A failure of the service itself must reach the EHR as a failure: a 500 that says so, never a card. */
    @Test
    void fhirSideThatFailedToLoad_answersCallsWith500_neverCards() throws IOException {
        CompletableFuture<FhirSupport> failed = CompletableFuture.failedFuture(new IllegalStateException("broken"));
        try (CdsHooksServer server = CdsHooksServer.start("127.0.0.1", 0, Fixtures.ASSESSOR, Clock.systemUTC(), failed)) {
            Hooks.Client client = new Hooks.Client(server.baseUri());

            HttpResponse<String> response = client.call(Hooks.callWithAnswers(
                    new LinkedHashMap<>(Fixtures.vignettes().get(0).facts())));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
            assertThat(Hooks.parse(response.body()).has("cards")).isFalse();
            assertThat(Hooks.parse(response.body()).at("/error/code").asText()).isEqualTo("INTERNAL_ERROR");
            assertThat(client.get("cds-services").statusCode()).isEqualTo(200);
        }
    }

    /**
     * {@code serve} opens the port before the rule base and the FHIR model have loaded: discovery and the
     * Questionnaire are answered while both are still loading, a bad request is refused at once, and a
     * valid call waits for them and then gets its cards.
     */
    @Test
    void whileTheRuleBaseAndFhirModelLoad_discoveryAnswers_andACallWaitsForThem() throws Exception {
        CompletableFuture<NightPainAssessor> assessor = new CompletableFuture<>();
        CompletableFuture<FhirSupport> loading = new CompletableFuture<>();
        try (CdsHooksServer server = CdsHooksServer.start("127.0.0.1", 0, assessor, Clock.systemUTC(), loading,
                Canonicals.PLACEHOLDER, Duration.ofMinutes(2))) {
            Hooks.Client client = new Hooks.Client(server.baseUri());

            assertThat(client.get("cds-services").statusCode()).isEqualTo(200);
            HttpResponse<String> questionnaire = client.get("questionnaire");
            assertThat(questionnaire.statusCode()).isEqualTo(200);
            assertThat(Hooks.parse(questionnaire.body()).get("resourceType").asText()).isEqualTo("Questionnaire");
            assertThat(client.post("cds-services/nightpain-triage", "{oops").statusCode()).isEqualTo(400);
            assertThat(assessor).as("nothing has loaded the rule base").isNotDone();

            CompletableFuture<HttpResponse<String>> call = CompletableFuture.supplyAsync(() -> client.call(
                    Hooks.callWithAnswers(new LinkedHashMap<>(Fixtures.vignettes().get(0).facts()))));
            Thread.sleep(200);
            assertThat(call).as("the call waits while the rule base and the FHIR model load").isNotDone();
            loading.complete(fhir);
            assessor.complete(Fixtures.ASSESSOR);

            HttpResponse<String> answered = call.get(60, TimeUnit.SECONDS);
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
            assertThat(Hooks.parse(answered.body()).get("cards")).isNotEmpty();
        }
    }

    /** A call that comes while the service is still starting waits a bounded time, then gets a 503 to retry. */
    @Test
    void callWhileStillLoading_afterTheWait_is503WithRetryAfter_neverCards() throws IOException {
        try (CdsHooksServer server = CdsHooksServer.start("127.0.0.1", 0, new CompletableFuture<>(), Clock.systemUTC(),
                CompletableFuture.completedFuture(fhir), Canonicals.PLACEHOLDER, Duration.ofMillis(100))) {
            HttpResponse<String> response = new Hooks.Client(server.baseUri()).call(Hooks.callWithAnswers(
                    new LinkedHashMap<>(Fixtures.vignettes().get(0).facts())));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue(String.valueOf(TriageService.RETRY_AFTER_SECONDS));
            assertThat(Hooks.parse(response.body()).has("cards")).isFalse();
            assertThat(Hooks.parse(response.body()).at("/error/code").asText()).isEqualTo("UNAVAILABLE");
        }
    }

    /** A rule base that failed to load fails each call openly, as a FHIR side that failed does. */
    @Test
    void ruleBaseThatFailedToLoad_answersCallsWith500_neverCards() throws IOException {
        CompletableFuture<NightPainAssessor> failed = CompletableFuture.failedFuture(new IllegalStateException("broken"));
        try (CdsHooksServer server = CdsHooksServer.start("127.0.0.1", 0, failed, Clock.systemUTC(),
                CompletableFuture.completedFuture(fhir), Canonicals.PLACEHOLDER, TriageService.STARTUP_WAIT)) {
            HttpResponse<String> response = new Hooks.Client(server.baseUri()).call(Hooks.callWithAnswers(
                    new LinkedHashMap<>(Fixtures.vignettes().get(0).facts())));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
            assertThat(Hooks.parse(response.body()).has("cards")).isFalse();
        }
    }

    @Test
    void takenPort_isAnErrorNamingTheAddress() throws IOException {
        try (CdsHooksServer first = start(0)) {
            assertThatThrownBy(() -> start(first.port()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("127.0.0.1:" + first.port());
        }
    }
}
