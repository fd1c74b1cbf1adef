package org.nightpain.cds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nightpain.cds.rules.RuleCase.fires;
import static org.nightpain.cds.rules.RuleCase.silent;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightpain.cds.Diagnostic;
import org.nightpain.cds.FactField;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.HlaB27;
import org.nightpain.cds.NsaidResponse;
import org.nightpain.cds.OnsetType;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.Progression;
import org.nightpain.cds.Referral;
import org.nightpain.cds.SleepPosition;
import org.nightpain.cds.Trauma;
import org.nightpain.cds.TriState;
import org.nightpain.cds.Urgency;
import org.nightpain.cds.knowledge.Thresholds;

/**
 * Every threshold of the register (clinical-knowledge §3.10) tested on both sides of its line, with the
 * rule whose outcome it decides. (The register's values are pinned to the specification by
 * KnowledgeBaseIntegrityTest.)
 */
class ThresholdBoundaryTest {

    /** A threshold with one check on each side of its line. */
    private record Boundary(String threshold, Check onOneSide, Check onTheOther) {
        Boundary(String threshold, RuleCase onOneSide, RuleCase onTheOther) {
            this(threshold, new Check(onOneSide.name(), onOneSide::check), new Check(onTheOther.name(), onTheOther::check));
        }
    }

    /** A named check, shown as the test's name. */
    private record Check(String name, Runnable check) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final UnaryOperator<PatientFacts.Builder> ASAS_THREE_WITHOUT_ONSET = b -> b.symptomDurationWeeks(26.0)
            .onsetType(OnsetType.GRADUAL_INSIDIOUS).improvesWithExercise(TriState.YES).restRelievesPain(TriState.NO);

    private static final UnaryOperator<PatientFacts.Builder> NG65_ENTRY_WITH_FOUR = b -> b.ageYears(50)
            .symptomDurationWeeks(260.0).wakesSecondHalfOfNight(TriState.YES).buttockPain(TriState.YES)
            .improvesWithExercise(TriState.YES).nsaidResponse(NsaidResponse.GOOD);

    private static final List<Boundary> BOUNDARIES = List.of(
            new Boundary("ADULT_MIN_AGE_YEARS",
                    fires("DQ-02", "age 15", b -> b.ageYears(15)),
                    silent("DQ-02", "age 16", b -> b.ageYears(16))),
            new Boundary("FEVER_MIN_CELSIUS",
                    silent("URG-01", "37.9 °C", b -> b.temperatureC(37.9)),
                    fires("URG-01", "38.0 °C", b -> b.temperatureC(38.0))),
            new Boundary("WEIGHT_LOSS_MIN_KG",
                    silent("SOON-01", "4.4 kg", b -> b.weightLossUnexplained(TriState.YES).weightLossKg(4.4)),
                    fires("SOON-01", "4.5 kg", b -> b.weightLossUnexplained(TriState.YES).weightLossKg(4.5))),
            new Boundary("WEIGHT_LOSS_MIN_PERCENT",
                    silent("SOON-01", "4.9 %", b -> b.weightLossUnexplained(TriState.YES).weightLossPercent(4.9)),
                    fires("SOON-01", "5.0 %", b -> b.weightLossUnexplained(TriState.YES).weightLossPercent(5.0))),
            new Boundary("WEIGHT_LOSS_MAX_PERIOD_MONTHS",
                    fires("SOON-01", "6 kg in 12 months", b -> b.weightLossUnexplained(TriState.YES).weightLossKg(6.0)
                            .weightLossPeriodMonths(12.0)),
                    silent("SOON-01", "6 kg in 12.5 months", b -> b.weightLossUnexplained(TriState.YES).weightLossKg(6.0)
                            .weightLossPeriodMonths(12.5))),
            new Boundary("MALIGNANCY_FLAG_MIN_AGE_YEARS",
                    silent("SOON-01", "unrelieved night pain at 49", b -> b.ageYears(49)
                            .nightPainUnrelievedByPositionChange(TriState.YES)),
                    fires("SOON-01", "unrelieved night pain at 50", b -> b.ageYears(50)
                            .nightPainUnrelievedByPositionChange(TriState.YES))),
            new Boundary("MYELOMA_TEST_MIN_AGE_YEARS",
                    silent("RTN-01", "59 with persistent pain", b -> b.ageYears(59).symptomDurationWeeks(8.0)),
                    fires("RTN-01", "60 with persistent pain", b -> b.ageYears(60).symptomDurationWeeks(8.0))),
            new Boundary("PANCREATIC_CT_MIN_AGE_YEARS",
                    new Check("SOON-01 without abdominal CT: weight loss at 59", () -> assertThat(ctAdded(59)).isFalse()),
                    new Check("SOON-01 with abdominal CT: weight loss at 60", () -> assertThat(ctAdded(60)).isTrue())),
            new Boundary("FRACTURE_RISK_MIN_AGE_YEARS",
                    silent("SOON-04", "64 with sudden onset", b -> b.ageYears(64)),
                    fires("SOON-04", "65 with sudden onset", b -> b.ageYears(65))),
            new Boundary("AAA_MIN_AGE_YEARS",
                    silent("EMR-07", "collapse at 49", b -> b.ageYears(49).collapseOrSyncope(TriState.YES)),
                    fires("EMR-07", "collapse at 50", b -> b.ageYears(50).collapseOrSyncope(TriState.YES))),
            new Boundary("AAA_SUDDEN_SEVERE_MIN_AGE_YEARS",
                    silent("URG-06", "sudden pain of 8 at 59", b -> b.ageYears(59).painSeverityNrs(8)),
                    fires("URG-06", "sudden pain of 8 at 60", b -> b.ageYears(60).painSeverityNrs(8))),
            new Boundary("AAA_SUDDEN_SEVERE_MIN_NRS",
                    silent("URG-06", "sudden pain of 7 at 62", b -> b.ageYears(62).painSeverityNrs(7)),
                    fires("URG-06", "sudden pain of 8 at 62", b -> b.ageYears(62).painSeverityNrs(8))),
            new Boundary("PAEDIATRIC_PERSISTENT_MIN_WEEKS",
                    new Check("DQ-02 routine: a child of 10, pain for 3.9 weeks", () -> assertThat(childUrgency(10, 3.9))
                            .isEqualTo(Urgency.ROUTINE)),
                    new Check("DQ-02 soon: a child of 10, pain for 4 weeks", () -> assertThat(childUrgency(10, 4.0))
                            .isEqualTo(Urgency.SOON))),
            new Boundary("PAEDIATRIC_YOUNG_BELOW_AGE_YEARS",
                    new Check("DQ-02 soon: a child of 4, pain for 1 week", () -> assertThat(childUrgency(4, 1.0))
                            .isEqualTo(Urgency.SOON)),
                    new Check("DQ-02 routine: a child of 5, pain for 1 week", () -> assertThat(childUrgency(5, 1.0))
                            .isEqualTo(Urgency.ROUTINE))),
            new Boundary("SERIOUS_PATHOLOGY_MIN_FEATURES",
                    silent("SOON-05", "one serious-pathology feature at 45", b -> b.ageYears(45).thoracicPain(TriState.YES)),
                    fires("SOON-05", "two serious-pathology features at 45", b -> b.ageYears(45).thoracicPain(TriState.YES)
                            .painAggravatedByStraining(TriState.YES))),
            new Boundary("PREGNANCY_SIDE_SLEEP_MIN_WEEKS",
                    silent("SLP-06", "27 weeks pregnant", b -> b.pregnant(TriState.YES).gestationWeeks(27)),
                    fires("SLP-06", "28 weeks pregnant", b -> b.pregnant(TriState.YES).gestationWeeks(28))),
            new Boundary("CANCER_NEW_ONSET_MAX_WEEKS",
                    fires("URG-02", "cancer history, pain for 12 weeks", b -> b.historyOfCancer(TriState.YES)
                            .symptomDurationWeeks(12.0)),
                    silent("URG-02", "cancer history, pain for 13 weeks", b -> b.historyOfCancer(TriState.YES)
                            .symptomDurationWeeks(13.0))),
            new Boundary("INFECTION_RISK_ONSET_MAX_WEEKS",
                    fires("SOON-03", "risk factor, pain for 12 weeks", b -> b.ivDrugUse(TriState.YES)
                            .symptomDurationWeeks(12.0)),
                    silent("SOON-03", "risk factor, pain for 13 weeks", b -> b.ivDrugUse(TriState.YES)
                            .symptomDurationWeeks(13.0))),
            new Boundary("CHRONIC_MIN_WEEKS",
                    silent("RTN-02", "four ASAS items at 12 weeks", b -> ASAS_THREE_WITHOUT_ONSET.apply(b).ageYears(30)
                            .symptomDurationWeeks(12.0)),
                    fires("RTN-02", "four ASAS items at 13 weeks", b -> ASAS_THREE_WITHOUT_ONSET.apply(b).ageYears(30)
                            .symptomDurationWeeks(13.0))),
            new Boundary("ASAS_ONSET_BELOW_AGE_YEARS",
                    fires("RTN-02", "onset at 39", b -> ASAS_THREE_WITHOUT_ONSET.apply(b).ageYears(45).ageAtOnsetYears(39)),
                    silent("RTN-02", "onset at 40", b -> ASAS_THREE_WITHOUT_ONSET.apply(b).ageYears(45).ageAtOnsetYears(40))),
            new Boundary("ASAS_POSITIVE_MIN_ITEMS",
                    silent("RTN-02", "three items", b -> ASAS_THREE_WITHOUT_ONSET.apply(b).ageYears(50)),
                    fires("RTN-02", "four items", b -> ASAS_THREE_WITHOUT_ONSET.apply(b).ageYears(50)
                            .nightPain(TriState.YES).nightPainImprovesOnGettingUp(TriState.YES))),
            new Boundary("NG65_ENTRY_ONSET_BELOW_AGE_YEARS",
                    fires("RTN-03", "four criteria, onset at 44", b -> NG65_ENTRY_WITH_FOUR.apply(b).ageAtOnsetYears(44)),
                    silent("RTN-03", "four criteria, onset at 45", b -> NG65_ENTRY_WITH_FOUR.apply(b).ageAtOnsetYears(45))),
            new Boundary("NG65_CRITERION_ONSET_BELOW_AGE_YEARS",
                    fires("RTN-03", "three criteria and onset at 34", b -> b.ageYears(40).ageAtOnsetYears(34)
                            .symptomDurationWeeks(52.0).wakesSecondHalfOfNight(TriState.YES).buttockPain(TriState.YES)
                            .psoriasis(TriState.YES)),
                    silent("RTN-03", "three criteria and onset at 35", b -> b.ageYears(40).ageAtOnsetYears(35)
                            .symptomDurationWeeks(52.0).wakesSecondHalfOfNight(TriState.YES).buttockPain(TriState.YES)
                            .psoriasis(TriState.YES))),
            new Boundary("NG65_REFER_MIN_CRITERIA",
                    silent("RTN-03", "three criteria", b -> NG65_ENTRY_WITH_FOUR.apply(b).ageAtOnsetYears(40)
                            .nsaidResponse(NsaidResponse.NOT_TRIED)),
                    fires("RTN-03", "four criteria", b -> NG65_ENTRY_WITH_FOUR.apply(b).ageAtOnsetYears(40))),
            new Boundary("NG65_HLA_B27_CRITERIA",
                    silent("RTN-04", "two criteria", b -> NG65_ENTRY_WITH_FOUR.apply(b).ageAtOnsetYears(40)
                            .nsaidResponse(NsaidResponse.NOT_TRIED).buttockPain(TriState.NO)),
                    fires("RTN-04", "three criteria", b -> NG65_ENTRY_WITH_FOUR.apply(b).ageAtOnsetYears(40)
                            .nsaidResponse(NsaidResponse.NOT_TRIED).hlaB27(HlaB27.NOT_TESTED))),
            new Boundary("MECHANICAL_STIFFNESS_MAX_MINUTES",
                    fires("SC-03", "30 minutes", b -> b.morningStiffnessMinutes(30)),
                    silent("SC-03", "31 minutes", b -> b.morningStiffnessMinutes(31))),
            new Boundary("STENOSIS_MIN_AGE_YEARS",
                    silent("RTN-07", "claudication at 49", b -> b.ageYears(49).neurogenicClaudication(TriState.YES)),
                    fires("RTN-07", "claudication at 50", b -> b.ageYears(50).neurogenicClaudication(TriState.YES))),
            new Boundary("DEGENERATIVE_MIN_AGE_YEARS",
                    silent("RTN-10", "39", b -> b.ageYears(39).symptomDurationWeeks(8.0).morningStiffnessMinutes(20)
                            .improvesWithExercise(TriState.YES)),
                    fires("RTN-10", "40", b -> b.ageYears(40).symptomDurationWeeks(8.0).morningStiffnessMinutes(20)
                            .improvesWithExercise(TriState.YES))),
            new Boundary("PERSISTENT_MIN_WEEKS",
                    silent("RTN-08", "5.9 weeks", b -> b.symptomDurationWeeks(5.9)),
                    fires("RTN-08", "6 weeks", b -> b.symptomDurationWeeks(6.0))),
            new Boundary("FAILURE_TO_IMPROVE_MIN_WEEKS",
                    silent("SOON-01", "unrelieved night pain at 45 for 3.9 weeks", b -> b.ageYears(45)
                            .symptomDurationWeeks(3.9).nightPainUnrelievedByPositionChange(TriState.YES)),
                    fires("SOON-01", "unrelieved night pain at 45 for 4 weeks", b -> b.ageYears(45)
                            .symptomDurationWeeks(4.0).nightPainUnrelievedByPositionChange(TriState.YES))),
            new Boundary("STARTBACK_LOW_MAX_TOTAL",
                    new Check("EXT-01 low risk: total 3", () -> assertThat(startBackCode(3, 2)).isEqualTo("STARTBACK_LOW")),
                    new Check("EXT-01 medium risk: total 4", () -> assertThat(startBackCode(4, 2)).isEqualTo("STARTBACK_MEDIUM"))),
            new Boundary("STARTBACK_HIGH_MIN_PSYCHOSOCIAL",
                    new Check("EXT-01 medium risk: psychosocial 3", () -> assertThat(startBackCode(5, 3)).isEqualTo("STARTBACK_MEDIUM")),
                    new Check("EXT-01 high risk: psychosocial 4", () -> assertThat(startBackCode(5, 4)).isEqualTo("STARTBACK_HIGH"))),
            // Knowledge base 2.0: thresholds that decide more than one rule, each further rule on both sides too.
            new Boundary("ADULT_MIN_AGE_YEARS",
                    silent("RTN-08", "ten weeks of stable pain at 15", b -> b.ageYears(15).symptomDurationWeeks(10.0)),
                    fires("RTN-08", "ten weeks of stable pain at 16", b -> b.ageYears(16).symptomDurationWeeks(10.0))),
            new Boundary("ADULT_MIN_AGE_YEARS",
                    silent("EXT-01-HIGH", "STarT Back 6 and 4 at 15", b -> b.ageYears(15).startBackTotal(6).startBackPsychosocial(4)),
                    fires("EXT-01-HIGH", "STarT Back 6 and 4 at 16", b -> b.ageYears(16).startBackTotal(6).startBackPsychosocial(4))),
            new Boundary("MALIGNANCY_FLAG_MIN_AGE_YEARS",
                    silent("SOON-05", "one serious-pathology feature at 49", b -> b.ageYears(49).localisedSpinalTenderness(TriState.YES)),
                    fires("SOON-05", "one serious-pathology feature at 50", b -> b.ageYears(50).localisedSpinalTenderness(TriState.YES))),
            new Boundary("MALIGNANCY_FLAG_MIN_AGE_YEARS",
                    silent("RTN-12", "inflammatory back pain with a raised CRP at 49: the CRP is explained",
                            b -> ASAS_THREE_WITHOUT_ONSET.apply(b).ageYears(49).ageAtOnsetYears(30)
                                    .progression(Progression.IMPROVING).crpElevated(TriState.YES)),
                    fires("SOON-05", "inflammatory back pain with a raised CRP at 50: the CRP counts",
                            b -> ASAS_THREE_WITHOUT_ONSET.apply(b).ageYears(50).ageAtOnsetYears(30)
                                    .progression(Progression.IMPROVING).crpElevated(TriState.YES))),
            new Boundary("FRACTURE_RISK_MIN_AGE_YEARS",
                    silent("URG-05", "a minor injury at 64", b -> b.ageYears(64).trauma(Trauma.MINOR)),
                    fires("URG-05", "a minor injury at 65", b -> b.ageYears(65).trauma(Trauma.MINOR))),
            new Boundary("AAA_MIN_AGE_YEARS",
                    fires("EMR-08", "collapse at 49", b -> b.ageYears(49).collapseOrSyncope(TriState.YES)),
                    silent("EMR-08", "collapse at 50", b -> b.ageYears(50).collapseOrSyncope(TriState.YES))),
            new Boundary("AAA_MIN_AGE_YEARS",
                    fires("URG-06", "a pulsatile mass at 49", b -> b.ageYears(49).pulsatileAbdominalMass(TriState.YES)),
                    fires("EMR-07", "a pulsatile mass at 50", b -> b.ageYears(50).pulsatileAbdominalMass(TriState.YES))),
            new Boundary("SERIOUS_PATHOLOGY_MIN_FEATURES",
                    fires("RTN-12", "one serious-pathology feature at 45", b -> b.ageYears(45).thoracicPain(TriState.YES)),
                    silent("RTN-12", "two serious-pathology features at 45", b -> b.ageYears(45).thoracicPain(TriState.YES)
                            .painAggravatedByStraining(TriState.YES))),
            new Boundary("PREGNANCY_SIDE_SLEEP_MIN_WEEKS",
                    fires("SLP-01", "a back sleeper 27 weeks pregnant", b -> b.pregnant(TriState.YES).gestationWeeks(27)
                            .sleepPosition(SleepPosition.BACK)),
                    silent("SLP-01", "a back sleeper 28 weeks pregnant", b -> b.pregnant(TriState.YES).gestationWeeks(28)
                            .sleepPosition(SleepPosition.BACK))),
            new Boundary("PREGNANCY_SIDE_SLEEP_MIN_WEEKS",
                    fires("SLP-03", "a stomach sleeper 27 weeks pregnant", b -> b.pregnant(TriState.YES).gestationWeeks(27)
                            .sleepPosition(SleepPosition.STOMACH)),
                    silent("SLP-03", "a stomach sleeper 28 weeks pregnant", b -> b.pregnant(TriState.YES).gestationWeeks(28)
                            .sleepPosition(SleepPosition.STOMACH))),
            new Boundary("PAEDIATRIC_PERSISTENT_MIN_WEEKS",
                    new Check("DQ-02 with primary care: a child of 10, pain for 3.9 weeks",
                            () -> assertThat(Fixtures.assess(Fixtures.baseline().ageYears(10).symptomDurationWeeks(3.9))
                                    .referrals()).containsExactly(Referral.PRIMARY_CARE)),
                    new Check("DQ-02 with paediatrics: a child of 10, pain for 4 weeks",
                            () -> assertThat(Fixtures.assess(Fixtures.baseline().ageYears(10).symptomDurationWeeks(4.0))
                                    .referrals()).containsExactly(Referral.PAEDIATRICS))));

    static Stream<Check> checks() {
        return BOUNDARIES.stream().flatMap(b -> Stream.of(b.onOneSide(), b.onTheOther()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void boundary(Check check) {
        check.check().run();
    }

    @Test
    void everyComparedThreshold_hasABoundaryPair() {
        List<String> compared = Thresholds.entries().stream()
                .filter(e -> !e.meaning().startsWith("definition"))
                .map(Thresholds.Entry::name).toList();

        // A threshold that decides several rules has a pair for each of them; each has at least one.
        assertThat(BOUNDARIES.stream().map(Boundary::threshold).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(compared);
    }

    /** Thresholds that only define a question's meaning must appear in that question's wording. */
    @Test
    void definitionThresholds_appearInTheQuestionsThatDefineThem() {
        Map<String, String> questions = FactField.ALL.stream()
                .collect(Collectors.toMap(FactField::fieldName, FactField::question));

        assertThat(questions.get("recentBacterialInfection")).contains(Thresholds.INFECTION_RISK_RECENT_MAX_WEEKS + " weeks");
        assertThat(questions.get("recentSpinalProcedure")).contains(Thresholds.INFECTION_RISK_RECENT_MAX_WEEKS + " weeks");
        assertThat(questions.get("corticosteroidProlonged"))
                .contains(Thresholds.PROLONGED_STEROID_MIN_MG_PER_DAY + " mg")
                .contains(Thresholds.PROLONGED_STEROID_MIN_MONTHS + " months");
        assertThat(questions.get("nsaidResponse")).contains(Thresholds.NSAID_GOOD_RESPONSE_HOURS + " hours");
        assertThat(questions.get("motorWeakness")).contains("foot drop");
    }

    private static String startBackCode(int total, int psychosocial) {
        return Fixtures.assess(Fixtures.baseline().startBackTotal(total).startBackPsychosocial(psychosocial))
                .findings().stream().filter(f -> Fixtures.specRuleId(f.ruleId()).equals("EXT-01")).findFirst()
                .orElseThrow(() -> new AssertionError("EXT-01 did not fire")).code();
    }

    /** The urgency of the children rule's finding for a child of this age with pain of this duration. */
    private static Urgency childUrgency(int age, double weeks) {
        return Fixtures.finding(Fixtures.assess(Fixtures.baseline().ageYears(age).symptomDurationWeeks(weeks)), "DQ-02")
                .urgency();
    }

    private static boolean ctAdded(int age) {
        return Fixtures.finding(Fixtures.assess(Fixtures.baseline().ageYears(age).weightLossUnexplained(TriState.YES)),
                "SOON-01").diagnostics().contains(Diagnostic.CT_ABDOMEN_URGENT_2WW);
    }
}
