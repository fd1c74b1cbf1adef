package org.nightpain.cds.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Finding;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.LegNumbness;
import org.nightpain.cds.MotorWeakness;
import org.nightpain.cds.OnsetType;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.Progression;
import org.nightpain.cds.RadicularLegPain;
import org.nightpain.cds.Trauma;
import org.nightpain.cds.TriState;
import org.nightpain.cds.FactField;

/**
 * The facts a finding cites are exactly the ways its condition was met. Rules whose condition can be
 * met in several ways ("a OR b OR c", or a derived fact defined that way) record each way that was met
 * in their right-hand side, with the same comparison as the condition; these cases pin every way of
 * every such rule, alone and together, so a condition and its record cannot drift apart unnoticed.
 * Each case changes the baseline patient of clinical-knowledge §5 and lists the exact inputsUsed.
 */
class FiringBasisTest {

    record Case(String ruleId, String name, UnaryOperator<PatientFacts.Builder> change, Map<String, Object> cites) {
        @Override
        public String toString() {
            return ruleId + ": " + name;
        }
    }

    private static Case cites(String ruleId, String name, UnaryOperator<PatientFacts.Builder> change, Object... fieldsValues) {
        Map<String, Object> cites = new LinkedHashMap<>();
        for (int i = 0; i < fieldsValues.length; i += 2) {
            cites.put((String) fieldsValues[i], fieldsValues[i + 1]);
        }
        return new Case(ruleId, name, change, cites);
    }

    static Stream<Case> cases() {
        TriState yes = TriState.YES;
        return Stream.of(
                cites("EMR-01", "retention", b -> b.urinaryRetention(yes), "urinaryRetention", yes),
                cites("EMR-01", "difficulty", b -> b.urinaryDifficultyNew(yes), "urinaryDifficultyNew", yes),
                cites("EMR-01", "urinary incontinence", b -> b.urinaryIncontinenceNew(yes), "urinaryIncontinenceNew", yes),
                cites("EMR-01", "faecal incontinence", b -> b.faecalIncontinenceNew(yes), "faecalIncontinenceNew", yes),
                cites("EMR-01", "rectal sensation", b -> b.rectalSensationLoss(yes), "rectalSensationLoss", yes),
                cites("EMR-01", "saddle", b -> b.saddleAnaesthesia(yes), "saddleAnaesthesia", yes),
                cites("EMR-01", "sexual", b -> b.sexualDysfunctionNew(yes), "sexualDysfunctionNew", yes),
                cites("EMR-01", "two symptoms", b -> b.urinaryRetention(yes).sexualDysfunctionNew(yes),
                        "urinaryRetention", yes, "sexualDysfunctionNew", yes),

                cites("EMR-03", "multi-level weakness", b -> b.motorWeakness(MotorWeakness.MULTI_LEVEL_OR_BILATERAL),
                        "motorWeakness", MotorWeakness.MULTI_LEVEL_OR_BILATERAL),
                cites("EMR-03", "progressive mild weakness", b -> b.motorWeakness(MotorWeakness.MILD_SINGLE_ROOT)
                        .weaknessProgressive(yes), "motorWeakness", MotorWeakness.MILD_SINGLE_ROOT, "weaknessProgressive", yes),
                cites("EMR-03", "progressive weakness of unknown grade", b -> b.motorWeakness(MotorWeakness.UNKNOWN)
                        .weaknessProgressive(yes), "motorWeakness", MotorWeakness.UNKNOWN, "weaknessProgressive", yes),
                cites("EMR-03", "new gait problem with a major weakness that is not progressive",
                        b -> b.motorWeakness(MotorWeakness.MAJOR_SINGLE_ROOT).gaitDisturbanceNew(yes), "gaitDisturbanceNew", yes),

                cites("EMR-04", "38.0 with injecting drug use", b -> b.temperatureC(38.0).ivDrugUse(yes),
                        "temperatureC", 38.0, "ivDrugUse", yes),
                cites("EMR-04", "37.9 and reported fever with immunosuppression", b -> b.temperatureC(37.9)
                        .feverOrRigorsReported(yes).immunosuppression(yes), "feverOrRigorsReported", yes, "immunosuppression", yes),
                cites("EMR-04", "both fevers, systemically unwell", b -> b.temperatureC(39.0).feverOrRigorsReported(yes)
                        .systemicallyUnwell(yes), "temperatureC", 39.0, "feverOrRigorsReported", yes, "systemicallyUnwell", yes),
                cites("EMR-04", "fever with mild weakness", b -> b.feverOrRigorsReported(yes).motorWeakness(MotorWeakness.MILD_SINGLE_ROOT),
                        "feverOrRigorsReported", yes, "motorWeakness", MotorWeakness.MILD_SINGLE_ROOT),
                cites("EMR-04", "fever with a gait problem", b -> b.feverOrRigorsReported(yes).gaitDisturbanceNew(yes),
                        "feverOrRigorsReported", yes, "gaitDisturbanceNew", yes),
                cites("EMR-04", "fever with a CES symptom and a recent procedure", b -> b.feverOrRigorsReported(yes)
                        .urinaryIncontinenceNew(yes).recentSpinalProcedure(yes),
                        "feverOrRigorsReported", yes, "urinaryIncontinenceNew", yes, "recentSpinalProcedure", yes),
                cites("EMR-04", "fever after a recent infection", b -> b.feverOrRigorsReported(yes).recentBacterialInfection(yes),
                        "feverOrRigorsReported", yes, "recentBacterialInfection", yes),

                cites("EMR-05", "radicular pain", b -> b.historyOfCancer(yes).radicularLegPain(RadicularLegPain.UNILATERAL),
                        "historyOfCancer", yes, "radicularLegPain", RadicularLegPain.UNILATERAL),
                cites("EMR-05", "numbness", b -> b.historyOfCancer(yes).legNumbnessTingling(LegNumbness.UNILATERAL),
                        "historyOfCancer", yes, "legNumbnessTingling", LegNumbness.UNILATERAL),
                cites("EMR-05", "weakness", b -> b.historyOfCancer(yes).motorWeakness(MotorWeakness.MAJOR_SINGLE_ROOT),
                        "historyOfCancer", yes, "motorWeakness", MotorWeakness.MAJOR_SINGLE_ROOT),
                cites("EMR-05", "gait", b -> b.historyOfCancer(yes).gaitDisturbanceNew(yes),
                        "historyOfCancer", yes, "gaitDisturbanceNew", yes),
                cites("EMR-05", "a CES symptom and numbness", b -> b.historyOfCancer(yes).saddleAnaesthesia(yes)
                        .legNumbnessTingling(LegNumbness.BILATERAL),
                        "historyOfCancer", yes, "saddleAnaesthesia", yes, "legNumbnessTingling", LegNumbness.BILATERAL),

                cites("EMR-06", "major trauma", b -> b.trauma(Trauma.MAJOR), "trauma", Trauma.MAJOR),
                cites("EMR-06", "major trauma with bruising", b -> b.trauma(Trauma.MAJOR).contusionOrAbrasion(yes),
                        "trauma", Trauma.MAJOR, "contusionOrAbrasion", yes),
                cites("EMR-06", "minor trauma with new weakness", b -> b.trauma(Trauma.MINOR)
                        .motorWeakness(MotorWeakness.MILD_SINGLE_ROOT), "trauma", Trauma.MINOR,
                        "motorWeakness", MotorWeakness.MILD_SINGLE_ROOT),
                cites("URG-05", "minor trauma with bruising", b -> b.trauma(Trauma.MINOR).contusionOrAbrasion(yes),
                        "trauma", Trauma.MINOR, "contusionOrAbrasion", yes),
                cites("URG-05", "65 or over, minor trauma", b -> b.ageYears(65).onsetType(OnsetType.GRADUAL_INSIDIOUS)
                        .trauma(Trauma.MINOR), "ageYears", 65, "trauma", Trauma.MINOR),
                cites("URG-05", "steroids, minor trauma", b -> b.corticosteroidProlonged(yes).trauma(Trauma.MINOR),
                        "corticosteroidProlonged", yes, "trauma", Trauma.MINOR),

                cites("URG-01", "measured fever", b -> b.temperatureC(38.5), "temperatureC", 38.5),
                cites("URG-01", "reported fever", b -> b.feverOrRigorsReported(yes), "feverOrRigorsReported", yes),

                cites("URG-02", "new-onset pain", b -> b.historyOfCancer(yes), "historyOfCancer", yes, "symptomDurationWeeks", 2.0),
                cites("URG-02", "thoracic pain", b -> b.historyOfCancer(yes).symptomDurationWeeks(20.0).thoracicPain(yes),
                        "historyOfCancer", yes, "thoracicPain", yes),
                cites("URG-02", "worsening pain", b -> b.historyOfCancer(yes).symptomDurationWeeks(20.0).progression(Progression.WORSENING),
                        "historyOfCancer", yes, "progression", Progression.WORSENING),
                cites("URG-02", "severe, on straining, tender and preventing sleep", b -> b.historyOfCancer(yes)
                        .symptomDurationWeeks(20.0).severeUnremittingPain(yes).painAggravatedByStraining(yes)
                        .localisedSpinalTenderness(yes).painPreventsSleep(yes),
                        "historyOfCancer", yes, "painPreventsSleep", yes, "painAggravatedByStraining", yes,
                        "severeUnremittingPain", yes, "localisedSpinalTenderness", yes),

                cites("SOON-01", "weight loss of unknown amount", b -> b.weightLossUnexplained(yes),
                        "historyOfCancer", TriState.NO, "weightLossUnexplained", yes),
                cites("SOON-01", "4.5 kg but 2 % over 12 months", b -> b.weightLossUnexplained(yes).weightLossKg(4.5)
                        .weightLossPercent(2.0).weightLossPeriodMonths(12.0),
                        "historyOfCancer", TriState.NO, "weightLossUnexplained", yes, "weightLossKg", 4.5, "weightLossPeriodMonths", 12.0),
                cites("SOON-01", "night pain at 50", b -> b.ageYears(50).nightPainUnrelievedByPositionChange(yes),
                        "ageYears", 50, "historyOfCancer", TriState.NO, "nightPainUnrelievedByPositionChange", yes),
                cites("SOON-01", "night pain not improving at 45", b -> b.ageYears(45).symptomDurationWeeks(6.0)
                        .nightPainUnrelievedByPositionChange(yes), "symptomDurationWeeks", 6.0,
                        "progression", Progression.STABLE, "historyOfCancer", TriState.NO, "nightPainUnrelievedByPositionChange", yes),

                cites("SOON-03", "recent pain", b -> b.ivDrugUse(yes), "symptomDurationWeeks", 2.0, "ivDrugUse", yes),
                cites("URG-04", "worsening long-standing pain", b -> b.immunosuppression(yes).symptomDurationWeeks(20.0)
                        .progression(Progression.WORSENING), "progression", Progression.WORSENING, "immunosuppression", yes),

                cites("SOON-04", "osteoporosis, sudden onset without an injury", b -> b.osteoporosis(yes),
                        "onsetType", OnsetType.SUDDEN, "osteoporosis", yes, "trauma", Trauma.NONE),
                cites("SOON-04", "65 or over, sudden onset, injury unknown", b -> b.ageYears(65).trauma(Trauma.UNKNOWN),
                        "ageYears", 65, "onsetType", OnsetType.SUDDEN),

                cites("RTN-05", "inflammatory bowel disease, chronic pain", b -> b.ibd(yes).symptomDurationWeeks(13.0),
                        "symptomDurationWeeks", 13.0, "ibd", yes),
                cites("RTN-05", "psoriasis and uveitis, chronic pain", b -> b.psoriasis(yes).uveitis(yes)
                        .symptomDurationWeeks(20.0), "symptomDurationWeeks", 20.0, "psoriasis", yes, "uveitis", yes),

                // a 30-year-old with 26 weeks of pain: onset at 29.5, below 35, 40 and 45
                cites("RTN-02", "four ASAS items", b -> inflammatory(b).restRelievesPain(TriState.NO),
                        "ageYears", 30, "symptomDurationWeeks", 26.0, "onsetType", OnsetType.GRADUAL_INSIDIOUS,
                        "improvesWithExercise", yes, "restRelievesPain", TriState.NO),
                cites("RTN-02", "all five ASAS items, onset as given", b -> inflammatory(b).ageAtOnsetYears(28)
                        .restRelievesPain(TriState.NO).nightPain(yes).nightPainImprovesOnGettingUp(yes),
                        "symptomDurationWeeks", 26.0, "onsetType", OnsetType.GRADUAL_INSIDIOUS, "ageAtOnsetYears", 28,
                        "nightPain", yes, "nightPainImprovesOnGettingUp", yes, "improvesWithExercise", yes,
                        "restRelievesPain", TriState.NO),
                cites("RTN-03", "four NG65 criteria", b -> inflammatory(b).wakesSecondHalfOfNight(yes)
                        .buttockPain(yes).alternatingButtockPain(yes),
                        "ageYears", 30, "symptomDurationWeeks", 26.0, "wakesSecondHalfOfNight", yes, "buttockPain", yes,
                        "alternatingButtockPain", yes, "improvesWithExercise", yes),
                cites("RTN-03", "three NG65 criteria and HLA-B27 positive", b -> inflammatory(b).psoriasis(yes)
                        .hlaB27(org.nightpain.cds.HlaB27.POSITIVE),
                        "ageYears", 30, "symptomDurationWeeks", 26.0, "improvesWithExercise", yes, "psoriasis", yes,
                        "hlaB27", org.nightpain.cds.HlaB27.POSITIVE),
                cites("RTN-04", "three NG65 criteria, HLA-B27 not tested", b -> inflammatory(b).nsaidResponse(
                        org.nightpain.cds.NsaidResponse.GOOD), "ageYears", 30, "symptomDurationWeeks", 26.0,
                        "improvesWithExercise", yes, "nsaidResponse", org.nightpain.cds.NsaidResponse.GOOD,
                        "hlaB27", org.nightpain.cds.HlaB27.NOT_TESTED),

                cites("RTN-06", "pain down one leg", b -> b.radicularLegPain(RadicularLegPain.UNILATERAL),
                        "radicularLegPain", RadicularLegPain.UNILATERAL),
                cites("RTN-06", "straight-leg raise", b -> b.slrPositive(yes), "slrPositive", yes),
                cites("RTN-06", "crossed straight-leg raise", b -> b.crossedSlrPositive(yes), "crossedSlrPositive", yes),
                cites("RTN-06", "mild weakness", b -> b.motorWeakness(MotorWeakness.MILD_SINGLE_ROOT),
                        "motorWeakness", MotorWeakness.MILD_SINGLE_ROOT));
    }

    /** 30 years old, 26 weeks of insidious pain that improves with exercise: two ASAS items, two NG65 criteria. */
    private static PatientFacts.Builder inflammatory(PatientFacts.Builder b) {
        return b.ageYears(30).symptomDurationWeeks(26.0).onsetType(OnsetType.GRADUAL_INSIDIOUS)
                .improvesWithExercise(TriState.YES).restRelievesPain(TriState.YES);
    }

    @Test
    void anIncompleteInflammatoryScreen_namesTheUnansweredItems() {
        Finding finding = Fixtures.finding(Fixtures.assess(inflammatory(Fixtures.baseline()).ageYears(null)
                .onsetType(OnsetType.UNKNOWN).nightPain(TriState.UNKNOWN).nightPainImprovesOnGettingUp(TriState.UNKNOWN)), "DQ-03");

        assertThat(finding.inputsUsed()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "symptomDurationWeeks", 26.0, "improvesWithExercise", TriState.YES));
        // one item met, three unanswered (item 5 has two parts): the answers could still make it four
        assertThat(finding.inputsMissing())
                .containsExactly("onsetType", "ageAtOnsetYears", "nightPain", "nightPainImprovesOnGettingUp");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aFindingCitesExactlyTheWaysItsConditionWasMet(Case c) {
        Assessment result = Fixtures.assess(c.change().apply(Fixtures.baseline()));
        Finding finding = Stream.concat(result.findings().stream(), result.suppressedFindings().stream())
                .filter(f -> f.ruleId().equals(c.ruleId())).findFirst()
                .orElseThrow(() -> new AssertionError(c + " did not fire"));

        assertThat(finding.inputsUsed()).as(c.toString()).containsExactlyInAnyOrderEntriesOf(c.cites());
    }

    @Test
    void theUrgentAbdominalCt_citesTheAgeAndTheWeightLoss() {
        Finding finding = Fixtures.finding(Fixtures.assess(Fixtures.baseline().ageYears(60).weightLossUnexplained(TriState.YES)
                .weightLossPercent(5.0)), "SOON-01");

        assertThat(finding.diagnostics()).contains(org.nightpain.cds.Diagnostic.CT_ABDOMEN_URGENT_2WW);
        assertThat(finding.inputsUsed()).containsExactlyInAnyOrderEntriesOf(Map.of("ageYears", 60,
                "historyOfCancer", TriState.NO, "weightLossUnexplained", TriState.YES, "weightLossPercent", 5.0));
    }

    @Test
    void unansweredCoreQuestions_areListedInFactModelOrder_feverOnlyWhenNeitherAnswerIsGiven() {
        Finding everything = Fixtures.finding(Fixtures.assess(PatientFacts.builder().build()), "DQ-01");
        List<String> core = List.of("ageYears", "symptomDurationWeeks", "radicularLegPain", "legNumbnessTingling",
                "motorWeakness",
                "urinaryRetention", "urinaryDifficultyNew", "urinaryIncontinenceNew", "faecalIncontinenceNew",
                "saddleAnaesthesia", "feverOrRigorsReported", "temperatureC", "historyOfCancer", "weightLossUnexplained",
                "trauma");
        assertThat(everything.inputsMissing()).containsExactlyElementsOf(core.stream()
                .sorted(java.util.Comparator.comparing(name -> FactField.byName(name).ordinal())).toList());

        Finding measured = Fixtures.finding(Fixtures.assess(PatientFacts.builder().temperatureC(36.8).build()), "DQ-01");
        assertThat(measured.inputsMissing()).doesNotContain("feverOrRigorsReported", "temperatureC").contains("ageYears");

        Finding oneLeft = Fixtures.finding(Fixtures.assess(Fixtures.baseline().trauma(Trauma.UNKNOWN)), "DQ-01");
        assertThat(oneLeft.inputsMissing()).isEqualTo(List.of("trauma"));
    }
}
