package org.nightpain.cds.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightpain.cds.knowledge.RuleMetadata;

/**
 * Every rule is load-bearing: with any one rule switched off (an agenda filter on its DRL name),
 * at least one case of the corpus (the vignettes and {@code cases/*.json}) no longer gets its expected
 * outcome. This holds for decision, inference and aggregation rules alike. A rule that no case needs
 * is either dead or untested; the fix is a case that needs it, never a weaker check.
 *
 * <p>Only the outcome counts: the urgency, the findings presented or withheld, the referrals, the
 * diagnostics and, where a case states them, the facts a finding cites. That a rule listed in a case's
 * {@code rulesCovered} did not fire is not counted here (it would make every covered rule look needed
 * whatever the result), so a rule is shown to be needed by what a clinician would read.
 *
 * <p>Where two inference rules infer the same derived fact (fever measured or reported, the four
 * infection risk factors, ...), the corpus has a case in which only one of them applies, so that
 * each route is shown to be needed on its own.
 *
 * <p>The fail-safe FB-01 cannot fire while the other rules run: every valid patient gets SC-01, a
 * finding of ROUTINE or higher, or DQ-01. Its case (A-FAIL-SAFE) therefore switches every other
 * decision rule off; with FB-01 off as well, the assessment has no urgency at all and the library
 * refuses to return it, which is the failure this test looks for.
 */
class LoadBearingRulesTest {
    private static final CorpusRunner RUNNER = new CorpusRunner();
    private static List<CorpusCase> corpus;

    @BeforeAll
    static void loadCorpus() {
        corpus = CorpusCase.all();
    }

    static List<String> ruleNames() {
        return RUNNER.rules().stream().map(RuleMetadata::name).toList();
    }

    @Test
    void everyCase_passesWithAllRulesOn() {
        // Otherwise a case that fails anyway would make every rule look load-bearing.
        for (CorpusCase corpusCase : corpus) {
            assertThat(RUNNER.violations(corpusCase, Set.of())).as(corpusCase.id()).isEmpty();
        }
    }

    @Test
    void theRuleBase_hasDecisionInferenceAndAggregationRules() {
        assertThat(RUNNER.rules()).extracting(RuleMetadata::role).contains(RuleMetadata.Role.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleNames")
    void switchingTheRuleOff_breaksACase(String ruleName) {
        List<String> broken = new ArrayList<>();
        for (CorpusCase corpusCase : corpus) {
            List<String> violations = RUNNER.outcomeViolations(corpusCase, Set.of(ruleName));
            if (!violations.isEmpty()) {
                broken.add(corpusCase.id() + ": " + violations);
            }
        }

        assertThat(broken).as("cases that need '%s'; none means a missing case", ruleName)
                .isNotEmpty();
    }
}
