package org.nightpain.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightpain.cds.Fixtures;

/**
 * Fuzzes the body of a CDS Hooks call, CDS Hooks JSON with FHIR R4 prefetch, straight into the service
 * without an HTTP server: the body is what {@link HooksHandler} hands over, and anything the service
 * throws would become a 500 there. Every body must be answered with cards (200) or with an error that
 * names the problem (400, or 412 when the answers were not sent); never a 500, never an exception.
 * Cards must be well formed, the most urgent first, and a response without answers must say that
 * nothing was assessed.
 *
 * <p>Seeds: a call for each vignette, a call with every kind of record, each odd record of
 * {@link Hooks#oddRecords()} in each prefetch slot, and the hand-made bodies in
 * {@code CdsHooksRequestFuzzTestInputs/} in this package's test resources.
 */
class CdsHooksRequestFuzzTest {
    private static final List<String> INDICATORS = List.of("critical", "warning", "info");
    private static final List<String> ERROR_CODES = List.of("MALFORMED_JSON", "INVALID_INPUT", "DATA_UNAVAILABLE");

    private static TriageService service;

    @BeforeAll
    static void load() {
        service = new TriageService(Fixtures.ASSESSOR, Clock.fixed(Fixtures.AS_OF, ZoneOffset.UTC),
                CompletableFuture.completedFuture(FhirSupport.load()));
    }

    static Stream<Arguments> seeds() {
        List<Arguments> seeds = new ArrayList<>();
        Fixtures.vignettes().forEach(v -> seeds.add(seed("vignette " + v.id(), Hooks.callWithAnswers(v.facts()))));
        seeds.add(seed("every kind of record", everyKindOfRecord()));
        List<String> odd = Hooks.oddRecords();
        for (int i = 0; i < odd.size(); i++) {
            for (PrefetchKey key : PrefetchKey.values()) {
                ObjectNode call = Hooks.callWithAnswers(Fixtures.vignettes().get(0).facts());
                ((ObjectNode) call.get("prefetch")).set(key.key(), Hooks.parse(odd.get(i)));
                seeds.add(seed("odd record " + i + " as " + key.key(), call));
            }
        }
        return seeds.stream();
    }

    private static Arguments seed(String name, JsonNode call) {
        return Arguments.of(Named.of(name, call.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Answers with the age and history left open, and records that fill them, one of each kind. */
    private static ObjectNode everyKindOfRecord() {
        Map<String, Object> answers = new LinkedHashMap<>(Fixtures.vignettes().get(0).facts());
        answers.keySet().removeAll(List.of("ageYears", "historyOfCancer", "corticosteroidProlonged", "temperatureC"));
        ObjectNode prefetch = Hooks.JSON.createObjectNode();
        prefetch.set("patient", Hooks.patient("1960-06-01"));
        prefetch.set("questionnaireResponse", Hooks.bundle(Hooks.questionnaireResponse(answers)));
        prefetch.set("conditions", Hooks.bundle(Hooks.condition("c1", "http://snomed.info/sct", "254837009")));
        prefetch.set("bodyTemperature", Hooks.bundle(
                Hooks.temperature("t1", 101.1, "[degF]", Fixtures.AS_OF.minusSeconds(3600)),
                Hooks.temperature("t2", 37.2, "Cel", Fixtures.AS_OF.minusSeconds(90_000))));
        prefetch.set("medications", Hooks.bundle(Hooks.medicationStatement("m1", "http://www.whocc.no/atc", "H02AB06")));
        return Hooks.call(prefetch);
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "10m")
    void call(byte[] body) {
        TriageService.Reply reply = service.call(body);

        JsonNode answer = Hooks.parse(reply.body());
        if (reply.status() == 200) {
            checkCards(answer);
        } else {
            assertThat(reply.status()).as("status of %s", reply.body()).isIn(400, 412);
            assertThat(answer.has("cards")).isFalse();
            assertThat(answer.at("/error/code").asText()).isIn(ERROR_CODES);
            assertThat(answer.at("/error/message").asText()).isNotBlank();
            answer.at("/error/problems").forEach(p -> assertThat(p.get("message").asText()).isNotBlank());
        }
    }

    private static void checkCards(JsonNode answer) {
        JsonNode cards = answer.get("cards");
        assertThat(cards.isArray() && !cards.isEmpty()).as("cards of %s", answer).isTrue();
        List<Integer> severities = new ArrayList<>();
        for (JsonNode card : cards) {
            assertThat(card.get("summary").asText()).isNotBlank().hasSizeLessThan(140);
            assertThat(card.get("indicator").asText()).isIn(INDICATORS);
            assertThat(card.at("/source/label").asText()).isNotBlank();
            severities.add(INDICATORS.indexOf(card.get("indicator").asText()));
        }
        assertThat(severities.get(0)).as("the first card is the most urgent: %s", severities)
                .isEqualTo(severities.stream().min(Integer::compare).orElseThrow());
        if (Cards.NOT_ASSESSED_TOPIC.equals(cards.get(0).at("/source/topic/code").asText())) {
            assertThat(cards).hasSize(1);
            assertThat(cards.get(0).get("indicator").asText()).isEqualTo("info");
            assertThat(cards.get(0).get("detail").asText()).contains("nothing was assessed");
        }
    }
}
