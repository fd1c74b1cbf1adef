package org.nightpain.cds;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.nightpain.cds.FactField;

/** Shared test data: the vignettes of clinical-knowledge §5, their baseline patient, and one shared assessor. */
public final class Fixtures {
    /** A fixed as-of time, so that results are comparable. */
    public static final Instant AS_OF = Instant.parse("2026-11-25T08:00:00Z");

    /** One assessor for the whole test run: loading the rule base is the slow part. */
    public static final NightPainAssessor ASSESSOR = NightPainAssessor.create();

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A vignette of {@code vignettes.json}. */
    public record Vignette(String id, String description, Map<String, Object> facts, Expected expected,
                           List<String> rulesCovered, List<String> justification) {
        @Override
        public String toString() {
            return id + " " + description;
        }
    }

    /**
     * The expected outcome of a vignette (clinical-knowledge §5 semantics, and the optional keys of §9.6 and
     * §9.7.8: null or empty where the vignette does not give them).
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Expected(Urgency highestUrgency, List<String> findings, List<Referral> referrals,
                           List<String> mustNotFindings, List<Referral> mustNotReferrals, Boolean screeningComplete,
                           List<String> suppressed, List<String> rules, List<String> mustNotRules,
                           List<String> answersNotUsed) {
    }

    private Fixtures() {
    }

    /** All vignettes, in file order. */
    public static List<Vignette> vignettes() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/vignettes.json")) {
            List<Map<String, Object>> raw = JSON.readValue(in, new TypeReference<>() { });
            return raw.stream().map(v -> new Vignette(
                    (String) v.get("id"), (String) v.get("description"),
                    castMap(v.get("facts")),
                    JSON.convertValue(v.get("expected"), Expected.class),
                    castList(v.get("rulesCovered")), castList(v.get("justification")))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The baseline patient of clinical-knowledge §5: a 40-year-old with two weeks of sudden, stable
     * pain and every red-flag question answered NO. Rule tests change only the facts they need.
     */
    public static PatientFacts.Builder baseline() {
        return builderFrom(vignettes().get(0).facts())
                .ageYears(40).sex(Sex.FEMALE).symptomDurationWeeks(2.0)
                .nightPain(TriState.NO).wakesFromSleep(TriState.NO)
                .radicularLegPain(RadicularLegPain.NONE)
                .urinaryRetention(TriState.NO).saddleAnaesthesia(TriState.NO);
    }

    /** Builds facts from a JSON-like map of §4.1 names to values (enum names, numbers or null). */
    public static PatientFacts.Builder builderFrom(Map<String, Object> facts) {
        PatientFacts.Builder builder = PatientFacts.builder();
        facts.forEach((name, value) -> {
            FactField field = FactField.byName(name);
            if (field == null) {
                throw new IllegalArgumentException("not a patient fact: " + name);
            }
            if (value != null) {
                field.write(builder, convert(field, value));
            }
        });
        return builder;
    }

    /**
     * Sets each of these facts on the builder, overriding what it holds: a null value makes the answer
     * unknown (or the number not given).
     */
    public static PatientFacts.Builder change(PatientFacts.Builder builder, Map<String, Object> facts) {
        facts.forEach((name, value) -> {
            FactField field = FactField.byName(name);
            if (field == null) {
                throw new IllegalArgumentException("not a patient fact: " + name);
            }
            field.write(builder, value == null ? null : convert(field, value));
        });
        return builder;
    }

    /** Assesses with the shared assessor at the fixed as-of time. */
    public static Assessment assess(PatientFacts facts) {
        return ASSESSOR.assess(facts, AS_OF);
    }

    /** Assesses with the shared assessor at the fixed as-of time. */
    public static Assessment assess(PatientFacts.Builder facts) {
        return assess(facts.build());
    }

    /** The codes of the presented findings. */
    public static Set<String> codes(Assessment assessment) {
        return assessment.findings().stream().map(Finding::code).collect(Collectors.toSet());
    }

    /** The rule ids of every finding, presented or suppressed. */
    public static Set<String> firedRules(Assessment assessment) {
        return Stream.concat(assessment.findings().stream(), assessment.suppressedFindings().stream())
                .map(Finding::ruleId).collect(Collectors.toSet());
    }

    /**
     * The specification's id of a rule: the STarT Back rules EXT-01-LOW, EXT-01-MEDIUM and EXT-01-HIGH are
     * the three outcomes of the specification's EXT-01; every other rule has the specification's id.
     */
    public static String specRuleId(String ruleId) {
        return ruleId.startsWith("EXT-01-") ? "EXT-01" : ruleId;
    }

    /** The specification's ids of the rules of every finding, presented or suppressed. */
    public static Set<String> firedSpecRules(Assessment assessment) {
        return firedRules(assessment).stream().map(Fixtures::specRuleId).collect(Collectors.toSet());
    }

    /** The rule ids of the presented findings. */
    public static Set<String> presentedRules(Assessment assessment) {
        return assessment.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
    }

    /** The presented finding of a rule; fails when the rule did not fire. */
    public static Finding finding(Assessment assessment, String ruleId) {
        return assessment.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError(ruleId + " did not fire; fired: " + firedRules(assessment)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(FactField field, Object value) {
        return switch (field.kind()) {
            case TRI_STATE, ENUMERATED -> Enum.valueOf((Class) field.enumType(), (String) value);
            case INTEGER -> ((Number) value).intValue();
            case DECIMAL -> ((Number) value).doubleValue();
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }
}
