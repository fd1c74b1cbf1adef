package org.nightpain.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every clinical vignette of {@code vignettes.json}, with the semantics of clinical-knowledge §5:
 * the highest urgency matches exactly, expected findings and referrals are must-include sets, and the
 * must-not sets are absent from the presented (post-suppression) result.
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
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    void vignette_firesTheRulesItCovers(Fixtures.Vignette vignette) {
        Assessment result = Fixtures.assess(Fixtures.builderFrom(vignette.facts()));

        assertThat(Fixtures.firedSpecRules(result)).as("rules fired").containsAll(vignette.rulesCovered());
    }
}
