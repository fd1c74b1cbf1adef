package org.nightpain.cds.safety;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Diagnostic;
import org.nightpain.cds.Finding;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.Referral;
import org.nightpain.cds.Urgency;
import org.nightpain.cds.FactField;

/**
 * One clinical test case with its expected outcome, kept as data: the 40 vignettes of
 * {@code vignettes.json} and the cases of {@code cases/*.json}, read the same way.
 *
 * <p>A case file is a JSON array of cases. Each case has an {@code id}, a {@code description}, a
 * {@code base} ({@code "baseline"}, the §5 baseline patient, which is the default, or {@code "unknown"},
 * a patient with nothing known), the {@code facts} that differ from it ({@code null} makes an answer
 * UNKNOWN and a number absent), the {@code expected} outcome and the rules it covers. The semantics are
 * those of the vignettes (clinical-knowledge §5): {@code highestUrgency} must match exactly;
 * {@code findings}, {@code referrals} and {@code rulesCovered} must be included;
 * {@code mustNotFindings} and {@code mustNotReferrals} must be absent from the presented result. Cases
 * may also name {@code diagnostics} that the presented findings must include and
 * {@code mustNotDiagnostics} that they must not, and {@code inputsUsed}: by finding code, facts and
 * values that some presented finding of that code must cite among the facts that fired it (the
 * finding's basis is part of the outcome a clinician reads). A case that only makes
 * sense with most rules switched off (the fail-safe FB-01) lists the decision rules it keeps in
 * {@code onlyDecisionRules}.
 *
 * @param id                the case id
 * @param description       what the case is about
 * @param source            the file it came from
 * @param facts             the patient
 * @param expected          the expected outcome
 * @param onlyDecisionRules if not empty, the only decision rules left on (inference and aggregation stay on)
 */
public record CorpusCase(String id, String description, String source, PatientFacts facts, Expected expected,
                  List<String> onlyDecisionRules) {

    /**
     * The expected outcome.
     *
     * @param highestUrgency   exactly this
     * @param findings         codes the presented findings include
     * @param referrals        referrals the result includes
     * @param mustNotFindings  codes absent from the presented findings
     * @param mustNotReferrals referrals absent from the result
     * @param diagnostics        diagnostics the presented findings include between them
     * @param mustNotDiagnostics diagnostics none of the presented findings includes
     * @param inputsUsed         by finding code, facts (name to value as in a request) that a presented
     *                           finding of that code cites in its {@code inputsUsed}
     * @param rulesCovered       rule ids that fire (presented or suppressed)
     * @param screeningComplete  when given, the result's screeningComplete
     * @param suppressed         codes of findings the result withholds (suppressedFindings)
     * @param rules              rule ids the presented findings include
     * @param mustNotRules       rule ids no presented finding has
     * @param answersNotUsed     when given, exactly the fields the result lists as answers not used
     * @param adviceExcludes     by finding code, words the advice of a presented finding of that code
     *                           must not contain (for example "NSAID" in pregnancy)
     */
    record Expected(Urgency highestUrgency, List<String> findings, List<Referral> referrals,
                    List<String> mustNotFindings, List<Referral> mustNotReferrals, List<Diagnostic> diagnostics,
                    List<Diagnostic> mustNotDiagnostics, Map<String, Map<String, Object>> inputsUsed,
                    List<String> rulesCovered, Boolean screeningComplete, List<String> suppressed,
                    List<String> rules, List<String> mustNotRules, List<String> answersNotUsed,
                    Map<String, List<String>> adviceExcludes) {
        Expected {
            inputsUsed = inputsUsed == null ? Map.of() : Map.copyOf(inputsUsed);
            Objects.requireNonNull(highestUrgency, "highestUrgency");
            findings = orEmpty(findings);
            referrals = orEmpty(referrals);
            mustNotFindings = orEmpty(mustNotFindings);
            mustNotReferrals = orEmpty(mustNotReferrals);
            diagnostics = orEmpty(diagnostics);
            mustNotDiagnostics = orEmpty(mustNotDiagnostics);
            rulesCovered = orEmpty(rulesCovered);
            suppressed = orEmpty(suppressed);
            rules = orEmpty(rules);
            mustNotRules = orEmpty(mustNotRules);
            answersNotUsed = answersNotUsed == null ? null : List.copyOf(answersNotUsed);
            adviceExcludes = adviceExcludes == null ? Map.of() : Map.copyOf(adviceExcludes);
        }

        private static <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : List.copyOf(list);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FOLDER = "/cases";

    @Override
    public String toString() {
        return id + " " + description;
    }

    /**
     * What the result gets wrong against the expected outcome, including rules of {@code rulesCovered}
     * that did not fire; empty when it matches.
     */
    List<String> violations(Assessment result) {
        List<String> violations = outcomeViolations(result);
        Set<String> fired = Fixtures.firedSpecRules(result);
        expected.rulesCovered().stream().filter(id -> !fired.contains(id))
                .forEach(id -> violations.add("rule " + id + " did not fire"));
        return violations;
    }

    /**
     * What the result gets wrong in what a clinician reads: the urgency, the findings presented and not,
     * the referrals, the diagnostics and the facts the findings cite, as far as the case states them.
     * Which rules fired ({@code rulesCovered}) is not part of it.
     */
    List<String> outcomeViolations(Assessment result) {
        List<String> violations = new ArrayList<>();
        Set<String> codes = Fixtures.codes(result);
        if (result.highestUrgency() != expected.highestUrgency()) {
            violations.add("highest urgency " + result.highestUrgency() + ", expected " + expected.highestUrgency());
        }
        expected.findings().stream().filter(code -> !codes.contains(code))
                .forEach(code -> violations.add("finding " + code + " missing"));
        expected.mustNotFindings().stream().filter(codes::contains)
                .forEach(code -> violations.add("finding " + code + " presented"));
        expected.referrals().stream().filter(r -> !result.referrals().contains(r))
                .forEach(r -> violations.add("referral " + r + " missing"));
        expected.mustNotReferrals().stream().filter(r -> result.referrals().contains(r))
                .forEach(r -> violations.add("referral " + r + " given"));
        Set<Diagnostic> diagnostics = result.findings().stream().flatMap(f -> f.diagnostics().stream())
                .collect(Collectors.toSet());
        expected.diagnostics().stream().filter(d -> !diagnostics.contains(d))
                .forEach(d -> violations.add("diagnostic " + d + " missing"));
        expected.mustNotDiagnostics().stream().filter(diagnostics::contains)
                .forEach(d -> violations.add("diagnostic " + d + " given"));
        if (expected.screeningComplete() != null && result.screeningComplete() != expected.screeningComplete()) {
            violations.add("screeningComplete " + result.screeningComplete() + ", expected " + expected.screeningComplete());
        }
        Set<String> withheld = result.suppressedFindings().stream().map(Finding::code).collect(Collectors.toSet());
        expected.suppressed().stream().filter(code -> !withheld.contains(code))
                .forEach(code -> violations.add("finding " + code + " not among the suppressed findings"));
        Set<String> presentedRules = result.findings().stream().map(f -> Fixtures.specRuleId(f.ruleId()))
                .collect(Collectors.toSet());
        expected.rules().stream().filter(id -> !presentedRules.contains(id))
                .forEach(id -> violations.add("rule " + id + " not presented"));
        expected.mustNotRules().stream().filter(presentedRules::contains)
                .forEach(id -> violations.add("rule " + id + " presented"));
        if (expected.answersNotUsed() != null
                && !Set.copyOf(expected.answersNotUsed()).equals(result.answersNotUsed().keySet())) {
            violations.add("answersNotUsed " + result.answersNotUsed().keySet() + ", expected " + expected.answersNotUsed());
        }
        expected.adviceExcludes().forEach((code, words) -> result.findings().stream()
                .filter(f -> f.code().equals(code))
                .forEach(f -> words.stream().filter(word -> f.advice().contains(word))
                        .forEach(word -> violations.add("advice of " + code + " mentions " + word))));
        if (!expected.adviceExcludes().isEmpty()) {
            expected.adviceExcludes().keySet().stream().filter(code -> !codes.contains(code))
                    .forEach(code -> violations.add("finding " + code + " missing (its advice is checked)"));
        }
        expected.inputsUsed().forEach((code, inputs) -> {
            boolean cited = result.findings().stream().filter(f -> f.code().equals(code))
                    .anyMatch(f -> inputs.entrySet().stream().allMatch(input ->
                            sameValue(f.inputsUsed().get(input.getKey()), input.getValue())));
            if (!cited) {
                violations.add("no presented " + code + " cites " + inputs + "; cited: " + result.findings().stream()
                        .filter(f -> f.code().equals(code)).map(Finding::inputsUsed).toList());
            }
        });
        return violations;
    }

    /** A value of a finding's {@code inputsUsed} against one written in a case file (an enum name or a number). */
    private static boolean sameValue(Object actual, Object expected) {
        if (actual == null || expected == null) {
            return false;
        }
        if (actual instanceof Enum<?> answer) {
            return answer.name().equals(expected);
        }
        if (actual instanceof Number number && expected instanceof Number written) {
            return Double.compare(number.doubleValue(), written.doubleValue()) == 0;
        }
        return actual.equals(expected);
    }

    /** The vignettes and every case file, vignettes first. */
    public static List<CorpusCase> all() {
        List<CorpusCase> cases = new ArrayList<>(vignettes());
        cases.addAll(caseFiles());
        return cases;
    }

    /** The vignettes of clinical-knowledge §5, as corpus cases. */
    static List<CorpusCase> vignettes() {
        return Fixtures.vignettes().stream().map(v -> new CorpusCase(v.id(), v.description(), "vignettes.json",
                Fixtures.builderFrom(v.facts()).build(),
                new Expected(v.expected().highestUrgency(), v.expected().findings(), v.expected().referrals(),
                        v.expected().mustNotFindings(), v.expected().mustNotReferrals(), List.of(), List.of(),
                        // A vignette's rulesCovered names the rules it exercises, firing or not (clinical-knowledge
                        // §9); the rules it must present are its expected "rules".
                        Map.of(), List.of(), v.expected().screeningComplete(), v.expected().suppressed(),
                        v.expected().rules(), v.expected().mustNotRules(), v.expected().answersNotUsed(), Map.of()),
                List.of())).toList();
    }

    /** The cases of {@code cases/*.json}, file by file in name order. */
    static List<CorpusCase> caseFiles() {
        URL folder = CorpusCase.class.getResource(FOLDER);
        if (folder == null) {
            throw new IllegalStateException("no " + FOLDER + " folder on the test class path");
        }
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            List<CorpusCase> cases = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                cases.addAll(read(file));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<CorpusCase> read(Path file) throws IOException {
        List<Map<String, Object>> raw;
        try (InputStream in = Files.newInputStream(file)) {
            raw = JSON.readValue(in, new TypeReference<>() { });
        }
        List<CorpusCase> cases = new ArrayList<>();
        for (Map<String, Object> entry : raw) {
            String id = (String) entry.get("id");
            String base = (String) entry.getOrDefault("base", "baseline");
            Map<String, Object> facts = switch (base) {
                case "baseline" -> asJson(Fixtures.baseline().build());
                case "unknown" -> new LinkedHashMap<>();
                default -> throw new IllegalArgumentException(id + ": unknown base " + base);
            };
            castMap(entry.getOrDefault("facts", Map.of())).forEach((name, value) -> {
                if (value == null) {
                    facts.remove(name);
                } else {
                    facts.put(name, value);
                }
            });
            Map<String, Object> expectedJson = new LinkedHashMap<>(castMap(entry.get("expected")));
            expectedJson.put("rulesCovered", entry.get("rulesCovered"));
            Expected expected = JSON.convertValue(expectedJson, Expected.class);
            @SuppressWarnings("unchecked")
            List<String> only = (List<String>) entry.getOrDefault("onlyDecisionRules", List.of());
            cases.add(new CorpusCase(id, (String) entry.get("description"), file.getFileName().toString(),
                    Fixtures.builderFrom(facts).build(), expected, List.copyOf(only)));
        }
        return cases;
    }

    /** The facts as a JSON request with this id and the fixed as-of time of {@link Fixtures#AS_OF}. */
    static String asRequest(String id, PatientFacts facts) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", id);
        request.put("asOf", Fixtures.AS_OF.toString());
        request.putAll(asJson(facts));
        try {
            return JSON.writeValueAsString(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Facts as a JSON-like map: enum names and numbers by field name, unknowns left out. */
    static Map<String, Object> asJson(PatientFacts facts) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (FactField field : FactField.ALL) {
            Object value = field.read(facts);
            if (value != null) {
                json.put(field.fieldName(), value instanceof Enum<?> answer ? answer.name() : value);
            }
        }
        return json;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
