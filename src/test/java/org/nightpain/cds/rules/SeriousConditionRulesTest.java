package org.nightpain.cds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nightpain.cds.rules.RuleCase.fires;
import static org.nightpain.cds.rules.RuleCase.silent;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightpain.cds.Diagnostic;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.OnsetType;
import org.nightpain.cds.Progression;
import org.nightpain.cds.Trauma;
import org.nightpain.cds.TriState;

/** SOON-01 to SOON-04 and RTN-01 (serious-conditions.drl). */
class SeriousConditionRulesTest {

    static Stream<RuleCase> cases() {
        return Stream.of(
                fires("SOON-01", "unexplained weight loss, amount not given", b -> b.weightLossUnexplained(TriState.YES)),
                fires("SOON-01", "4.5 kg lost", b -> b.weightLossUnexplained(TriState.YES).weightLossKg(4.5)),
                fires("SOON-01", "5 % lost", b -> b.weightLossUnexplained(TriState.YES).weightLossPercent(5.0)),
                fires("SOON-01", "one amount below, the other above its threshold",
                        b -> b.weightLossUnexplained(TriState.YES).weightLossKg(3.0).weightLossPercent(5.5)),
                fires("SOON-01", "weight lost within 12 months", b -> b.weightLossUnexplained(TriState.YES)
                        .weightLossKg(6.0).weightLossPeriodMonths(12.0)),
                fires("SOON-01", "unrelieved night pain at 50", b -> b.nightPainUnrelievedByPositionChange(TriState.YES)
                        .ageYears(50)),
                fires("SOON-01", "unrelieved night pain not improving for 4 weeks",
                        b -> b.nightPainUnrelievedByPositionChange(TriState.YES).symptomDurationWeeks(4.0)),
                fires("SOON-01", "cancer history unknown still counts as no known cancer",
                        b -> b.weightLossUnexplained(TriState.YES).historyOfCancer(TriState.UNKNOWN)),
                silent("SOON-01", "4.4 kg and 4.9 % lost", b -> b.weightLossUnexplained(TriState.YES)
                        .weightLossKg(4.4).weightLossPercent(4.9)),
                silent("SOON-01", "weight lost over more than 12 months", b -> b.weightLossUnexplained(TriState.YES)
                        .weightLossKg(8.0).weightLossPeriodMonths(13.0)),
                silent("SOON-01", "weight loss unknown", b -> b.weightLossUnexplained(TriState.UNKNOWN)),
                silent("SOON-01", "unrelieved night pain at 49 after 3.9 weeks",
                        b -> b.nightPainUnrelievedByPositionChange(TriState.YES).ageYears(49).symptomDurationWeeks(3.9)),
                silent("SOON-01", "unrelieved night pain at 49, improving after 8 weeks (not a failure to improve)",
                        b -> b.nightPainUnrelievedByPositionChange(TriState.YES).ageYears(49)
                                .symptomDurationWeeks(8.0).progression(Progression.IMPROVING)),
                silent("SOON-01", "night pain relief unknown at 55", b -> b.ageYears(55)
                        .nightPainUnrelievedByPositionChange(TriState.UNKNOWN)),
                silent("SOON-01", "age 50 alone", b -> b.ageYears(50)),
                silent("SOON-01", "a known cancer goes to the cancer rules", b -> b.historyOfCancer(TriState.YES)
                        .weightLossUnexplained(TriState.YES)),

                fires("SOON-02", "cancer history, long-standing stable pain", b -> b.historyOfCancer(TriState.YES)
                        .symptomDurationWeeks(52.0)),
                fires("SOON-02", "cancer history, duration unknown", b -> b.historyOfCancer(TriState.YES)
                        .symptomDurationWeeks(null)),
                silent("SOON-02", "cancer history with a metastasis feature is URG-02", b -> b.historyOfCancer(TriState.YES)
                        .symptomDurationWeeks(52.0).thoracicPain(TriState.YES)),
                silent("SOON-02", "cancer history with neurology is EMR-05", b -> b.historyOfCancer(TriState.YES)
                        .symptomDurationWeeks(52.0).legNumbnessTingling(TriState.YES)),
                silent("SOON-02", "cancer history unknown", b -> b.historyOfCancer(TriState.UNKNOWN)),

                fires("SOON-03", "injecting drug use, recent pain", b -> b.ivDrugUse(TriState.YES)),
                fires("SOON-03", "immunosuppression, pain for 12 weeks", b -> b.immunosuppression(TriState.YES)
                        .symptomDurationWeeks(12.0)),
                fires("SOON-03", "recent infection, long-standing but worsening pain", b -> b.recentBacterialInfection(TriState.YES)
                        .symptomDurationWeeks(30.0).progression(Progression.WORSENING)),
                fires("SOON-03", "recent spinal procedure, fever unknown", b -> b.recentSpinalProcedure(TriState.YES)
                        .feverOrRigorsReported(TriState.UNKNOWN)),
                silent("SOON-03", "risk factor, stable pain for 13 weeks", b -> b.ivDrugUse(TriState.YES)
                        .symptomDurationWeeks(13.0)),
                silent("SOON-03", "risk factor, duration unknown and stable (§8.1.4)", b -> b.ivDrugUse(TriState.YES)
                        .symptomDurationWeeks(null)),
                silent("SOON-03", "risk factor with fever is EMR-04", b -> b.ivDrugUse(TriState.YES)
                        .feverOrRigorsReported(TriState.YES)),
                silent("SOON-03", "risk factors unknown", b -> b.ivDrugUse(TriState.UNKNOWN)
                        .immunosuppression(TriState.UNKNOWN)),

                fires("SOON-04", "osteoporosis, sudden onset", b -> b.osteoporosis(TriState.YES)),
                fires("SOON-04", "prolonged steroids, minor trauma", b -> b.corticosteroidProlonged(TriState.YES)
                        .onsetType(OnsetType.GRADUAL_INSIDIOUS).trauma(Trauma.MINOR)),
                fires("SOON-04", "age 71, sudden onset", b -> b.ageYears(71)),
                silent("SOON-04", "age 70, sudden onset", b -> b.ageYears(70)),
                silent("SOON-04", "osteoporosis, gradual onset without trauma", b -> b.osteoporosis(TriState.YES)
                        .onsetType(OnsetType.GRADUAL_INSIDIOUS)),
                silent("SOON-04", "osteoporosis, onset unknown", b -> b.osteoporosis(TriState.YES)
                        .onsetType(OnsetType.UNKNOWN)),
                silent("SOON-04", "osteoporosis unknown", b -> b.osteoporosis(TriState.UNKNOWN)),
                silent("SOON-04", "major trauma is EMR-06", b -> b.osteoporosis(TriState.YES).trauma(Trauma.MAJOR)),

                fires("RTN-01", "60, stable pain for 6 weeks", b -> b.ageYears(60).symptomDurationWeeks(6.0)),
                fires("RTN-01", "60, progression unknown", b -> b.ageYears(60).symptomDurationWeeks(10.0)
                        .progression(Progression.UNKNOWN)),
                silent("RTN-01", "59", b -> b.ageYears(59).symptomDurationWeeks(10.0)),
                silent("RTN-01", "5.9 weeks", b -> b.ageYears(65).symptomDurationWeeks(5.9)),
                silent("RTN-01", "improving", b -> b.ageYears(65).symptomDurationWeeks(10.0)
                        .progression(Progression.IMPROVING)),
                silent("RTN-01", "age unknown", b -> b.ageYears(null).symptomDurationWeeks(10.0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(RuleCase ruleCase) {
        ruleCase.check();
    }

    @Test
    void soon01_addsTheUrgentAbdominalCt_onlyAtSixtyWithWeightLoss() {
        var atSixty = Fixtures.finding(Fixtures.assess(Fixtures.baseline().ageYears(60)
                .weightLossUnexplained(TriState.YES)), "SOON-01");
        var atFiftyNine = Fixtures.finding(Fixtures.assess(Fixtures.baseline().ageYears(59)
                .weightLossUnexplained(TriState.YES)), "SOON-01");

        assertThat(atSixty.diagnostics()).contains(Diagnostic.CT_ABDOMEN_URGENT_2WW);
        assertThat(atSixty.inputsUsed()).containsEntry("ageYears", 60);
        assertThat(atFiftyNine.diagnostics()).doesNotContain(Diagnostic.CT_ABDOMEN_URGENT_2WW)
                .contains(Diagnostic.XRAY_LUMBAR);
    }
}
