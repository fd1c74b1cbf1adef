package org.nightpain.cds.hooks;

import org.nightpain.cds.fhir.Canonicals;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Finding;
import org.nightpain.cds.Fixtures;

/**
 * Feedback is stored before its 200 and refused for cards the service never sent (404) or bodies that are
 * not the specification's (400); every answered call leaves an audit row with what was shown, under which
 * knowledge base, to which client, and the patient only as a salted hash.
 */
class FeedbackAndAuditTest {
    private static final String FEEDBACK = "cds-services/" + TriageService.SERVICE_ID + "/feedback";

    @TempDir
    static Path folder;
    private static CdsClientKeys ehr;
    private static ServiceConfig config;
    private static CdsHooksServer server;
    private static Deployments.Client client;

    @BeforeAll
    static void start() {
        ehr = CdsClientKeys.served("https://ehr.test.example");
        config = Deployments.config(folder, ehr.trusted(null));
        server = Deployments.start(config);
        client = new Deployments.Client(server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.close();
        ehr.close();
    }

    private static HttpResponse<String> answeredCall(Map<String, Object> facts) {
        HttpResponse<String> response = client.call(Hooks.callWithAnswers(facts), ehr.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    @Test
    void acceptedAndOverriddenFeedback_isStoredAsSent() {
        List<String> cards = Deployments.cardUuids(answeredCall(new LinkedHashMap<>(Fixtures.vignettes().get(1).facts())));
        String suggestion = "c7e0d7f4-3b7a-4c38-9c1c-4d8a4a1f0b11";
        String body = "{\"feedback\": [{\"card\": \"" + cards.get(0) + "\", \"outcome\": \"accepted\","
                + " \"outcomeTimestamp\": \"2026-12-02T09:30:00Z\", \"acceptedSuggestions\": [{\"id\": \"" + suggestion + "\"}]},"
                + " {\"card\": \"" + cards.get(1) + "\", \"outcome\": \"overridden\", \"outcomeTimestamp\": \"2026-12-02T09:31:00+01:00\","
                + " \"overrideReason\": {\"reason\": {\"system\": \"http://example.org/override\", \"code\": \"already-referred\","
                + " \"display\": \"Already referred\"}, \"userComment\": \"seen in clinic\"}}]}";

        HttpResponse<String> stored = client.post(FEEDBACK, body, ehr.token());

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        List<JsonNode> rows = Deployments.export(config).stream()
                .filter(row -> row.get("record").asText().equals("feedback") && cards.contains(row.get("card").asText())).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("outcome").asText()).isEqualTo("accepted");
        assertThat(rows.get(0).at("/acceptedSuggestions/0/id").asText()).isEqualTo(suggestion);
        assertThat(rows.get(0).get("clientIss").asText()).isEqualTo(ehr.iss());
        assertThat(rows.get(1).get("outcome").asText()).isEqualTo("overridden");
        assertThat(rows.get(1).get("outcomeTimestamp").asText()).isEqualTo("2026-12-02T08:31:00Z");
        assertThat(rows.get(1).at("/overrideReason/reason/code").asText()).isEqualTo("already-referred");
        assertThat(rows.get(1).at("/overrideReason/userComment").asText()).isEqualTo("seen in clinic");
    }

    @Test
    void feedbackForACardNeverSent_is404_andNothingIsStored() {
        List<String> cards = Deployments.cardUuids(answeredCall(new LinkedHashMap<>(Fixtures.vignettes().get(2).facts())));
        String unknown = "00000000-0000-4000-8000-000000000000";
        long before = feedbackRows();

        HttpResponse<String> response = client.accept(List.of(cards.get(0), unknown), ehr.token());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(Hooks.parse(response.body()).at("/error/code").asText()).isEqualTo("UNKNOWN_CARD");
        assertThat(response.body()).contains(unknown);
        assertThat(feedbackRows()).as("all or nothing").isEqualTo(before);
    }

    @Test
    void malformedFeedback_is400NamingTheField() {
        String card = Deployments.cardUuids(answeredCall(new LinkedHashMap<>(Fixtures.vignettes().get(3).facts()))).get(0);
        Map<String, String> bodies = Map.of(
                "{\"feedback\": [", "",
                "[]", "feedback",
                "{\"feedback\": []}", "feedback",
                "{\"feedback\": [{\"card\": \"" + card + "\", \"outcome\": \"ignored\", \"outcomeTimestamp\": \"2026-12-02T09:30:00Z\"}]}",
                "feedback[0].outcome",
                "{\"feedback\": [{\"card\": \"" + card + "\", \"outcome\": \"accepted\"}]}", "feedback[0].outcomeTimestamp",
                "{\"feedback\": [{\"card\": \"" + card + "\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"yesterday\"}]}",
                "feedback[0].outcomeTimestamp",
                "{\"feedback\": [{\"outcome\": \"accepted\", \"outcomeTimestamp\": \"2026-12-02T09:30:00Z\"}]}", "feedback[0].card",
                "{\"feedback\": [{\"card\": \"" + card + "\", \"outcome\": \"overridden\", \"outcomeTimestamp\": \"2026-12-02T09:30:00Z\","
                        + " \"acceptedSuggestions\": [{\"id\": \"x\"}]}]}", "feedback[0].acceptedSuggestions",
                "{\"feedback\": [{\"card\": \"" + card + "\", \"outcome\": \"overridden\", \"outcomeTimestamp\": \"2026-12-02T09:30:00Z\","
                        + " \"overrideReason\": {\"reason\": \"busy\"}}]}", "feedback[0].overrideReason.reason");
        long before = feedbackRows();
        bodies.forEach((body, field) -> {
            HttpResponse<String> response = client.post(FEEDBACK, body, ehr.token());
            assertThat(response.statusCode()).as(body + ": " + response.body()).isEqualTo(400);
            if (!field.isEmpty()) {
                assertThat(Hooks.parse(response.body()).at("/error/problems/0/field").asText()).as(body).isEqualTo(field);
            }
        });
        assertThat(feedbackRows()).isEqualTo(before);
        assertThat(client.get(FEEDBACK).statusCode()).as("GET needs a token first").isEqualTo(401);
    }

    @Test
    void everyAnsweredCall_isAudited_withThePatientOnlyAsASaltedHash() throws Exception {
        Map<String, Object> facts = new LinkedHashMap<>(Fixtures.vignettes().get(0).facts());
        Assessment assessment = Fixtures.assess(Fixtures.builderFrom(facts));
        var call = Hooks.callWithAnswers(facts);
        HttpResponse<String> response = client.call(call, ehr.token());
        List<String> cards = Deployments.cardUuids(response);

        List<JsonNode> rows = Deployments.export(config).stream()
                .filter(row -> row.get("record").asText().equals("audit")
                        && row.get("hookInstance").asText().equals(call.get("hookInstance").asText())).toList();

        assertThat(rows).hasSize(1);
        JsonNode row = rows.get(0);
        assertThat(row.get("serviceId").asText()).isEqualTo(TriageService.SERVICE_ID);
        assertThat(row.get("clientIss").asText()).isEqualTo(ehr.iss());
        assertThat(row.at("/knowledgeBase/version").asText()).isEqualTo(Fixtures.ASSESSOR.knowledgeBase().version());
        assertThat(row.at("/knowledgeBase/sha256").asText()).isEqualTo(Fixtures.ASSESSOR.knowledgeBase().sha256());
        assertThat(row.get("highestUrgency").asText()).isEqualTo(assessment.highestUrgency().name());
        assertThat(row.get("findings").findValuesAsText("ruleId"))
                .isEqualTo(assessment.findings().stream().map(Finding::ruleId).toList());
        assertThat(row.get("findings").findValuesAsText("code"))
                .isEqualTo(assessment.findings().stream().map(Finding::code).toList());
        assertThat(row.get("cards").findValuesAsText("")).isEmpty();
        List<String> audited = new java.util.ArrayList<>();
        row.get("cards").forEach(card -> audited.add(card.asText()));
        assertThat(audited).isEqualTo(cards);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(Deployments.SALT.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        assertThat(row.get("patientIdHash").asText())
                .isEqualTo(HexFormat.of().formatHex(sha256.digest(Hooks.PATIENT_ID.getBytes(StandardCharsets.UTF_8))));
        assertThat(row.toString()).doesNotContain("\"" + Hooks.PATIENT_ID + "\"", "Practitioner/dr-1");
    }

    @Test
    void refusedOrFailedCalls_leaveNoAuditRow() {
        long before = Deployments.export(config).stream().filter(row -> row.get("record").asText().equals("audit")).count();

        client.call(Hooks.callWithAnswers(new LinkedHashMap<>(Fixtures.vignettes().get(0).facts())), null);
        client.post("cds-services/" + TriageService.SERVICE_ID, "{oops", ehr.token());

        assertThat(Deployments.export(config).stream().filter(row -> row.get("record").asText().equals("audit")).count())
                .isEqualTo(before);
    }

    @Test
    void healthAndReady_sayOnlyWhetherTheServiceIsUp() throws Exception {
        answeredCall(new LinkedHashMap<>(Fixtures.vignettes().get(4).facts()));
        HttpResponse<String> health = client.get("health");
        HttpResponse<String> ready = client.get("ready");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"up\"}");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"up\"}");
    }

    /** Not ready while the rule base still loads (or the store opens), though alive. */
    @Test
    void whileTheRuleBaseLoads_theServiceIsAliveButNotReady() throws Exception {
        java.util.concurrent.CompletableFuture<org.nightpain.cds.NightPainAssessor> loading =
                new java.util.concurrent.CompletableFuture<>();
        try (CdsHooksServer starting = CdsHooksServer.start("127.0.0.1", 0, loading, java.time.Clock.systemUTC(),
                java.util.concurrent.CompletableFuture.completedFuture(Deployments.fhir()), Canonicals.PLACEHOLDER,
                TriageService.STARTUP_WAIT, ServiceConfig.open())) {
            Deployments.Client probe = new Deployments.Client(starting.baseUri());
            assertThat(probe.get("health").statusCode()).isEqualTo(200);
            HttpResponse<String> notReady = probe.get("ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).isEqualTo("{\"status\":\"down\"}");

            loading.complete(Fixtures.ASSESSOR);
            HttpResponse<String> ready = probe.get("ready");
            for (int i = 0; i < 100 && ready.statusCode() != 200; i++) {
                Thread.sleep(100);   // the in-memory store may still be opening
                ready = probe.get("ready");
            }
            assertThat(ready.statusCode()).isEqualTo(200);
        }
    }

    private static long feedbackRows() {
        return Deployments.export(config).stream().filter(row -> row.get("record").asText().equals("feedback")).count();
    }
}
