package org.nightpain.cds.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Finding;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.PatientFacts;

/**
 * One row of a rule test table: a change to the baseline patient of clinical-knowledge §5 (a
 * 40-year-old with two weeks of stable pain and every red-flag question answered NO) and whether a
 * given rule must fire on it. A rule that fires must also name at least one fact that fired it.
 */
record RuleCase(String name, String ruleId, UnaryOperator<PatientFacts.Builder> change, boolean fires) {

    static RuleCase fires(String ruleId, String name, UnaryOperator<PatientFacts.Builder> change) {
        return new RuleCase(ruleId + " fires: " + name, ruleId, change, true);
    }

    static RuleCase silent(String ruleId, String name, UnaryOperator<PatientFacts.Builder> change) {
        return new RuleCase(ruleId + " silent: " + name, ruleId, change, false);
    }

    void check() {
        Assessment result = Fixtures.assess(change.apply(Fixtures.baseline()));
        if (fires) {
            assertThat(Fixtures.firedRules(result)).as(name).contains(ruleId);
            Finding finding = result.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst()
                    .orElseGet(() -> result.suppressedFindings().stream()
                            .filter(f -> f.ruleId().equals(ruleId)).findFirst().orElseThrow());
            if (!ruleId.equals("DQ-01") && !ruleId.equals("FB-01")) {
                assertThat(finding.inputsUsed()).as(name + ": the facts that fired it").isNotEmpty();
            }
        } else {
            assertThat(Fixtures.firedRules(result)).as(name).doesNotContain(ruleId);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
