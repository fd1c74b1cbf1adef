package org.nightpain.cds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nightpain.cds.rules.RuleCase.fires;
import static org.nightpain.cds.rules.RuleCase.silent;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.MotorWeakness;
import org.nightpain.cds.OnsetType;
import org.nightpain.cds.RadicularLegPain;
import org.nightpain.cds.Referral;
import org.nightpain.cds.Trauma;
import org.nightpain.cds.TriState;
import org.nightpain.cds.Urgency;
import org.nightpain.cds.engine.EngineTestAccess;
import org.nightpain.cds.engine.RuleEngine;

/** DQ-01 to DQ-03, FB-01 (data-quality.drl) and EXT-01-LOW, EXT-01-MEDIUM and EXT-01-HIGH (stratification.drl). */
class DataQualityRulesTest {

    static Stream<RuleCase> cases() {
        return Stream.of(
                fires("DQ-01", "age not given", b -> b.ageYears(null)),
                fires("DQ-01", "duration not given", b -> b.symptomDurationWeeks(null)),
                fires("DQ-01", "radicular pain unknown", b -> b.radicularLegPain(RadicularLegPain.UNKNOWN)),
                fires("DQ-01", "weakness unknown", b -> b.motorWeakness(MotorWeakness.UNKNOWN)),
                fires("DQ-01", "urinary retention unknown", b -> b.urinaryRetention(TriState.UNKNOWN)),
                fires("DQ-01", "urinary difficulty unknown", b -> b.urinaryDifficultyNew(TriState.UNKNOWN)),
                fires("DQ-01", "urinary incontinence unknown", b -> b.urinaryIncontinenceNew(TriState.UNKNOWN)),
                fires("DQ-01", "faecal incontinence unknown", b -> b.faecalIncontinenceNew(TriState.UNKNOWN)),
                fires("DQ-01", "saddle anaesthesia unknown", b -> b.saddleAnaesthesia(TriState.UNKNOWN)),
                fires("DQ-01", "fever unknown and no temperature", b -> b.feverOrRigorsReported(TriState.UNKNOWN)),
                fires("DQ-01", "cancer history unknown", b -> b.historyOfCancer(TriState.UNKNOWN)),
                fires("DQ-01", "weight loss unknown", b -> b.weightLossUnexplained(TriState.UNKNOWN)),
                fires("DQ-01", "trauma unknown", b -> b.trauma(Trauma.UNKNOWN)),
                silent("DQ-01", "every core question answered", b -> b),
                silent("DQ-01", "fever report unknown but a temperature measured (§8.1.7)",
                        b -> b.feverOrRigorsReported(TriState.UNKNOWN).temperatureC(36.8)),
                silent("DQ-01", "an optional question unknown", b -> b.rectalSensationLoss(TriState.UNKNOWN)),
                silent("DQ-01", "with an emergency finding", b -> b.historyOfCancer(TriState.UNKNOWN)
                        .radicularLegPain(RadicularLegPain.BILATERAL)),

                fires("DQ-02", "age 15", b -> b.ageYears(15)),
                silent("DQ-02", "age 16", b -> b.ageYears(16)),
                silent("DQ-02", "age not given", b -> b.ageYears(null)),

                fires("DQ-03", "two ASAS items met and two unanswered", b -> b.ageYears(35).symptomDurationWeeks(20.0)
                        .onsetType(OnsetType.GRADUAL_INSIDIOUS).improvesWithExercise(TriState.UNKNOWN)
                        .restRelievesPain(TriState.UNKNOWN)),
                silent("DQ-03", "night pain unknown does not leave item 5 open when easing is NO",
                        b -> b.ageYears(35).symptomDurationWeeks(20.0).onsetType(OnsetType.GRADUAL_INSIDIOUS)
                                .improvesWithExercise(TriState.UNKNOWN).nightPain(TriState.UNKNOWN)),
                fires("DQ-03", "three met and one unanswered", b -> b.ageYears(35).symptomDurationWeeks(20.0)
                        .onsetType(OnsetType.GRADUAL_INSIDIOUS).improvesWithExercise(TriState.YES)
                        .restRelievesPain(TriState.UNKNOWN)),
                silent("DQ-03", "three met and none unanswered", b -> b.ageYears(35).symptomDurationWeeks(20.0)
                        .onsetType(OnsetType.GRADUAL_INSIDIOUS).improvesWithExercise(TriState.YES)),
                silent("DQ-03", "two met and one unanswered", b -> b.ageYears(35).symptomDurationWeeks(20.0)
                        .onsetType(OnsetType.GRADUAL_INSIDIOUS).restRelievesPain(TriState.UNKNOWN)),
                silent("DQ-03", "not chronic", b -> b.ageYears(35).symptomDurationWeeks(12.0)
                        .onsetType(OnsetType.GRADUAL_INSIDIOUS).improvesWithExercise(TriState.UNKNOWN)
                        .restRelievesPain(TriState.UNKNOWN).nightPain(TriState.UNKNOWN)),

                fires("EXT-01-LOW", "low risk at total 3", b -> b.startBackTotal(3).startBackPsychosocial(3)),
                fires("EXT-01-MEDIUM", "medium risk at total 4", b -> b.startBackTotal(4).startBackPsychosocial(3)),
                fires("EXT-01-HIGH", "high risk at psychosocial 4", b -> b.startBackTotal(4).startBackPsychosocial(4)),
                silent("EXT-01-LOW", "psychosocial score missing", b -> b.startBackTotal(5)),
                silent("EXT-01-MEDIUM", "psychosocial score missing", b -> b.startBackTotal(5)),
                silent("EXT-01-HIGH", "psychosocial score missing", b -> b.startBackTotal(5)),
                silent("EXT-01-LOW", "total missing", b -> b.startBackPsychosocial(2)),
                silent("EXT-01-MEDIUM", "total missing", b -> b.startBackPsychosocial(2)),
                silent("EXT-01-HIGH", "total missing", b -> b.startBackPsychosocial(4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(RuleCase ruleCase) {
        ruleCase.check();
    }

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
