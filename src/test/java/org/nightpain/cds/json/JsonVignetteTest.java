package org.nightpain.cds.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Finding;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.JsonTestSupport;

/**
 * Every vignette through the JSON path (its {@code facts} object sent as a request) gives the same
 * result as through the Java path: the same findings in the same order, with the same urgencies,
 * referrals and reasons, the same suppressed findings, referrals and questions.
 */
class JsonVignetteTest {
    private static final ObjectMapper MAPPER = JsonTestSupport.MAPPER;
    private static final AssessmentJson JSON = AssessmentJson.create(Fixtures.ASSESSOR);

    static List<Fixtures.Vignette> vignettes() {
        return Fixtures.vignettes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    void vignette_jsonPathMatchesJavaPath(Fixtures.Vignette vignette) throws Exception {
        ObjectNode request = MAPPER.valueToTree(vignette.facts());
        request.put("id", vignette.id());
        request.put("asOf", Fixtures.AS_OF.toString());

        JsonNode result = MAPPER.readTree(JSON.assess(MAPPER.writeValueAsString(request)));
        Assessment expected = Fixtures.assess(Fixtures.builderFrom(vignette.facts()));

        assertThat(result.has("error")).as("error object: %s", result).isFalse();
        assertThat(result.get("id").asText()).isEqualTo(vignette.id());
        assertThat(result.get("highestUrgency").asText()).isEqualTo(expected.highestUrgency().name());
        assertThat(texts(result.get("referrals"))).isEqualTo(names(expected.referrals()));
        assertThat(findings(result.get("findings"))).isEqualTo(findings(expected.findings()));
        assertThat(findings(result.get("suppressedFindings"))).isEqualTo(findings(expected.suppressedFindings()));
        assertThat(texts(result.get("questionsToAsk").findValues("field")))
                .isEqualTo(expected.questionsToAsk().stream().map(q -> q.field()).toList());
        assertThat(result.get("assessedAt").asText()).isEqualTo(Fixtures.AS_OF.toString());
    }

    /** The comparable part of each finding: code, rule, urgency, referrals and the facts that fired it. */
    private static List<Map<String, Object>> findings(JsonNode findings) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode finding : findings) {
            Map<String, Object> facts = new LinkedHashMap<>();
            finding.get("inputsUsed").fields().forEachRemaining(e -> facts.put(e.getKey(), e.getValue().asText()));
            out.add(Map.of(
                    "code", finding.get("code").asText(),
                    "ruleId", finding.get("ruleId").asText(),
                    "urgency", finding.has("urgency") ? finding.get("urgency").asText() : "informational",
                    "referrals", texts(finding.get("referrals")),
                    "inputsUsed", facts));
        }
        return out;
    }

    private static List<Map<String, Object>> findings(List<Finding> findings) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Finding finding : findings) {
            Map<String, Object> facts = new LinkedHashMap<>();
            finding.inputsUsed().forEach((key, value) -> facts.put(key, String.valueOf(value)));
            out.add(Map.of(
                    "code", finding.code(),
                    "ruleId", finding.ruleId(),
                    "urgency", finding.urgency() == null ? "informational" : finding.urgency().name(),
                    "referrals", names(finding.referrals()),
                    "inputsUsed", facts));
        }
        return out;
    }

    private static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> out = new ArrayList<>();
        nodes.forEach(node -> out.add(node.asText()));
        return out;
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
