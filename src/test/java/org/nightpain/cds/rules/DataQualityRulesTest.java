package org.nightpain.cds.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.OnsetType;
import org.nightpain.cds.Referral;
import org.nightpain.cds.TriState;
import org.nightpain.cds.Urgency;
import org.nightpain.cds.engine.EngineTestAccess;
import org.nightpain.cds.engine.RuleEngine;

/**
 * DQ-01 to DQ-03, FB-01 (data-quality.drl) and the STarT Back rules (stratification.drl): what their findings say, beyond firing and staying silent (those cases are data, read by
 * {@link RuleCasesTest}).
 */
class DataQualityRulesTest {

    @Test
    void dq01_listsExactlyTheUnansweredCoreQuestions() {
        var finding = Fixtures.finding(Fixtures.assess(Fixtures.baseline().historyOfCancer(TriState.UNKNOWN)
                .symptomDurationWeeks(null).feverOrRigorsReported(TriState.UNKNOWN)), "DQ-01");

        assertThat(finding.inputsMissing())
                .containsExactlyInAnyOrder("historyOfCancer", "symptomDurationWeeks", "feverOrRigorsReported", "temperatureC");
    }

    @Test
    void dq03_listsTheUnansweredAsasQuestions() {
        var finding = Fixtures.finding(Fixtures.assess(Fixtures.baseline().ageYears(35).symptomDurationWeeks(20.0)
                .onsetType(OnsetType.GRADUAL_INSIDIOUS).improvesWithExercise(TriState.UNKNOWN)
                .restRelievesPain(TriState.UNKNOWN).nightPain(TriState.UNKNOWN)
                .nightPainImprovesOnGettingUp(TriState.UNKNOWN)), "DQ-03");

        assertThat(finding.urgency()).isNull();
        assertThat(finding.inputsMissing()).containsExactlyInAnyOrder(
                "improvesWithExercise", "restRelievesPain", "nightPain", "nightPainImprovesOnGettingUp");
    }

    @Test
    void ext01_bandsCarryTheirUrgencyAndReferral() {
        assertThat(Fixtures.finding(Fixtures.assess(Fixtures.baseline().startBackTotal(3).startBackPsychosocial(3)),
                "EXT-01-LOW").code()).isEqualTo("STARTBACK_LOW");
        var medium = Fixtures.finding(Fixtures.assess(Fixtures.baseline().startBackTotal(4).startBackPsychosocial(3)),
                "EXT-01-MEDIUM");
        var high = Fixtures.finding(Fixtures.assess(Fixtures.baseline().startBackTotal(9).startBackPsychosocial(5)),
                "EXT-01-HIGH");

        assertThat(medium.code()).isEqualTo("STARTBACK_MEDIUM");
        assertThat(medium.referrals()).containsExactly(Referral.PHYSIOTHERAPY);
        assertThat(high.code()).isEqualTo("STARTBACK_HIGH");
        assertThat(high.urgency()).isEqualTo(Urgency.ROUTINE);
    }

    /** FB-01 cannot fire with the whole rule base; switching off self-care shows it catches the gap. */
    @Test
    void fb01_firesWhenNoOtherRuleGivesAnUrgency() {
        RuleEngine engine = RuleEngine.load();
        Assessment result = EngineTestAccess.assess(engine, Fixtures.baseline().build(), Fixtures.AS_OF,
                match -> !match.getRule().getName().startsWith("SC-01"));

        assertThat(Fixtures.presentedRules(result)).containsExactly("FB-01");
        assertThat(result.highestUrgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(result.referrals()).containsExactly(Referral.PRIMARY_CARE);
    }

    @Test
    void fb01_staysSilentWhenAnotherRuleGivesAnUrgency() {
        assertThat(Fixtures.firedRules(Fixtures.assess(Fixtures.baseline()))).doesNotContain("FB-01");
    }
}
