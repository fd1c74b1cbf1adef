package org.nightpain.cds;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks of clinical-knowledge §4.2 and §8.4: every number in range, no impossible combination.
 * Collects every problem before it throws. Messages name fields and limits but never a value, because
 * the exception's message is made of them and applications log exceptions; the values are in each
 * problem's {@code value}.
 */
final class PatientFactsValidator {

    private PatientFactsValidator() {
    }

    /**
     * Checks one set of values.
     *
     * @param values the field values in {@link FactField} order
     * @throws InvalidPatientFactsException listing every problem found
     */
    static void check(Object[] values) {
        List<Problem> problems = new ArrayList<>(0);
        for (FactField field : FactField.ALL) {
            Object value = values[field.ordinal()];
            if (value != null && field.kind().isNumber()) {
                checkRange(field, ((Number) value).doubleValue(), value, problems);
            }
        }
        Integer age = validNumber(values, FactField.AGE_YEARS, Integer.class);
        Integer ageAtOnset = validNumber(values, FactField.AGE_AT_ONSET_YEARS, Integer.class);
        Double weeks = validNumber(values, FactField.SYMPTOM_DURATION_WEEKS, Double.class);
        Integer startTotal = validNumber(values, FactField.START_BACK_TOTAL, Integer.class);
        Integer startPsychosocial = validNumber(values, FactField.START_BACK_PSYCHOSOCIAL, Integer.class);
        if (age != null && ageAtOnset != null && ageAtOnset > age) {
            problems.add(new Problem("ageAtOnsetYears", ageAtOnset, "must not be more than ageYears"));
        }
        if (age != null && weeks != null && weeks > (age + 1) * 52.0) {
            problems.add(new Problem("symptomDurationWeeks", weeks, "must not be more than (ageYears + 1) x 52 weeks"));
        }
        if (startTotal != null && startPsychosocial != null && startPsychosocial > startTotal) {
            problems.add(new Problem("startBackPsychosocial", startPsychosocial, "must not be more than startBackTotal"));
        }
        if (values[FactField.WEAKNESS_PROGRESSIVE.ordinal()] == TriState.YES
                && values[FactField.MOTOR_WEAKNESS.ordinal()] == MotorWeakness.NONE) {
            problems.add(new Problem("weaknessProgressive", TriState.YES,
                    "cannot be YES when motorWeakness is NONE; give the weakness grade, or UNKNOWN if it is not known"));
        }
        if (values[FactField.CONTUSION_OR_ABRASION.ordinal()] == TriState.YES
                && values[FactField.TRAUMA.ordinal()] == Trauma.NONE) {
            problems.add(new Problem("contusionOrAbrasion", TriState.YES,
                    "cannot be YES when trauma is NONE; give the trauma as MINOR, MAJOR or UNKNOWN"));
        }
        if (values[FactField.PREGNANT.ordinal()] == TriState.YES && values[FactField.SEX.ordinal()] == Sex.MALE) {
            problems.add(new Problem("pregnant", TriState.YES,
                    "cannot be YES when sex is MALE; check both answers"));
        }
        if (values[FactField.GESTATION_WEEKS.ordinal()] != null && values[FactField.PREGNANT.ordinal()] != TriState.YES) {
            problems.add(new Problem("gestationWeeks", values[FactField.GESTATION_WEEKS.ordinal()],
                    "can only be given when pregnant is YES"));
        }
        if (!problems.isEmpty()) {
            problems.sort((a, b) -> Integer.compare(
                    FactField.byName(a.field()).ordinal(), FactField.byName(b.field()).ordinal()));
            throw new InvalidPatientFactsException(problems);
        }
    }

    private static void checkRange(FactField field, double number, Object value, List<Problem> problems) {
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            problems.add(new Problem(field.fieldName(), value, "must be a finite number"));
        } else if (number < field.min() || number > field.max()) {
            problems.add(new Problem(field.fieldName(), value, field.rangeMessage()));
        }
    }


    private static <T extends Number> T validNumber(Object[] values, FactField field, Class<T> type) {
        Object value = values[field.ordinal()];
        if (value == null) {
            return null;
        }
        double number = ((Number) value).doubleValue();
        boolean valid = !Double.isNaN(number) && number >= field.min() && number <= field.max();
        return valid ? type.cast(value) : null;
    }
}
