package org.nightpain.cds.rules;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightpain.cds.Fixtures;

/**
 * Every rule fires on the facts it names and stays silent without them: the cases are data, one file per
 * rule domain under {@code src/test/resources/rule-cases/}, so that a clinician can review them without
 * reading Java. Each case is a change to the baseline patient of clinical-knowledge §5 (a 40-year-old
 * with two weeks of stable pain and every red-flag question answered NO); {@code null} makes an answer
 * unknown. A rule that fires must also name at least one fact that fired it. A firing case may add
 * {@code "withheldBy"}: the rule id that must withhold the finding (clinical-knowledge §9.5), or
 * {@code "presented"} when it must not be withheld.
 */
class RuleCasesTest {
    /** The case files, one per rule domain (the DRL file of the same name). */
    static final List<String> FILES = List.of("emergency", "urgent", "serious-conditions", "inflammatory",
            "spinal-radicular", "benign-mechanical", "sleep-advice", "data-quality");

    private static final ObjectMapper JSON = new ObjectMapper();


    static Stream<RuleCase> cases() {
        List<RuleCase> cases = new ArrayList<>();
        for (String file : FILES) {
            for (Map<String, Object> entry : read(file)) {
                String rule = (String) entry.get("rule");
                String name = file + ".json: " + entry.get("case");
                @SuppressWarnings("unchecked")
                Map<String, Object> facts = (Map<String, Object>) entry.get("facts");
                RuleCase ruleCase = (Boolean) entry.get("fires")
                        ? RuleCase.fires(rule, name, b -> Fixtures.change(b, facts))
                        : RuleCase.silent(rule, name, b -> Fixtures.change(b, facts));
                String withheldBy = (String) entry.get("withheldBy");
                cases.add(withheldBy == null ? ruleCase : ruleCase.withheldBy(withheldBy));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(RuleCase ruleCase) {
        ruleCase.check();
    }

    private static List<Map<String, Object>> read(String file) {
        try (InputStream in = RuleCasesTest.class.getResourceAsStream("/rule-cases/" + file + ".json")) {
            if (in == null) {
                throw new IllegalStateException("rule-cases/" + file + ".json is missing");
            }
            return JSON.readValue(in, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
