package org.nightpain.cds.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.SleepPosition;
import org.nightpain.cds.TriState;

/**
 * SLP-01 to SLP-05 (sleep-advice.drl): what their findings say, beyond firing and staying silent (those cases are data, read by
 * {@link RuleCasesTest}).
 */
class SleepAdviceRulesTest {

    @Test
    void slp03_wordsItsAdviceForAPatientWhoAlreadyUsesAPelvisPillow() {
        String without = Fixtures.finding(Fixtures.assess(Fixtures.baseline().sleepPosition(SleepPosition.STOMACH)),
                "SLP-03").advice();
        String with = Fixtures.finding(Fixtures.assess(Fixtures.baseline().sleepPosition(SleepPosition.STOMACH)
                .pillowUnderPelvis(TriState.YES)), "SLP-03").advice();

        assertThat(with).isNotEqualTo(without).containsIgnoringCase("keep the pillow");
    }
}
