package org.nightpain.cds.rules;

import static org.nightpain.cds.rules.RuleCase.fires;
import static org.nightpain.cds.rules.RuleCase.silent;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightpain.cds.HlaB27;
import org.nightpain.cds.NsaidResponse;
import org.nightpain.cds.OnsetType;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.TriState;

/** RTN-02 to RTN-05 (inflammatory.drl). */
class InflammatoryRulesTest {

    /** Chronic pain (26 weeks) that began at 29.5 and four ASAS items: onset, insidious, exercise, rest. */
    private static final UnaryOperator<PatientFacts.Builder> ASAS_FOUR = b -> b.ageYears(30).symptomDurationWeeks(26.0)
            .onsetType(OnsetType.GRADUAL_INSIDIOUS).improvesWithExercise(TriState.YES).restRelievesPain(TriState.NO);

    /** NG65 entry (onset 29.5, 26 weeks) with three criteria: onset before 35, second-half waking, buttock pain. */
    private static final UnaryOperator<PatientFacts.Builder> NG65_THREE = b -> b.ageYears(30).symptomDurationWeeks(26.0)
            .wakesSecondHalfOfNight(TriState.YES).buttockPain(TriState.YES);

    static Stream<RuleCase> cases() {
        return Stream.of(
                fires("RTN-02", "four ASAS items with chronic pain", ASAS_FOUR::apply),
                fires("RTN-02", "five ASAS items", b -> ASAS_FOUR.apply(b).nightPain(TriState.YES)
                        .nightPainImprovesOnGettingUp(TriState.YES)),
                fires("RTN-02", "onset age given instead of derived", b -> ASAS_FOUR.apply(b).ageYears(45)
                        .ageAtOnsetYears(39)),
                silent("RTN-02", "four items but pain for 12 weeks", b -> ASAS_FOUR.apply(b).symptomDurationWeeks(12.0)),
                silent("RTN-02", "three items (rest relieves the pain)", b -> ASAS_FOUR.apply(b)
                        .restRelievesPain(TriState.YES)),
                silent("RTN-02", "three items and one unknown", b -> ASAS_FOUR.apply(b)
                        .restRelievesPain(TriState.UNKNOWN)),
                silent("RTN-02", "onset at 40 leaves three items", b -> ASAS_FOUR.apply(b).ageYears(45)
                        .ageAtOnsetYears(40)),

                fires("RTN-03", "four NG65 criteria", b -> NG65_THREE.apply(b).improvesWithExercise(TriState.YES)),
                fires("RTN-03", "three NG65 criteria with a positive HLA-B27", b -> NG65_THREE.apply(b)
                        .hlaB27(HlaB27.POSITIVE)),
                fires("RTN-03", "criteria from history: NSAID response, family, arthritis, enthesitis",
                        b -> b.ageYears(50).ageAtOnsetYears(40).symptomDurationWeeks(520.0)
                                .nsaidResponse(NsaidResponse.GOOD).familyHistorySpA(TriState.YES)
                                .arthritisHistory(TriState.YES).enthesitisHistory(TriState.YES)),
                silent("RTN-03", "three NG65 criteria with a negative HLA-B27", b -> NG65_THREE.apply(b)
                        .hlaB27(HlaB27.NEGATIVE)),
                silent("RTN-03", "four criteria but onset at 45", b -> b.ageYears(50).ageAtOnsetYears(45)
                        .symptomDurationWeeks(260.0).wakesSecondHalfOfNight(TriState.YES).buttockPain(TriState.YES)
                        .improvesWithExercise(TriState.YES).psoriasis(TriState.YES).nsaidResponse(NsaidResponse.GOOD)),
                silent("RTN-03", "four criteria but pain for 12 weeks", b -> NG65_THREE.apply(b)
                        .improvesWithExercise(TriState.YES).symptomDurationWeeks(12.0)),
                silent("RTN-03", "buttock and alternating buttock pain are one criterion", b -> NG65_THREE.apply(b)
                        .alternatingButtockPain(TriState.YES)),

                fires("RTN-04", "three NG65 criteria, HLA-B27 not tested", NG65_THREE::apply),
                fires("RTN-04", "three NG65 criteria, HLA-B27 unknown", b -> NG65_THREE.apply(b).hlaB27(HlaB27.UNKNOWN)),
                silent("RTN-04", "three criteria, HLA-B27 negative", b -> NG65_THREE.apply(b).hlaB27(HlaB27.NEGATIVE)),
                silent("RTN-04", "two criteria", b -> NG65_THREE.apply(b).buttockPain(TriState.NO)),
                silent("RTN-04", "four criteria go to RTN-03", b -> NG65_THREE.apply(b).psoriasis(TriState.YES)),

                fires("RTN-05", "inflammatory bowel disease", b -> b.ibd(TriState.YES)),
                fires("RTN-05", "uveitis", b -> b.uveitis(TriState.YES)),
                fires("RTN-05", "psoriasis", b -> b.psoriasis(TriState.YES)),
                silent("RTN-05", "inflammatory bowel disease unknown", b -> b.ibd(TriState.UNKNOWN)),
                silent("RTN-05", "IBD with inflammatory back pain goes to rheumatology", b -> ASAS_FOUR.apply(b)
                        .ibd(TriState.YES)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(RuleCase ruleCase) {
        ruleCase.check();
    }
}
