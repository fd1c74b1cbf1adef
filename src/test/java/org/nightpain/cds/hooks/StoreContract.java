package org.nightpain.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What the store must do on every database it supports (H2 in the unit tests, PostgreSQL in an integration
 * test): create its schema and open again over it, keep an answered call with its cards, take feedback only
 * for cards it keeps (all of a request or none), keep its salt, and export what it holds since a time.
 */
abstract class StoreContract {
    /** The store under test; each call may open the same database again. */
    abstract ServiceConfig.StoreConfig store();

    static Store.AuditRecord call(Instant at, String... cards) {
        return new Store.AuditRecord(at, UUID.randomUUID().toString(), TriageService.SERVICE_ID, "https://ehr.test.example",
                "a".repeat(64), "nightpain-lbp", "1.1.0", "b".repeat(64), "EMERGENCY",
                JsonNodeFactory.instance.arrayNode().add(JsonNodeFactory.instance.objectNode().put("code", "CAUDA_EQUINA_SUSPECTED")
                        .put("ruleId", "EMR-01").put("ruleVersion", "1.0.0")), List.of(cards));
    }

    static Store.FeedbackRecord accepted(String card) {
        return new Store.FeedbackRecord(card, "accepted", Instant.parse("2026-12-02T09:30:00Z"),
                JsonNodeFactory.instance.arrayNode().add(JsonNodeFactory.instance.objectNode().put("id", "s-1")), null);
    }

    static List<JsonNode> rows(Store store, Instant since) {
        StringWriter out = new StringWriter();
        store.export(since, out);
        List<JsonNode> rows = new ArrayList<>();
        out.toString().lines().forEach(line -> rows.add(Hooks.parse(line)));
        return rows;
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }

    @Test
    void answeredCallAndItsFeedback_areKept_andOutliveAReopening() {
        String card = uuid();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Store.AuditRecord call = call(now, card, uuid());
        try (Store store = Store.open(store())) {
            assertThat(store.reachable()).isTrue();
            store.recordCall(call);
            assertThat(store.recordFeedback(TriageService.SERVICE_ID, "https://ehr.test.example", now, List.of(accepted(card))))
                    .isNull();
        }
        try (Store reopened = Store.open(store())) {
            List<JsonNode> rows = rows(reopened, now.minusSeconds(1));
            JsonNode audit = rows.stream().filter(r -> r.path("hookInstance").asText().equals(call.hookInstance()))
                    .findFirst().orElseThrow();
            assertThat(audit.get("answeredAt").asText()).isEqualTo(now.toString());
            assertThat(audit.get("cards").get(0).asText()).isEqualTo(card);
            assertThat(audit.at("/findings/0/ruleId").asText()).isEqualTo("EMR-01");
            assertThat(rows).anySatisfy(r -> {
                assertThat(r.get("record").asText()).isEqualTo("feedback");
                assertThat(r.get("card").asText()).isEqualTo(card);
                assertThat(r.at("/acceptedSuggestions/0/id").asText()).isEqualTo("s-1");
            });
        }
    }

    @Test
    void feedbackNamingAnUnknownCard_isRefusedWhole() {
        String known = uuid();
        String unknown = uuid();
        Instant now = Instant.now();
        try (Store store = Store.open(store())) {
            store.recordCall(call(now, known));

            assertThat(store.recordFeedback(TriageService.SERVICE_ID, null, now, List.of(accepted(known), accepted(unknown))))
                    .isEqualTo(unknown);
            assertThat(store.recordFeedback("another-service", null, now, List.of(accepted(known)))).isEqualTo(known);
            assertThat(rows(store, now.minusSeconds(1))).noneMatch(r -> r.path("card").asText().equals(known));
        }
    }

    @Test
    void generatedSalt_isMadeOnceAndKept() {
        String salt;
        try (Store store = Store.open(store())) {
            salt = store.generatedSalt();
            assertThat(salt).matches("[0-9a-f]{64}");
        }
        try (Store store = Store.open(store())) {
            assertThat(store.generatedSalt()).isEqualTo(salt);
        }
    }

    @Test
    void exportSince_leavesOutWhatCameBefore() {
        Instant old = Instant.parse("2020-01-01T00:00:00Z");
        Store.AuditRecord before = call(old, uuid());
        Store.AuditRecord after = call(Instant.now(), uuid());
        try (Store store = Store.open(store())) {
            store.recordCall(before);
            store.recordCall(after);

            List<String> exported = rows(store, old.plusSeconds(1)).stream().map(r -> r.path("hookInstance").asText()).toList();

            assertThat(exported).contains(after.hookInstance()).doesNotContain(before.hookInstance());
        }
    }

    @Test
    void manyThreadsWriting_loseNothing() throws Exception {
        Instant start = Instant.now();
        List<String> cards = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (Store store = Store.open(store())) {
            List<Future<String>> writes = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                writes.add(threads.submit(() -> {
                    String card = uuid();
                    store.recordCall(call(Instant.now(), card));
                    assertThat(store.recordFeedback(TriageService.SERVICE_ID, null, Instant.now(), List.of(accepted(card))))
                            .isNull();
                    return card;
                }));
            }
            for (Future<String> write : writes) {
                cards.add(write.get());
            }
            List<String> stored = rows(store, start.minusSeconds(1)).stream()
                    .filter(r -> r.get("record").asText().equals("feedback")).map(r -> r.get("card").asText()).toList();
            assertThat(stored).containsAll(cards);
        } finally {
            threads.shutdownNow();
        }
    }
}
