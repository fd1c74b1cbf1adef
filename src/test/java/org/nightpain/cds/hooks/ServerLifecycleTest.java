package org.nightpain.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nightpain.cds.Fixtures;

/**
 * Starting and stopping: the port is released on close, a taken port is a clear error (SIGTERM:
 * ServeCommandIT), and a FHIR side that failed to load fails each call openly.
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

    @Test
    void takenPort_isAnErrorNamingTheAddress() throws IOException {
        try (CdsHooksServer first = start(0)) {
            assertThatThrownBy(() -> start(first.port()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("127.0.0.1:" + first.port());
        }
    }
}
