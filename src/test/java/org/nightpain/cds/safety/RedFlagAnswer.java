package org.nightpain.cds.safety;

import static org.nightpain.cds.FactField.CONTUSION_OR_ABRASION;
import static org.nightpain.cds.FactField.FEVER_OR_RIGORS_REPORTED;
import static org.nightpain.cds.FactField.LEG_NUMBNESS_TINGLING;
import static org.nightpain.cds.FactField.MOTOR_WEAKNESS;
import static org.nightpain.cds.FactField.RADICULAR_LEG_PAIN;
import static org.nightpain.cds.FactField.TEMPERATURE_C;
import static org.nightpain.cds.FactField.TRAUMA;
import static org.nightpain.cds.FactField.WEAKNESS_PROGRESSIVE;
import static org.nightpain.cds.FactField.WEIGHT_LOSS_KG;
import static org.nightpain.cds.FactField.WEIGHT_LOSS_PERCENT;
import static org.nightpain.cds.FactField.WEIGHT_LOSS_PERIOD_MONTHS;
import static org.nightpain.cds.FactField.WEIGHT_LOSS_UNEXPLAINED;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.nightpain.cds.LegNumbness;
import org.nightpain.cds.MotorWeakness;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.RadicularLegPain;
import org.nightpain.cds.Trauma;
import org.nightpain.cds.TriState;
import org.nightpain.cds.FactField;

/**
 * One answer that is a red flag in itself (clinical-knowledge §8.3.7), as a change from a value that
 * is not: the pair of patients that §6.1 compares. {@code prerequisite} first brings the other facts to
 * a state in which the red-flag answer is valid and means what it says (progressive weakness needs a
 * weakness that is not NONE; bruising needs trauma; weight loss must be significant, §8.1.5); both
 * patients of the pair share it.
 *
 * @param name         what changes, for reports
 * @param field        the field that changes
 * @param before       values it may have before (null: absent or UNKNOWN)
 * @param after        red-flag values it may take
 * @param prerequisite adjusts the other facts of both patients
 */
record RedFlagAnswer(String name, FactField field, List<Object> before, List<Object> after,
                     Consumer<Map<FactField, Object>> prerequisite) {

    /** A patient without the red-flag answer, and the same patient with it. */
    record Pair(String change, PatientFacts before, PatientFacts after) {
        @Override
        public String toString() {
            return change + "\n  before: " + Patients.describe(before) + "\n  after:  " + Patients.describe(after);
        }
    }

    private static final Consumer<Map<FactField, Object>> NOTHING = facts -> { };

    /** Every red-flag answer of §8.3.7, each from NO (NONE) and from UNKNOWN, and the escalations of the enums. */
    static List<RedFlagAnswer> all() {
        List<RedFlagAnswer> answers = new ArrayList<>();
        for (FactField field : ClinicalTerms.RED_FLAG_ANSWERS) {
            if (field != WEIGHT_LOSS_UNEXPLAINED) {
                answers.add(new RedFlagAnswer(field.fieldName() + " YES", field, values(TriState.NO, TriState.UNKNOWN),
                        values(TriState.YES), prerequisiteOf(field)));
            }
        }
        answers.add(new RedFlagAnswer("significant unexplained weight loss", WEIGHT_LOSS_UNEXPLAINED,
                values(TriState.NO, TriState.UNKNOWN), values(TriState.YES), RedFlagAnswer::makeWeightLossSignificant));
        answers.add(new RedFlagAnswer("weightLossKg reaches 4.5", WEIGHT_LOSS_KG, values(0.0, 2.5, 4.4, 4.49),
                values(4.5, 7.0), facts -> unexplainedLossWithout(facts, WEIGHT_LOSS_PERCENT, 5.0)));
        answers.add(new RedFlagAnswer("weightLossPercent reaches 5.0", WEIGHT_LOSS_PERCENT, values(0.0, 3.0, 4.9, 4.99),
                values(5.0, 9.5), facts -> unexplainedLossWithout(facts, WEIGHT_LOSS_KG, 4.5)));
        answers.add(new RedFlagAnswer("weight lost within 12 months", WEIGHT_LOSS_PERIOD_MONTHS, values(12.1, 24.0, 60.0),
                values(12.0, 3.0), facts -> {
                    facts.put(WEIGHT_LOSS_UNEXPLAINED, TriState.YES);
                    makeWeightLossSignificant(facts);
                }));
        answers.add(new RedFlagAnswer("temperatureC at or above 38.0", TEMPERATURE_C, values(null, 30.0, 36.5, 37.9, 37.99),
                values(38.0, 38.3, 40.5), NOTHING));
        answers.add(new RedFlagAnswer("radicularLegPain", RADICULAR_LEG_PAIN,
                values(RadicularLegPain.NONE, RadicularLegPain.UNKNOWN),
                values(RadicularLegPain.UNILATERAL, RadicularLegPain.BILATERAL), NOTHING));
        answers.add(new RedFlagAnswer("radicularLegPain becomes bilateral", RADICULAR_LEG_PAIN,
                values(RadicularLegPain.UNILATERAL), values(RadicularLegPain.BILATERAL), NOTHING));
        answers.add(new RedFlagAnswer("legNumbnessTingling", LEG_NUMBNESS_TINGLING,
                values(LegNumbness.NONE, LegNumbness.UNKNOWN),
                values(LegNumbness.UNILATERAL, LegNumbness.BILATERAL), NOTHING));
        answers.add(new RedFlagAnswer("legNumbnessTingling becomes bilateral", LEG_NUMBNESS_TINGLING,
                values(LegNumbness.UNILATERAL), values(LegNumbness.BILATERAL), NOTHING));
        answers.add(new RedFlagAnswer("motorWeakness graded", MOTOR_WEAKNESS,
                values(MotorWeakness.NONE, MotorWeakness.UNKNOWN),
                values(MotorWeakness.MILD_SINGLE_ROOT, MotorWeakness.MAJOR_SINGLE_ROOT,
                        MotorWeakness.MULTI_LEVEL_OR_BILATERAL), NOTHING));
        answers.add(new RedFlagAnswer("motorWeakness worse than mild", MOTOR_WEAKNESS,
                values(MotorWeakness.MILD_SINGLE_ROOT),
                values(MotorWeakness.MAJOR_SINGLE_ROOT, MotorWeakness.MULTI_LEVEL_OR_BILATERAL), NOTHING));
        answers.add(new RedFlagAnswer("motorWeakness at several levels", MOTOR_WEAKNESS,
                values(MotorWeakness.MAJOR_SINGLE_ROOT), values(MotorWeakness.MULTI_LEVEL_OR_BILATERAL), NOTHING));
        answers.add(new RedFlagAnswer("trauma MAJOR", TRAUMA, values(Trauma.NONE, Trauma.MINOR, Trauma.UNKNOWN),
                values(Trauma.MAJOR), NOTHING));
        return List.copyOf(answers);
    }

    /**
     * The red-flag answers that knowledge base 2.0 added to §6.1 (§9.6): numbness or tingling in one leg or
     * both (from NONE or UNKNOWN, and from one leg to both), a collapse, a pulsatile abdominal mass, and each
     * serious-pathology feature, a raised CRP included (§9.7.5).
     */
    static List<RedFlagAnswer> ofKnowledgeBase2() {
        java.util.Set<FactField> fields = new java.util.HashSet<>(ClinicalTerms.SERIOUS_PATHOLOGY_FEATURES);
        fields.addAll(List.of(LEG_NUMBNESS_TINGLING, FactField.COLLAPSE_OR_SYNCOPE, FactField.PULSATILE_ABDOMINAL_MASS));
        return all().stream().filter(answer -> fields.contains(answer.field())).toList();
    }

    /**
     * Each of the seven cauda equina questions answered YES where it was unknown, in a patient with leg
     * neurology (nerve-root pain in one leg is added when the patient has none), so that before the answer
     * DQ-04 may hold the result at URGENT (§9.6: made YES it may not lower the urgency).
     */
    static List<RedFlagAnswer> cesFromUnknownWithLegNeurology() {
        List<RedFlagAnswer> answers = new ArrayList<>();
        for (FactField field : ClinicalTerms.CES_FIELDS) {
            answers.add(new RedFlagAnswer(field.fieldName() + " YES, was unknown, with leg neurology", field,
                    values(TriState.UNKNOWN), values(TriState.YES), facts -> {
                        if (!ClinicalTerms.hasLegNeurology(Patients.build(facts))) {
                            facts.put(RADICULAR_LEG_PAIN, RadicularLegPain.UNILATERAL);
                        }
                    }));
        }
        return List.copyOf(answers);
    }

    /** The core questions of DQ-01 answered from UNKNOWN with a red-flag answer (the second half of §6.1). */
    static List<RedFlagAnswer> coreFromUnknown() {
        List<RedFlagAnswer> answers = new ArrayList<>();
        for (FactField field : ClinicalTerms.CORE_FIELDS) {
            switch (field) {
                case AGE_YEARS, SYMPTOM_DURATION_WEEKS -> {
                    // numbers: no answer to them is a red flag in itself
                }
                case FEVER_OR_RIGORS_REPORTED -> answers.add(new RedFlagAnswer("fever reported, was unknown", field,
                        values(TriState.UNKNOWN), values(TriState.YES), facts -> facts.remove(TEMPERATURE_C)));
                case WEIGHT_LOSS_UNEXPLAINED -> answers.add(new RedFlagAnswer("significant weight loss, was unknown",
                        field, values(TriState.UNKNOWN), values(TriState.YES), RedFlagAnswer::makeWeightLossSignificant));
                case RADICULAR_LEG_PAIN -> answers.add(new RedFlagAnswer("radicularLegPain, was unknown", field,
                        values(RadicularLegPain.UNKNOWN),
                        values(RadicularLegPain.UNILATERAL, RadicularLegPain.BILATERAL), NOTHING));
                case LEG_NUMBNESS_TINGLING -> answers.add(new RedFlagAnswer("legNumbnessTingling, was unknown", field,
                        values(LegNumbness.UNKNOWN), values(LegNumbness.UNILATERAL, LegNumbness.BILATERAL), NOTHING));
                case MOTOR_WEAKNESS -> answers.add(new RedFlagAnswer("motorWeakness, was unknown", field,
                        values(MotorWeakness.UNKNOWN), values(MotorWeakness.MILD_SINGLE_ROOT,
                        MotorWeakness.MAJOR_SINGLE_ROOT, MotorWeakness.MULTI_LEVEL_OR_BILATERAL), NOTHING));
                case TRAUMA -> answers.add(new RedFlagAnswer("trauma MAJOR, was unknown", field,
                        values(Trauma.UNKNOWN), values(Trauma.MAJOR), NOTHING));
                default -> answers.add(new RedFlagAnswer(field.fieldName() + " YES, was unknown", field,
                        values(TriState.UNKNOWN), values(TriState.YES), NOTHING));
            }
        }
        answers.add(new RedFlagAnswer("temperatureC at or above 38.0, fever was unknown", TEMPERATURE_C,
                values((Object) null), values(38.0, 39.2), facts -> facts.put(FEVER_OR_RIGORS_REPORTED, TriState.UNKNOWN)));
        return List.copyOf(answers);
    }

    /** Pairs of valid patients, one answer apart. */
    static Arbitrary<Pair> pairs(List<RedFlagAnswer> answers) {
        return Combinators.combine(Arbitraries.of(answers), Patients.valid(),
                        Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 99))
                .as((answer, patient, i, j) -> answer.pair(patient, i, j));
    }

    Pair pair(PatientFacts patient, int beforeIndex, int afterIndex) {
        Map<FactField, Object> facts = Patients.valuesOf(patient);
        prerequisite.accept(facts);
        put(facts, field, before.get(beforeIndex % before.size()));
        PatientFacts withoutFlag = Patients.build(Patients.makeValid(facts));
        Object flag = after.get(afterIndex % after.size());
        put(facts, field, flag);
        // No mending here: the red-flag answer must be valid as the prerequisite left the other facts.
        PatientFacts withFlag = Patients.build(facts);
        return new Pair(name + " (" + field.fieldName() + " " + field.read(withoutFlag) + " -> " + flag + ")",
                withoutFlag, withFlag);
    }

    private static Consumer<Map<FactField, Object>> prerequisiteOf(FactField field) {
        if (field == WEAKNESS_PROGRESSIVE) {
            // §8.1.3: progressive weakness with an unknown grade is still a red flag.
            return facts -> facts.replace(MOTOR_WEAKNESS, MotorWeakness.NONE, MotorWeakness.UNKNOWN);
        }
        if (field == CONTUSION_OR_ABRASION) {
            return facts -> facts.replace(TRAUMA, Trauma.NONE, Trauma.MINOR);
        }
        return NOTHING;
    }

    /** §8.1.5: significant when no amount is given or one meets its threshold, lost within 12 months or at an unknown time. */
    private static void makeWeightLossSignificant(Map<FactField, Object> facts) {
        Double kg = (Double) facts.get(WEIGHT_LOSS_KG);
        Double percent = (Double) facts.get(WEIGHT_LOSS_PERCENT);
        boolean amountGiven = kg != null || percent != null;
        boolean amountMeets = kg != null && kg >= 4.5 || percent != null && percent >= 5.0;
        if (amountGiven && !amountMeets) {
            facts.put(WEIGHT_LOSS_KG, 4.5);
        }
        Double months = (Double) facts.get(WEIGHT_LOSS_PERIOD_MONTHS);
        if (months != null && months > 12.0) {
            facts.put(WEIGHT_LOSS_PERIOD_MONTHS, 12.0);
        }
    }

    /** Unexplained weight loss whose other amount, if given, stays below its threshold, lost within 12 months. */
    private static void unexplainedLossWithout(Map<FactField, Object> facts, FactField otherAmount, double threshold) {
        facts.put(WEIGHT_LOSS_UNEXPLAINED, TriState.YES);
        Double other = (Double) facts.get(otherAmount);
        if (other != null && other >= threshold) {
            facts.remove(otherAmount);
        }
        Double months = (Double) facts.get(WEIGHT_LOSS_PERIOD_MONTHS);
        if (months != null && months > 12.0) {
            facts.put(WEIGHT_LOSS_PERIOD_MONTHS, 12.0);
        }
    }

    private static void put(Map<FactField, Object> facts, FactField field, Object value) {
        if (value == null) {
            facts.remove(field);
        } else {
            facts.put(field, value);
        }
    }

    private static List<Object> values(Object... values) {
        return Arrays.asList(values);
    }
}
