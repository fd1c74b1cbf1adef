package org.nightpain.cds.rules;

import static org.nightpain.cds.rules.RuleCase.fires;
import static org.nightpain.cds.rules.RuleCase.silent;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightpain.cds.MotorWeakness;
import org.nightpain.cds.RadicularLegPain;
import org.nightpain.cds.Trauma;
import org.nightpain.cds.TriState;

/** EMR-01 to EMR-06 (emergency.drl): each fires on the facts it names and stays silent without them. */
class EmergencyRulesTest {

    static Stream<RuleCase> cases() {
        return Stream.of(
                fires("EMR-01", "urinary retention", b -> b.urinaryRetention(TriState.YES)),
                fires("EMR-01", "new urinary difficulty", b -> b.urinaryDifficultyNew(TriState.YES)),
                fires("EMR-01", "new urinary incontinence", b -> b.urinaryIncontinenceNew(TriState.YES)),
                fires("EMR-01", "new faecal incontinence", b -> b.faecalIncontinenceNew(TriState.YES)),
                fires("EMR-01", "loss of rectal sensation", b -> b.rectalSensationLoss(TriState.YES)),
                fires("EMR-01", "saddle anaesthesia", b -> b.saddleAnaesthesia(TriState.YES)),
                fires("EMR-01", "new sexual dysfunction", b -> b.sexualDysfunctionNew(TriState.YES)),
                fires("EMR-01", "an old symptom still counts", b -> b.saddleAnaesthesia(TriState.YES)
                        .symptomDurationWeeks(300.0)),
                silent("EMR-01", "every CES answer NO", b -> b),
                silent("EMR-01", "every CES answer unknown", b -> b.urinaryRetention(TriState.UNKNOWN)
                        .urinaryDifficultyNew(TriState.UNKNOWN).urinaryIncontinenceNew(TriState.UNKNOWN)
                        .faecalIncontinenceNew(TriState.UNKNOWN).rectalSensationLoss(TriState.UNKNOWN)
                        .saddleAnaesthesia(TriState.UNKNOWN).sexualDysfunctionNew(TriState.UNKNOWN)),

                fires("EMR-02", "radicular pain in both legs", b -> b.radicularLegPain(RadicularLegPain.BILATERAL)),
                silent("EMR-02", "radicular pain in one leg", b -> b.radicularLegPain(RadicularLegPain.UNILATERAL)),
                silent("EMR-02", "radicular pain unknown", b -> b.radicularLegPain(RadicularLegPain.UNKNOWN)),
                silent("EMR-02", "claudication in both legs is stenosis, not bilateral radicular pain",
                        b -> b.ageYears(68).neurogenicClaudication(TriState.YES)),

                fires("EMR-03", "weakness at several levels", b -> b.motorWeakness(MotorWeakness.MULTI_LEVEL_OR_BILATERAL)),
                fires("EMR-03", "progressive mild weakness", b -> b.motorWeakness(MotorWeakness.MILD_SINGLE_ROOT)
                        .weaknessProgressive(TriState.YES)),
                fires("EMR-03", "progressive weakness of unknown grade (§8.1.3)",
                        b -> b.motorWeakness(MotorWeakness.UNKNOWN).weaknessProgressive(TriState.YES)),
                fires("EMR-03", "new gait disturbance", b -> b.gaitDisturbanceNew(TriState.YES)),
                silent("EMR-03", "major single-root weakness that is not progressive",
                        b -> b.motorWeakness(MotorWeakness.MAJOR_SINGLE_ROOT)),
                silent("EMR-03", "mild weakness, progression unknown", b -> b.motorWeakness(MotorWeakness.MILD_SINGLE_ROOT)
                        .weaknessProgressive(TriState.UNKNOWN)),
                silent("EMR-03", "gait unknown", b -> b.gaitDisturbanceNew(TriState.UNKNOWN)),

                fires("EMR-04", "fever 38.0 with injecting drug use", b -> b.temperatureC(38.0).ivDrugUse(TriState.YES)),
                fires("EMR-04", "reported fever with immunosuppression", b -> b.feverOrRigorsReported(TriState.YES)
                        .immunosuppression(TriState.YES)),
                fires("EMR-04", "fever after a recent infection", b -> b.feverOrRigorsReported(TriState.YES)
                        .recentBacterialInfection(TriState.YES)),
                fires("EMR-04", "fever after a recent spinal procedure", b -> b.feverOrRigorsReported(TriState.YES)
                        .recentSpinalProcedure(TriState.YES)),
                fires("EMR-04", "fever in a systemically unwell patient", b -> b.temperatureC(39.2)
                        .systemicallyUnwell(TriState.YES)),
                fires("EMR-04", "fever with leg weakness", b -> b.feverOrRigorsReported(TriState.YES)
                        .motorWeakness(MotorWeakness.MILD_SINGLE_ROOT)),
                fires("EMR-04", "fever with a new gait disturbance", b -> b.feverOrRigorsReported(TriState.YES)
                        .gaitDisturbanceNew(TriState.YES)),
                fires("EMR-04", "fever with a CES symptom", b -> b.feverOrRigorsReported(TriState.YES)
                        .urinaryIncontinenceNew(TriState.YES)),
                silent("EMR-04", "37.9 with injecting drug use", b -> b.temperatureC(37.9).ivDrugUse(TriState.YES)),
                silent("EMR-04", "fever, risk factors unknown", b -> b.feverOrRigorsReported(TriState.YES)
                        .ivDrugUse(TriState.UNKNOWN).immunosuppression(TriState.UNKNOWN)
                        .recentBacterialInfection(TriState.UNKNOWN).recentSpinalProcedure(TriState.UNKNOWN)),
                silent("EMR-04", "risk factor, fever unknown", b -> b.ivDrugUse(TriState.YES)
                        .feverOrRigorsReported(TriState.UNKNOWN)),

                fires("EMR-05", "cancer history with radicular pain", b -> b.historyOfCancer(TriState.YES)
                        .radicularLegPain(RadicularLegPain.UNILATERAL)),
                fires("EMR-05", "cancer history with leg numbness", b -> b.historyOfCancer(TriState.YES)
                        .legNumbnessTingling(TriState.YES)),
                fires("EMR-05", "cancer history with leg weakness", b -> b.historyOfCancer(TriState.YES)
                        .motorWeakness(MotorWeakness.MILD_SINGLE_ROOT)),
                fires("EMR-05", "cancer history with a gait disturbance", b -> b.historyOfCancer(TriState.YES)
                        .gaitDisturbanceNew(TriState.YES)),
                fires("EMR-05", "cancer history with a CES symptom", b -> b.historyOfCancer(TriState.YES)
                        .rectalSensationLoss(TriState.YES)),
                silent("EMR-05", "cancer history unknown", b -> b.historyOfCancer(TriState.UNKNOWN)
                        .radicularLegPain(RadicularLegPain.UNILATERAL)),
                silent("EMR-05", "cancer history with the neurological questions unanswered (§8.1.2)",
                        b -> b.historyOfCancer(TriState.YES).radicularLegPain(RadicularLegPain.UNKNOWN)
                                .motorWeakness(MotorWeakness.UNKNOWN).gaitDisturbanceNew(TriState.UNKNOWN)
                                .legNumbnessTingling(TriState.UNKNOWN)),

                fires("EMR-06", "major trauma", b -> b.trauma(Trauma.MAJOR)),
                fires("EMR-06", "minor trauma with a contusion", b -> b.trauma(Trauma.MINOR)
                        .contusionOrAbrasion(TriState.YES)),
                silent("EMR-06", "minor trauma without contusion", b -> b.trauma(Trauma.MINOR)),
                silent("EMR-06", "minor trauma, contusion unknown", b -> b.trauma(Trauma.MINOR)
                        .contusionOrAbrasion(TriState.UNKNOWN)),
                silent("EMR-06", "contusion with trauma unknown", b -> b.trauma(Trauma.UNKNOWN)
                        .contusionOrAbrasion(TriState.YES)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(RuleCase ruleCase) {
        ruleCase.check();
    }
}
