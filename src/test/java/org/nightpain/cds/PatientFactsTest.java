package org.nightpain.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightpain.cds.FactField;

/** The fact model of clinical-knowledge §4 and the validation of §4.2 and §8.4. */
class PatientFactsTest {

    @Test
    void builder_startsWithEveryAnswerUnknownAndEveryNumberNotGiven() {
        PatientFacts facts = PatientFacts.builder().build();

        for (FactField field : FactField.ALL) {
            assertThat(field.isUnknown(facts)).as(field.fieldName()).isTrue();
        }
        assertThat(facts.urinaryRetention()).isEqualTo(TriState.UNKNOWN);
        assertThat(facts.hlaB27()).isEqualTo(HlaB27.UNKNOWN);
        assertThat(facts.ageYears()).isNull();
    }

    @Test
    void nullAnswer_isReadAsUnknown_neverAsNo() {
        PatientFacts facts = PatientFacts.builder().urinaryRetention(null).trauma(null).build();

        assertThat(facts.urinaryRetention()).isEqualTo(TriState.UNKNOWN);
        assertThat(facts.trauma()).isEqualTo(Trauma.UNKNOWN);
    }

    @Test
    void toBuilder_copiesEveryField() {
        PatientFacts original = Fixtures.baseline().temperatureC(37.2).startBackTotal(4).startBackPsychosocial(2).build();

        assertThat(original.toBuilder().build()).isEqualTo(original);
    }

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                bad("ageYears", b -> b.ageYears(-1), "must be 0-120 years"),
                bad("ageYears", b -> b.ageYears(121), "must be 0-120 years"),
                bad("symptomDurationWeeks", b -> b.symptomDurationWeeks(-0.5), "must be 0.0-1040.0 weeks"),
                bad("symptomDurationWeeks", b -> b.symptomDurationWeeks(1040.5).ageYears(30), "must be 0.0-1040.0 weeks"),
                bad("ageAtOnsetYears", b -> b.ageAtOnsetYears(121), "must be 0-120 years"),
                bad("painSeverityNrs", b -> b.painSeverityNrs(11), "must be 0-10"),
                bad("morningStiffnessMinutes", b -> b.morningStiffnessMinutes(1441), "must be 0-1440 minutes"),
                bad("temperatureC", b -> b.temperatureC(101.2), "(was it °F?)"),
                bad("temperatureC", b -> b.temperatureC(29.9), "must be 30.0-45.0 °C"),
                bad("temperatureC", b -> b.temperatureC(Double.NaN), "must be a finite number"),
                bad("weightLossKg", b -> b.weightLossKg(Double.POSITIVE_INFINITY), "must be a finite number"),
                bad("weightLossKg", b -> b.weightLossKg(100.1), "must be 0.0-100.0 kg"),
                bad("weightLossPercent", b -> b.weightLossPercent(60.1), "must be 0.0-60.0 %"),
                bad("weightLossPeriodMonths", b -> b.weightLossPeriodMonths(-1.0), "must be 0.0-60.0 months"),
                bad("startBackTotal", b -> b.startBackTotal(10), "must be 0-9"),
                bad("startBackPsychosocial", b -> b.startBackPsychosocial(6), "must be 0-5"),
                bad("ageAtOnsetYears", b -> b.ageYears(40).ageAtOnsetYears(41), "must not be more than ageYears"),
                bad("symptomDurationWeeks", b -> b.ageYears(1).symptomDurationWeeks(104.5),
                        "must not be more than (ageYears + 1) x 52 weeks"),
                bad("startBackPsychosocial", b -> b.startBackTotal(3).startBackPsychosocial(4),
                        "must not be more than startBackTotal"),
                bad("weaknessProgressive", b -> b.motorWeakness(MotorWeakness.NONE).weaknessProgressive(TriState.YES),
                        "cannot be YES when motorWeakness is NONE"),
                bad("contusionOrAbrasion", b -> b.trauma(Trauma.NONE).contusionOrAbrasion(TriState.YES),
                        "cannot be YES when trauma is NONE"),
                // clinical-knowledge §9.1
                bad("pregnant", b -> b.sex(Sex.MALE).pregnant(TriState.YES), "cannot be YES when sex is MALE"),
                bad("gestationWeeks", b -> b.pregnant(TriState.NO).gestationWeeks(20), "only be given when pregnant is YES"),
                bad("gestationWeeks", b -> b.gestationWeeks(30), "only be given when pregnant is YES"),
                bad("gestationWeeks", b -> b.pregnant(TriState.YES).gestationWeeks(46), "must be 0-45 weeks"),
                bad("gestationWeeks", b -> b.pregnant(TriState.YES).gestationWeeks(-1), "must be 0-45 weeks"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("outOfRange")
    void invalidFacts_areRejected_namingTheField(String field, UnaryOperator<PatientFacts.Builder> change, String message) {
        InvalidPatientFactsException e = catchThrowableOfType(InvalidPatientFactsException.class,
                () -> change.apply(PatientFacts.builder()).build());

        assertThat(e).as("an exception for " + field).isNotNull();
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).field()).isEqualTo(field);
        assertThat(e.problems().get(0).message()).contains(message);
        assertThat(e.getMessage()).contains(field);
    }

    static Stream<Arguments> inRange() {
        return Stream.of(
                ok("ages 0 and 120", b -> b.ageYears(120).ageAtOnsetYears(0)),
                ok("temperature 30.0 and 45.0", b -> b.temperatureC(30.0)),
                ok("temperature 45.0", b -> b.temperatureC(45.0)),
                ok("duration (age + 1) x 52 weeks", b -> b.ageYears(1).symptomDurationWeeks(104.0)),
                ok("onset at the current age", b -> b.ageYears(40).ageAtOnsetYears(40)),
                ok("psychosocial equal to the total", b -> b.startBackTotal(4).startBackPsychosocial(4)),
                ok("progressive weakness of unknown grade", b -> b.motorWeakness(MotorWeakness.UNKNOWN)
                        .weaknessProgressive(TriState.YES)),
                ok("contusion with trauma unknown", b -> b.trauma(Trauma.UNKNOWN).contusionOrAbrasion(TriState.YES)),
                ok("psychosocial without a total", b -> b.startBackPsychosocial(5)),
                ok("0 weeks pregnant", b -> b.pregnant(TriState.YES).gestationWeeks(0)),
                ok("45 weeks pregnant", b -> b.pregnant(TriState.YES).gestationWeeks(45)),
                ok("pregnant, sex OTHER", b -> b.sex(Sex.OTHER).pregnant(TriState.YES)),
                ok("pregnant, sex unknown", b -> b.sex(Sex.UNKNOWN).pregnant(TriState.YES)),
                ok("not pregnant, sex MALE", b -> b.sex(Sex.MALE).pregnant(TriState.NO)));
    }

    /**
     * Clinical-knowledge §9.1: numbness is NONE, UNILATERAL, BILATERAL or UNKNOWN, so that a yes/no answer of
     * knowledge base 1.x cannot be written through the Java API at all (JSON and FHIR refuse it by name:
     * the bad-input corpus and the CDS Hooks BadRequestTest).
     */
    @Test
    void legNumbness_hasNoYesOrNo() {
        assertThat(LegNumbness.values()).extracting(Enum::name)
                .containsExactly("NONE", "UNILATERAL", "BILATERAL", "UNKNOWN");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inRange")
    void validEdgeValues_areAccepted(String name, UnaryOperator<PatientFacts.Builder> change) {
        assertThatCode(() -> change.apply(PatientFacts.builder()).build()).doesNotThrowAnyException();
    }

    @Test
    void everyProblem_isReportedAtOnce_inFieldOrder() {
        InvalidPatientFactsException e = catchThrowableOfType(InvalidPatientFactsException.class,
                () -> PatientFacts.builder().temperatureC(101.2).ageYears(200).startBackTotal(2)
                        .startBackPsychosocial(3).trauma(Trauma.NONE).contusionOrAbrasion(TriState.YES).build());

        assertThat(e.problems()).extracting(Problem::field)
                .containsExactly("ageYears", "temperatureC", "contusionOrAbrasion", "startBackPsychosocial");
        assertThat(e.problems()).extracting(Problem::value).containsExactly(200, 101.2, TriState.YES, 3);
    }

    /** A logged exception must not carry patient data: values are in problems(), not in the message. */
    @Test
    void exceptionMessage_namesFieldsButNotValues() {
        InvalidPatientFactsException e = catchThrowableOfType(InvalidPatientFactsException.class,
                () -> PatientFacts.builder().temperatureC(101.7).weightLossKg(123.4).build());

        assertThat(e.getMessage()).contains("temperatureC", "weightLossKg").doesNotContain("101.7", "123.4");
        assertThat(e.problems().get(0).toString()).doesNotContain("101.7");
    }

    private static Arguments bad(String field, UnaryOperator<PatientFacts.Builder> change, String message) {
        return Arguments.of(field, change, message);
    }

    private static Arguments ok(String name, UnaryOperator<PatientFacts.Builder> change) {
        return Arguments.of(name, change);
    }
}
