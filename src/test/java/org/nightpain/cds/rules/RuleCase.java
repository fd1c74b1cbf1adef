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
 * given rule must fire on it. A rule that fires must also name at least one fact that fired it. A firing
 * case may also say whether the finding is presented or withheld, and by which rule (clinical-knowledge
 * §9.5: {@code withheldBy} is the rule id its {@code suppressedBy} must name, or {@link #PRESENTED}).
 */
record RuleCase(String name, String ruleId, UnaryOperator<PatientFacts.Builder> change, boolean fires,
                String withheldBy) {
    /** The {@code withheldBy} of a finding that must be presented. */
    static final String PRESENTED = "presented";

    static RuleCase fires(String ruleId, String name, UnaryOperator<PatientFacts.Builder> change) {
        return new RuleCase(ruleId + " fires: " + name, ruleId, change, true, null);
    }

    static RuleCase silent(String ruleId, String name, UnaryOperator<PatientFacts.Builder> change) {
        return new RuleCase(ruleId + " silent: " + name, ruleId, change, false, null);
    }

    /** This firing case, with its finding presented ({@link #PRESENTED}) or withheld by the rule named. */
    RuleCase withheldBy(String rule) {
        if (!fires) {
            throw new IllegalArgumentException(name + ": a silent rule is neither presented nor withheld");
        }
        return new RuleCase(name + (rule.equals(PRESENTED) ? ", presented" : ", withheld by " + rule), ruleId, change,
                true, rule);
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
            if (withheldBy != null) {
                assertThat(finding.suppressedBy()).as(name + ": withheld by")
                        .isEqualTo(withheldBy.equals(PRESENTED) ? null : withheldBy);
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
