package org.nightpain.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every clinical vignette of {@code vignettes.json}, with the semantics of clinical-knowledge §5 and §9:
 * the highest urgency matches exactly, expected findings and referrals are must-include sets, and the
 * must-not sets are absent from the presented (post-suppression) result; where a vignette gives them,
 * screeningComplete matches, the suppressed codes are withheld, the rules are presented and the
 * must-not rules are not, and the answers not used are exactly the listed ones.
 */
class VignetteTest {

    static List<Fixtures.Vignette> vignettes() {
        return Fixtures.vignettes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    void vignette_matchesExpectedOutcome(Fixtures.Vignette vignette) {
        Assessment result = Fixtures.assess(Fixtures.builderFrom(vignette.facts()));
        Fixtures.Expected expected = vignette.expected();

        assertThat(result.highestUrgency()).as("highest urgency").isEqualTo(expected.highestUrgency());
        assertThat(Fixtures.codes(result)).as("presented findings").containsAll(expected.findings());
        assertThat(result.referrals()).as("referrals").containsAll(expected.referrals());
        for (String code : expected.mustNotFindings()) {
            assertThat(Fixtures.codes(result)).as("findings that must not be presented").doesNotContain(code);
        }
        for (Referral referral : expected.mustNotReferrals()) {
            assertThat(result.referrals()).as("referrals that must not be given").doesNotContain(referral);
        }
        if (expected.screeningComplete() != null) {
            assertThat(result.screeningComplete()).as("screeningComplete").isEqualTo(expected.screeningComplete());
        }
        if (expected.suppressed() != null) {
            assertThat(result.suppressedFindings()).extracting(Finding::code).as("suppressed findings")
                    .containsAll(expected.suppressed());
        }
        Set<String> presentedRules = result.findings().stream().map(f -> Fixtures.specRuleId(f.ruleId()))
                .collect(Collectors.toSet());
        if (expected.rules() != null) {
            assertThat(presentedRules).as("presented rules").containsAll(expected.rules());
        }
        if (expected.mustNotRules() != null) {
            assertThat(presentedRules).as("rules that must not be presented").doesNotContainAnyElementsOf(expected.mustNotRules());
        }
        if (expected.answersNotUsed() != null) {
            assertThat(result.answersNotUsed().keySet()).as("answers not used")
                    .containsExactlyInAnyOrderElementsOf(expected.answersNotUsed());
        }
    }

    /** A vignette's rulesCovered names the rules it exercises, firing or staying silent: each is a rule of the catalogue. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    void vignette_coversRulesOfTheCatalogue(Fixtures.Vignette vignette) {
        Set<String> catalogue = Fixtures.ASSESSOR.rules().stream().map(rule -> Fixtures.specRuleId(rule.id()))
                .collect(Collectors.toSet());

        assertThat(catalogue).as("rules covered").containsAll(vignette.rulesCovered());
    }
}
