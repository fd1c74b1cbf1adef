package org.nightpain.cds.hooks;

import org.nightpain.cds.fhir.Canonicals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.nightpain.cds.Fixtures;

/**
 * The canonical URLs of the Questionnaire and code systems: a placeholder under example.org unless the
 * deployment gives a base of its own, and then that base everywhere the service names them.
 */
class CanonicalsTest {
    private static final String BASE = "https://fhir.example-hospital.org/nightpain";

    @Test
    void placeholder_isUnderExampleOrg() {
        assertThat(Canonicals.PLACEHOLDER.questionnaire())
                .isEqualTo("http://example.org/fhir/nightpain-cds/Questionnaire/nightpain-triage");
        assertThat(Canonicals.PLACEHOLDER.isPlaceholder()).isTrue();
        assertThat(Canonicals.of(BASE + "/").base()).as("a trailing slash is dropped").isEqualTo(BASE);
        assertThat(Canonicals.of(BASE).isPlaceholder()).isFalse();
    }

    @Test
    void baseThatIsNoHttpUrl_isRefused() {
        for (String bad : new String[] {"", "nightpain", "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e", "ftp://x.org/a",
                "https://x.org/a?b=c", "https://x.org/a#b", "https://x.org/a|1", "https:///a"}) {
            assertThatThrownBy(() -> Canonicals.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("canonical base");
        }
        assertThatThrownBy(() -> CdsHooksServer.checkCanonicalBase("nightpain")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A deployment's own base names the Questionnaire, the answer codes, the prefetch query and the card topics. */
    @Test
    void serviceWithABaseOfItsOwn_usesItEverywhere() throws IOException {
        Canonicals own = Canonicals.of(BASE);
        try (CdsHooksServer server = CdsHooksServer.start("127.0.0.1", 0, CompletableFuture.completedFuture(Fixtures.ASSESSOR),
                Clock.fixed(Fixtures.AS_OF, ZoneOffset.UTC), CompletableFuture.completedFuture(FhirSupport.load(own)), own,
                TriageService.STARTUP_WAIT)) {
            Hooks.Client client = new Hooks.Client(server.baseUri());

            JsonNode questionnaire = Hooks.parse(client.get("questionnaire").body());
            assertThat(questionnaire.get("url").asText()).isEqualTo(BASE + "/Questionnaire/nightpain-triage");
            assertThat(questionnaire.findValuesAsText("system")).filteredOn(s -> !s.startsWith("http://unitsofmeasure.org"))
                    .isNotEmpty().allSatisfy(system -> assertThat(system).startsWith(BASE + "/CodeSystem/"));
            assertThat(Hooks.parse(client.get("cds-services").body()).at("/services/0/prefetch/questionnaireResponse").asText())
                    .contains("questionnaire=" + BASE + "/Questionnaire/nightpain-triage&");

            Map<String, Object> facts = new LinkedHashMap<>(Fixtures.vignettes().get(0).facts());
            // The answers, written for the placeholder, with this deployment's Questionnaire and code systems.
            ObjectNode call = (ObjectNode) Hooks.parse(Hooks.callWithAnswers(facts).toString()
                    .replace(Canonicals.PLACEHOLDER_BASE, BASE));
            ObjectNode answers = (ObjectNode) call.at("/prefetch/questionnaireResponse/entry/0/resource");
            answers.put("questionnaire", own.questionnaire() + "|1.0.0");
            JsonNode cards = Hooks.parse(client.call(call).body()).get("cards");
            assertThat(cards).as("cards").isNotNull();
            assertThat(cards.get(0).at("/source/topic/system").asText()).isEqualTo(BASE + "/CodeSystem/rule");
            assertThat(cards.get(0).at("/suggestions/0/actions/0/resource/method/coding/0/system").asText())
                    .isEqualTo(BASE + "/CodeSystem/knowledge-base");

            // Answers to the placeholder's Questionnaire are answers to another questionnaire here.
            answers.put("questionnaire", Canonicals.PLACEHOLDER.questionnaire());
            JsonNode other = Hooks.parse(client.call(call).body()).get("cards");
            assertThat(other).hasSize(1);
            assertThat(other.get(0).at("/source/topic/code").asText()).isEqualTo(Cards.NOT_ASSESSED_TOPIC);
            assertThat(other.get(0).get("detail").asText()).contains("answers another questionnaire");
        }
    }
}
