package org.nightpain.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nightpain.cds.Fixtures;

/**
 * The FHIR server fetch against a real FHIR server (HAPI FHIR's RestfulServer on loopback): a call that leaves
 * out prefetch keys and carries {@code fhirServer} and {@code fhirAuthorization} gets what the prefetch would
 * have given; a server that is down, fails, is slow, answers about another patient or pages on too long makes
 * the call a 412 naming the keys; the token goes to that server only.
 */
class FhirServerFetchTest {
    private static final String TOKEN = "fhir-access-token-7Qz3";
    private static final Map<String, Object> FACTS = new LinkedHashMap<>(Fixtures.vignettes().get(0).facts());
    private static CdsHooksServer service;
    private static Deployments.Client client;

    @BeforeAll
    static void start() {
        service = Deployments.start(ServiceConfig.open());
        client = new Deployments.Client(service.baseUri());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** The patient's records, as the FHIR server holds them and as a full prefetch would carry them. */
    private static ObjectNode[] records() {
        Instant recent = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        return new ObjectNode[] {Hooks.patient("1961-03-04"), Hooks.questionnaireResponse(FACTS),
            Hooks.condition("c-1", "http://snomed.info/sct", "363346000"),
            Hooks.temperature("t-1", 38.4, "Cel", recent),
            Hooks.medicationStatement("m-1", "http://www.whocc.no/atc", "H02AB06")};
    }

    private static ObjectNode fullPrefetch(ObjectNode[] records) {
        ObjectNode prefetch = Hooks.JSON.createObjectNode();
        prefetch.set("patient", records[0]);
        prefetch.set("questionnaireResponse", Hooks.bundle(records[1]));
        prefetch.set("conditions", Hooks.bundle(records[2]));
        prefetch.set("bodyTemperature", Hooks.bundle(records[3]));
        prefetch.set("medications", Hooks.bundle(records[4]));
        prefetch.putNull("pregnancy");
        return prefetch;
    }

    /** A call with this prefetch (null: none at all) that names the FHIR server and gives a token. */
    private static ObjectNode callReading(URI server, ObjectNode prefetch) {
        ObjectNode call = Hooks.call(prefetch == null ? Hooks.JSON.createObjectNode() : prefetch);
        if (prefetch == null) {
            call.remove("prefetch");
        }
        call.put("fhirServer", server.toString());
        call.putObject("fhirAuthorization").put("access_token", TOKEN).put("token_type", "Bearer").put("expires_in", 300)
                .put("scope", "patient/*.read").put("subject", "nightpain-cds");
        return call;
    }

    private static List<String> ruleIds(HttpResponse<String> response) {
        List<String> ids = new ArrayList<>();
        Hooks.findingCards(Hooks.parse(response.body())).forEach(card -> ids.add(card.at("/source/topic/code").asText()));
        return ids;
    }

    private static void assertPreconditionFailed(HttpResponse<String> response, String... keys) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(412);
        JsonNode body = Hooks.parse(response.body());
        assertThat(body.has("cards")).isFalse();
        assertThat(body.at("/error/code").asText()).isEqualTo("DATA_UNAVAILABLE");
        List<String> fields = new ArrayList<>();
        body.at("/error/problems").forEach(problem -> fields.add(problem.get("field").asText()));
        for (String key : keys) {
            assertThat(fields).contains("prefetch." + key);
        }
    }

    @Test
    void missingPrefetch_isReadFromTheFhirServer_andGivesTheCardsOfAFullPrefetch() {
        ObjectNode[] records = records();
        try (TestFhirServer fhir = TestFhirServer.start(10).add(records)) {
            HttpResponse<String> sent = client.call(Hooks.call(fullPrefetch(records)), null);
            HttpResponse<String> fetched = client.call(callReading(fhir.base(), null), null);

            assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(200);
            assertThat(ruleIds(fetched)).isNotEmpty().isEqualTo(ruleIds(sent));
            assertThat(fhir.requests()).containsExactlyInAnyOrder("Patient", "QuestionnaireResponse", "Condition",
                    "Observation", "MedicationStatement", "Observation");
            assertThat(fhir.authorizations()).as("the bearer token on every request").containsOnly("Bearer " + TOKEN);
        }
    }

    @Test
    void onlyTheKeysLeftOut_areRead() {
        ObjectNode[] records = records();
        try (TestFhirServer fhir = TestFhirServer.start(10).add(records)) {
            ObjectNode prefetch = fullPrefetch(records);
            prefetch.remove("conditions");
            prefetch.putNull("medications");

            HttpResponse<String> response = client.call(callReading(fhir.base(), prefetch), null);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(fhir.requests()).containsExactly("Condition");
        }
    }

    @Test
    void withoutFhirAuthorization_nothingIsRead_andMissingAnswersAre412() {
        try (TestFhirServer fhir = TestFhirServer.start(10).add(records())) {
            ObjectNode call = callReading(fhir.base(), null);
            call.remove("fhirAuthorization");

            assertPreconditionFailed(client.call(call, null), "questionnaireResponse");
            assertThat(fhir.requests()).isEmpty();
        }
    }

    @Test
    void serverDown_is412NamingEveryKey() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertPreconditionFailed(client.call(callReading(URI.create("http://127.0.0.1:" + closedPort + "/fhir"), null), null),
                "patient", "questionnaireResponse", "conditions", "bodyTemperature", "medications", "pregnancy");
    }

    @Test
    void serverError_is412_neverACard() {
        try (TestFhirServer fhir = TestFhirServer.start(10).add(records())) {
            fhir.mode(TestFhirServer.Mode.FAIL);

            HttpResponse<String> response = client.call(callReading(fhir.base(), null), null);

            assertPreconditionFailed(response, "questionnaireResponse", "conditions");
            assertThat(response.body()).contains("HTTP 500");
        }
    }

    @Test
    void slowServer_is412AfterTheTimeout() {
        try (TestFhirServer fhir = TestFhirServer.start(10).add(records())) {
            fhir.mode(TestFhirServer.Mode.SLOW);
            long start = System.nanoTime();

            HttpResponse<String> response = client.call(callReading(fhir.base(), null), null);

            assertPreconditionFailed(response, "questionnaireResponse");
            assertThat(response.body()).contains("within 5 s");
            assertThat((System.nanoTime() - start) / 1_000_000_000).as("answered at the timeout, before the server")
                    .isLessThan(8);
        }
    }

    @Test
    void resourcesAboutAnotherPatient_are412() {
        ObjectNode[] records = records();
        ObjectNode strangers = Hooks.condition("c-9", "http://snomed.info/sct", "64859006");
        strangers.putObject("subject").put("reference", "Patient/somebody-else");
        try (TestFhirServer fhir = TestFhirServer.start(10).add(records).add(strangers)) {
            HttpResponse<String> response = client.call(callReading(fhir.base(), null), null);

            assertPreconditionFailed(response, "conditions");
            assertThat(response.body()).contains("another patient");
        }
    }

    @Test
    void searchResultsOnSeveralPages_areFollowedThroughNextLinks() {
        try (TestFhirServer fhir = TestFhirServer.start(10).add(records()).add(conditions(25))) {
            HttpResponse<String> response = client.call(callReading(fhir.base(), null), null);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(fhir.requests().stream().filter("page"::equals).count()).as("next pages read").isEqualTo(2);
        }
    }

    @Test
    void searchWithMorePagesThanTheLimit_is412() {
        try (TestFhirServer fhir = TestFhirServer.start(10).add(records())
                .add(conditions(FhirServerFetch.MAX_PAGES * 10 + 5))) {
            HttpResponse<String> response = client.call(callReading(fhir.base(), null), null);

            assertPreconditionFailed(response, "conditions");
            assertThat(fhir.requests().stream().filter("page"::equals).count()).isEqualTo(FhirServerFetch.MAX_PAGES - 1);
        }
    }

    /** A next link to another server is not followed, so the token never reaches it. */
    @Test
    void nextLinkToAnotherServer_isNotFollowed() {
        try (TestFhirServer elsewhere = TestFhirServer.start(10);
             TestFhirServer fhir = TestFhirServer.start(10).add(records()).add(conditions(25))) {
            fhir.linksPointTo(elsewhere.base());

            assertPreconditionFailed(client.call(callReading(fhir.base(), null), null), "conditions");
            assertThat(elsewhere.requests()).isEmpty();
        }
    }

    @Test
    void fhirServerThatIsNotHttp_isRefusedAndNotFollowed() {
        for (String server : List.of("file:///etc/passwd", "ftp://127.0.0.1/fhir", "jar:file:/x.jar!/", "/fhir",
                "http://user:secret@127.0.0.1/fhir", "not a url")) {
            ObjectNode call = callReading(URI.create("http://placeholder"), null);
            call.put("fhirServer", server);

            HttpResponse<String> response = client.call(call, null);

            assertThat(response.statusCode()).as(server + ": " + response.body()).isEqualTo(400);
            assertThat(Hooks.parse(response.body()).at("/error/problems/0/field").asText()).isEqualTo("fhirServer");
        }
    }

    @Test
    void fhirAuthorizationThatIsNotABearerToken_isRefused() {
        ObjectNode call = callReading(URI.create("http://127.0.0.1:9/fhir"), null);
        ((ObjectNode) call.get("fhirAuthorization")).put("token_type", "MAC");
        assertThat(client.call(call, null).statusCode()).isEqualTo(400);
        ((ObjectNode) call.get("fhirAuthorization")).remove("access_token");
        assertThat(Hooks.parse(client.call(call, null).body()).at("/error/problems/0/field").asText())
                .isEqualTo("fhirAuthorization.access_token");
    }

    private static ObjectNode[] conditions(int count) {
        ObjectNode[] conditions = new ObjectNode[count];
        for (int i = 0; i < count; i++) {
            conditions[i] = Hooks.condition("many-" + i, "http://snomed.info/sct", "38341003");
        }
        return conditions;
    }
}
