package org.nightpain.cds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nightpain.cds.rules.RuleCase.fires;
import static org.nightpain.cds.rules.RuleCase.silent;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.MattressFirmness;
import org.nightpain.cds.SleepPosition;
import org.nightpain.cds.TriState;

/** SLP-01 to SLP-05 (sleep-advice.drl). */
class SleepAdviceRulesTest {

    static Stream<RuleCase> cases() {
        return Stream.of(
                fires("SLP-01", "back sleeper without a knee pillow", b -> b.sleepPosition(SleepPosition.BACK)
                        .pillowUnderKnees(TriState.NO)),
                fires("SLP-01", "back sleeper, knee pillow unknown", b -> b.sleepPosition(SleepPosition.BACK)),
                silent("SLP-01", "back sleeper with a knee pillow", b -> b.sleepPosition(SleepPosition.BACK)
                        .pillowUnderKnees(TriState.YES)),
                silent("SLP-01", "position unknown", b -> b.pillowUnderKnees(TriState.NO)),

                fires("SLP-02", "side sleeper without a pillow between the knees", b -> b.sleepPosition(SleepPosition.SIDE)
                        .pillowBetweenKnees(TriState.NO)),
                silent("SLP-02", "side sleeper with a pillow between the knees", b -> b.sleepPosition(SleepPosition.SIDE)
                        .pillowBetweenKnees(TriState.YES)),
                silent("SLP-02", "mixed position", b -> b.sleepPosition(SleepPosition.MIXED)
                        .pillowBetweenKnees(TriState.NO)),

                fires("SLP-03", "stomach sleeper", b -> b.sleepPosition(SleepPosition.STOMACH)),
                fires("SLP-03", "stomach sleeper with a pelvis pillow (§8.3.4)", b -> b.sleepPosition(SleepPosition.STOMACH)
                        .pillowUnderPelvis(TriState.YES)),
                silent("SLP-03", "back sleeper", b -> b.sleepPosition(SleepPosition.BACK).pillowUnderKnees(TriState.YES)),

                fires("SLP-04", "firm mattress with pain in bed", b -> b.mattressFirmness(MattressFirmness.FIRM)
                        .painLyingInBedOrOnRising(TriState.YES)),
                fires("SLP-04", "soft mattress with night pain", b -> b.mattressFirmness(MattressFirmness.SOFT)
                        .nightPain(TriState.YES)),
                silent("SLP-04", "medium-firm mattress with pain in bed", b -> b.mattressFirmness(MattressFirmness.MEDIUM_FIRM)
                        .painLyingInBedOrOnRising(TriState.YES)),
                silent("SLP-04", "firm mattress without pain in bed", b -> b.mattressFirmness(MattressFirmness.FIRM)),
                silent("SLP-04", "firm mattress, pain in bed unknown", b -> b.mattressFirmness(MattressFirmness.FIRM)
                        .painLyingInBedOrOnRising(TriState.UNKNOWN).nightPain(TriState.UNKNOWN)),

                fires("SLP-05", "neck pain on waking", b -> b.neckPainOnWaking(TriState.YES)),
                silent("SLP-05", "neck pain unknown", b -> b.neckPainOnWaking(TriState.UNKNOWN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(RuleCase ruleCase) {
        ruleCase.check();
    }

    @Test
    void slp03_wordsItsAdviceForAPatientWhoAlreadyUsesAPelvisPillow() {
        String without = Fixtures.finding(Fixtures.assess(Fixtures.baseline().sleepPosition(SleepPosition.STOMACH)),
                "SLP-03").advice();
        String with = Fixtures.finding(Fixtures.assess(Fixtures.baseline().sleepPosition(SleepPosition.STOMACH)
                .pillowUnderPelvis(TriState.YES)), "SLP-03").advice();

        assertThat(with).isNotEqualTo(without).containsIgnoringCase("keep the pillow");
    }
}
