package org.nightpain.cds.safety;

import static org.nightpain.cds.FactField.AGE_AT_ONSET_YEARS;
import static org.nightpain.cds.FactField.NIGHT_PAIN_UNRELIEVED_BY_POSITION_CHANGE;
import static org.nightpain.cds.FactField.WAKES_FROM_SLEEP;
import static org.nightpain.cds.FactField.PAIN_PREVENTS_SLEEP;
import static org.nightpain.cds.FactField.SEX;
import static org.nightpain.cds.FactField.PREGNANT;
import static org.nightpain.cds.FactField.LEG_NUMBNESS_TINGLING;
import static org.nightpain.cds.FactField.GESTATION_WEEKS;
import static org.nightpain.cds.FactField.ALTERNATING_BUTTOCK_PAIN;
import static org.nightpain.cds.FactField.ARTHRITIS_HISTORY;
import static org.nightpain.cds.FactField.BUTTOCK_PAIN;
import static org.nightpain.cds.FactField.ENTHESITIS_HISTORY;
import static org.nightpain.cds.FactField.FAMILY_HISTORY_SP_A;
import static org.nightpain.cds.FactField.IMPROVES_WITH_EXERCISE;
import static org.nightpain.cds.FactField.NECK_PAIN_ON_WAKING;
import static org.nightpain.cds.FactField.NIGHT_PAIN;
import static org.nightpain.cds.FactField.NIGHT_PAIN_IMPROVES_ON_GETTING_UP;
import static org.nightpain.cds.FactField.PAIN_LYING_IN_BED_OR_ON_RISING;
import static org.nightpain.cds.FactField.PILLOW_BETWEEN_KNEES;
import static org.nightpain.cds.FactField.PILLOW_UNDER_KNEES;
import static org.nightpain.cds.FactField.PILLOW_UNDER_PELVIS;
import static org.nightpain.cds.FactField.REST_RELIEVES_PAIN;
import static org.nightpain.cds.FactField.TRIGGER_OVERUSE_OR_LIFTING;
import static org.nightpain.cds.FactField.WAKES_SECOND_HALF_OF_NIGHT;
import static org.nightpain.cds.FactField.AGE_YEARS;
import static org.nightpain.cds.FactField.CONTUSION_OR_ABRASION;
import static org.nightpain.cds.FactField.MORNING_STIFFNESS_MINUTES;
import static org.nightpain.cds.FactField.MOTOR_WEAKNESS;
import static org.nightpain.cds.FactField.PAIN_SEVERITY_NRS;
import static org.nightpain.cds.FactField.RADICULAR_LEG_PAIN;
import static org.nightpain.cds.FactField.START_BACK_PSYCHOSOCIAL;
import static org.nightpain.cds.FactField.START_BACK_TOTAL;
import static org.nightpain.cds.FactField.SYMPTOM_DURATION_WEEKS;
import static org.nightpain.cds.FactField.TEMPERATURE_C;
import static org.nightpain.cds.FactField.TRAUMA;
import static org.nightpain.cds.FactField.WEAKNESS_PROGRESSIVE;
import static org.nightpain.cds.FactField.WEIGHT_LOSS_KG;
import static org.nightpain.cds.FactField.WEIGHT_LOSS_PERCENT;
import static org.nightpain.cds.FactField.WEIGHT_LOSS_PERIOD_MONTHS;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.LegNumbness;
import org.nightpain.cds.MotorWeakness;
import org.nightpain.cds.OnsetType;
import org.nightpain.cds.Progression;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.RadicularLegPain;
import org.nightpain.cds.Trauma;
import org.nightpain.cds.Sex;
import org.nightpain.cds.TriState;
import org.nightpain.cds.FactField;

/**
 * A jqwik generator of valid patients that reaches every field of the fact model and every value,
 * UNKNOWN and absent numbers included, with extra weight on both sides of every threshold of
 * clinical-knowledge §3.10.
 *
 * <p>Each patient first draws a profile: how often a red-flag answer is YES and how often any answer
 * is UNKNOWN (from never to a third of the time). Without profiles almost every patient would carry
 * several red flags and the benign end of the rule base (self-care, sleep advice) would hardly be
 * reached. The same profile shapes the three red-flag enums, whose benign value is NONE, and every
 * yes/no answer that can lead to a finding above self-care. The answers that cannot (sleep, triggers,
 * the single inflammatory items) are YES a quarter of the time they are known.
 *
 * <p>A third of the patients are instead the §5 baseline with up to four answers changed (see
 * {@link #nearBaseline()}), half of them woken by the pain at night ({@link #nearBaselineAtNight()}).
 *
 * <p>Values are drawn field by field and then made consistent with the validation rules of §4.2 and
 * §8.4 and §9.1 (age at onset at most the age, duration at most (age + 1) x 52 weeks, psychosocial score
 * at most the STarT total, progressive weakness only with a weakness that is not NONE, bruising only after
 * trauma, pregnancy not with sex MALE, weeks of pregnancy only in a pregnancy), so that every generated
 * patient is valid.
 */
public final class Patients {
    /** Chances, in percent, that a red-flag answer is YES; a profile draws one. */
    private static final List<Integer> YES_RATES = List.of(0, 1, 3, 10, 33);
    /** Chances, in percent, that an answer is UNKNOWN or a number absent; a profile draws one. */
    private static final List<Integer> UNKNOWN_RATES = List.of(0, 3, 10, 33);

    /** The four enums whose value NONE means "no red flag"; the others have UNKNOWN and a benign value. */
    private static final Map<FactField, List<Object>> RED_FLAG_ENUMS = Map.of(
            RADICULAR_LEG_PAIN, List.of(RadicularLegPain.UNILATERAL, RadicularLegPain.BILATERAL),
            LEG_NUMBNESS_TINGLING, List.of(LegNumbness.UNILATERAL, LegNumbness.BILATERAL),
            MOTOR_WEAKNESS, List.of(MotorWeakness.MILD_SINGLE_ROOT, MotorWeakness.MAJOR_SINGLE_ROOT,
                    MotorWeakness.MULTI_LEVEL_OR_BILATERAL),
            TRAUMA, List.of(Trauma.MINOR, Trauma.MAJOR));

    /** Yes/no answers that on their own lead to no finding above self-care. */
    private static final Set<FactField> BENIGN_ANSWERS = EnumSet.of(TRIGGER_OVERUSE_OR_LIFTING, NIGHT_PAIN,
            WAKES_SECOND_HALF_OF_NIGHT, NIGHT_PAIN_IMPROVES_ON_GETTING_UP, IMPROVES_WITH_EXERCISE,
            REST_RELIEVES_PAIN, BUTTOCK_PAIN, ALTERNATING_BUTTOCK_PAIN, FAMILY_HISTORY_SP_A, ARTHRITIS_HISTORY,
            ENTHESITIS_HISTORY, PILLOW_UNDER_KNEES, PILLOW_BETWEEN_KNEES, PILLOW_UNDER_PELVIS,
            PAIN_LYING_IN_BED_OR_ON_RISING, NECK_PAIN_ON_WAKING);

    private Patients() {
    }

    /** Valid patients over the whole fact model: two in three drawn by profile, one in three near the baseline. */
    public static Arbitrary<PatientFacts> valid() {
        // The edge cases of 74 combined fields would be corners such as "every number at its minimum";
        // the boundaries that matter clinically are drawn on purpose instead (see number()).
        Arbitrary<PatientFacts> byProfile = Combinators.combine(Arbitraries.of(YES_RATES), Arbitraries.of(UNKNOWN_RATES))
                .flatAs(Patients::withProfile);
        return Arbitraries.frequencyOf(Tuple.of(4, byProfile), Tuple.of(1, nearBaseline()),
                Tuple.of(1, nearBaselineAtNight())).withoutEdgeCases();
    }

    /** The §5 baseline patient, read once. */
    private static final class Baseline {
        static final PatientFacts FACTS = Fixtures.baseline().build();
    }

    /** One field set to one value (null: UNKNOWN or absent). */
    private record Change(FactField field, Object value) {
    }

    /**
     * The §5 baseline patient (every red-flag question answered NO) with up to four answers changed:
     * sparse patients, in whom a single answer decides the result. Random patients over 74 fields
     * rarely leave all but one or two features out.
     */
    static Arbitrary<PatientFacts> nearBaseline() {
        Arbitrary<Change> change = Arbitraries.of(FactField.ALL)
                .flatMap(field -> valueOf(field, 33, 20).map(value -> new Change(field, value)));
        return change.list().ofMaxSize(4).map(changes -> {
            Map<FactField, Object> facts = valuesOf(Baseline.FACTS);
            for (Change c : changes) {
                if (c.value() == null) {
                    facts.remove(c.field());
                } else {
                    facts.put(c.field(), c.value());
                }
            }
            return build(makeValid(facts));
        });
    }

    /**
     * The §5 baseline patient woken by the pain at night, whether or not changing position relieves it,
     * with up to three more answers changed: the night-pain presentations the library is for, which
     * random profiles rarely leave free of other findings.
     */
    static Arbitrary<PatientFacts> nearBaselineAtNight() {
        return Combinators.combine(Arbitraries.of(TriState.values()), nearBaseline()).as((unrelieved, patient) -> {
            Map<FactField, Object> facts = valuesOf(patient);
            facts.put(NIGHT_PAIN, TriState.YES);
            facts.put(WAKES_FROM_SLEEP, TriState.YES);
            facts.put(NIGHT_PAIN_UNRELIEVED_BY_POSITION_CHANGE, unrelieved);
            return build(makeValid(facts));
        });
    }

    /** Valid patients whose yes/no answers are YES about {@code yesRate} percent of the time. */
    static Arbitrary<PatientFacts> withProfile(int yesRate, int unknownRate) {
        List<Arbitrary<Object>> fields = new ArrayList<>(FactField.ALL.size());
        for (FactField field : FactField.ALL) {
            fields.add(valueOf(field, yesRate, unknownRate));
        }
        return Combinators.combine(fields).as(Patients::build);
    }

    /** The values of one field; a number is absent as often as an answer is UNKNOWN. */
    static Arbitrary<Object> valueOf(FactField field, int yesRate, int unknownRate) {
        return switch (field.kind()) {
            case TRI_STATE -> {
                int yes = BENIGN_ANSWERS.contains(field) ? (100 - unknownRate) / 4 : yesRate;
                yield Arbitraries.frequency(
                        Tuple.of(100 - yes - unknownRate, TriState.NO),
                        Tuple.of(yes, TriState.YES),
                        Tuple.of(unknownRate, TriState.UNKNOWN));
            }
            case ENUMERATED -> enumValue(field, yesRate, unknownRate);
            case INTEGER, DECIMAL -> Arbitraries.frequencyOf(
                    Tuple.of(100 - unknownRate, number(field)),
                    Tuple.of(unknownRate, Arbitraries.just(null)));
        };
    }

    private static Arbitrary<Object> enumValue(FactField field, int yesRate, int unknownRate) {
        List<Object> flags = RED_FLAG_ENUMS.get(field);
        if (flags == null) {
            // Not a red-flag enum: every value, UNKNOWN included, equally often.
            return Arbitraries.of(List.of(field.enumType().getEnumConstants()));
        }
        Object none = Enum.valueOf(enumClass(field), "NONE");
        Object unknown = Enum.valueOf(enumClass(field), "UNKNOWN");
        return Arbitraries.frequencyOf(
                Tuple.of(100 - yesRate - unknownRate, Arbitraries.just(none)),
                // A red-flag enum answer is never rarer than 1 in 100, so every value is reached.
                Tuple.of(Math.max(yesRate, 1), Arbitraries.of(flags)),
                Tuple.of(unknownRate, Arbitraries.just(unknown)));
    }

    /**
     * The values worth trying on both sides of each threshold of §3.10 (and the ends of each range), by
     * number field.
     */
    private static final Map<FactField, List<Object>> BOUNDARIES = Map.ofEntries(
            Map.entry(AGE_YEARS, List.of(0, 4, 5, 15, 16, 35, 39, 40, 44, 45, 49, 50, 59, 60, 64, 65, 70, 71, 120)),
            Map.entry(GESTATION_WEEKS, List.of(0, 19, 20, 27, 28, 45)),
            Map.entry(AGE_AT_ONSET_YEARS, List.of(0, 15, 16, 34, 35, 39, 40, 44, 45)),
            Map.entry(PAIN_SEVERITY_NRS, List.of(0, 7, 8, 10)),
            Map.entry(MORNING_STIFFNESS_MINUTES, List.of(0, 1, 30, 31, 1440)),
            Map.entry(START_BACK_TOTAL, List.of(0, 3, 4, 9)),
            Map.entry(START_BACK_PSYCHOSOCIAL, List.of(0, 3, 4, 5)),
            Map.entry(SYMPTOM_DURATION_WEEKS, List.of(0.0, 0.1, 3.9, 4.0, 5.9, 6.0, 12.0, 12.1, 12.9, 13.0, 52.0, 1040.0)),
            Map.entry(TEMPERATURE_C, List.of(30.0, 36.6, 37.9, 37.99, 38.0, 38.3, 45.0)),
            Map.entry(WEIGHT_LOSS_KG, List.of(0.0, 4.4, 4.49, 4.5, 100.0)),
            Map.entry(WEIGHT_LOSS_PERCENT, List.of(0.0, 4.9, 4.99, 5.0, 60.0)),
            Map.entry(WEIGHT_LOSS_PERIOD_MONTHS, List.of(0.0, 12.0, 12.1, 60.0)));

    /** The boundary values of a number field (see {@link #BOUNDARIES}). */
    static List<Object> boundaries(FactField field) {
        return BOUNDARIES.get(field);
    }

    /**
     * The values of a number field when it is given: boundary values (two parts in six), the whole
     * valid range (one part) and a typical range (three parts).
     */
    static Arbitrary<Object> number(FactField field) {
        return switch (field) {
            case AGE_YEARS -> integers(field, 18, 90);
            case AGE_AT_ONSET_YEARS -> integers(field, 15, 60);
            case PAIN_SEVERITY_NRS -> integers(field, 0, 10);
            case GESTATION_WEEKS -> integers(field, 8, 40);
            case MORNING_STIFFNESS_MINUTES -> integers(field, 0, 120);
            case START_BACK_TOTAL -> integers(field, 0, 3);
            case START_BACK_PSYCHOSOCIAL -> integers(field, 0, 5);
            case SYMPTOM_DURATION_WEEKS -> decimals(field, 0.0, 20.0);
            // Typical temperatures are afebrile, so that fever does not crowd out the benign results.
            case TEMPERATURE_C -> decimals(field, 35.5, 37.8);
            case WEIGHT_LOSS_KG, WEIGHT_LOSS_PERCENT -> decimals(field, 0.0, 10.0);
            case WEIGHT_LOSS_PERIOD_MONTHS -> decimals(field, 0.0, 24.0);
            default -> throw new IllegalArgumentException("not a number field: " + field);
        };
    }

    private static Arbitrary<Object> integers(FactField field, int typicalMin, int typicalMax) {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(BOUNDARIES.get(field))),
                Tuple.of(1, Arbitraries.integers().between((int) field.min(), (int) field.max())),
                Tuple.of(3, Arbitraries.integers().between(typicalMin, typicalMax)));
    }

    private static Arbitrary<Object> decimals(FactField field, double typicalMin, double typicalMax) {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(BOUNDARIES.get(field))),
                Tuple.of(1, Arbitraries.doubles().between(field.min(), field.max()).ofScale(2)),
                Tuple.of(3, Arbitraries.doubles().between(typicalMin, typicalMax).ofScale(1)));
    }

    /** Builds valid facts from one value per field (in {@link FactField} order), mending impossible combinations. */
    static PatientFacts build(List<Object> values) {
        Map<FactField, Object> facts = new EnumMap<>(FactField.class);
        for (FactField field : FactField.ALL) {
            Object value = values.get(field.ordinal());
            if (value != null) {
                facts.put(field, value);
            }
        }
        return build(makeValid(facts));
    }

    /** Writes the values into a builder through {@link FactField}; absent fields stay UNKNOWN or null. */
    static PatientFacts build(Map<FactField, Object> facts) {
        PatientFacts.Builder builder = PatientFacts.builder();
        facts.forEach((field, value) -> field.write(builder, value));
        return builder.build();
    }

    /**
     * Mends the combinations that §4.2 and §8.4 forbid, changing the dependent field only: the age at
     * onset and the duration are folded into the age, the psychosocial score into the total, progressive
     * weakness and bruising without their prerequisite become NO, a pregnant MALE becomes FEMALE, and weeks
     * of pregnancy are dropped outside a pregnancy.
     */
    static Map<FactField, Object> makeValid(Map<FactField, Object> facts) {
        Integer age = (Integer) facts.get(AGE_YEARS);
        if (age != null) {
            Integer onset = (Integer) facts.get(AGE_AT_ONSET_YEARS);
            if (onset != null && onset > age) {
                facts.put(AGE_AT_ONSET_YEARS, onset % (age + 1));
            }
            Double weeks = (Double) facts.get(SYMPTOM_DURATION_WEEKS);
            double maxWeeks = (age + 1) * 52.0;
            if (weeks != null && weeks > maxWeeks) {
                facts.put(SYMPTOM_DURATION_WEEKS, Math.round(weeks % maxWeeks * 10) / 10.0);
            }
        }
        Integer total = (Integer) facts.get(START_BACK_TOTAL);
        Integer psychosocial = (Integer) facts.get(START_BACK_PSYCHOSOCIAL);
        if (total != null && psychosocial != null && psychosocial > total) {
            facts.put(START_BACK_PSYCHOSOCIAL, psychosocial % (total + 1));
        }
        if (facts.get(WEAKNESS_PROGRESSIVE) == TriState.YES && facts.get(MOTOR_WEAKNESS) == MotorWeakness.NONE) {
            facts.put(WEAKNESS_PROGRESSIVE, TriState.NO);
        }
        if (facts.get(CONTUSION_OR_ABRASION) == TriState.YES && facts.get(TRAUMA) == Trauma.NONE) {
            facts.put(CONTUSION_OR_ABRASION, TriState.NO);
        }
        if (facts.get(PREGNANT) == TriState.YES && facts.get(SEX) == Sex.MALE) {
            facts.put(SEX, Sex.FEMALE);
        }
        if (facts.get(PREGNANT) != TriState.YES) {
            facts.remove(GESTATION_WEEKS);
        }
        return facts;
    }

    /**
     * Valid patients from {@link #valid()} with some answers forced: each draw of {@code changes} is laid
     * over a drawn patient (a null value makes a number absent and an answer UNKNOWN), and the result is
     * mended as {@link #makeValid} does, which never touches a forced answer that is valid on its own.
     */
    static Arbitrary<PatientFacts> validWith(Arbitrary<Map<FactField, Object>> changes) {
        return Combinators.combine(valid(), changes).as((patient, forced) -> build(makeValid(changed(patient, forced))));
    }

    /**
     * Pregnant patients (clinical-knowledge §9.1): {@code pregnant} YES, the weeks of pregnancy not given
     * one time in four, otherwise drawn with weight on both sides of 20 and 28 weeks.
     */
    static Arbitrary<PatientFacts> pregnant() {
        Arbitrary<Object> weeks = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(null)),
                Tuple.of(3, number(GESTATION_WEEKS)));
        Arbitrary<Map<FactField, Object>> presentation = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(ADVISING_AN_NSAID)),
                Tuple.of(1, Arbitraries.just(Map.of())));
        return validWith(Combinators.combine(weeks, presentation).as((w, answers) -> {
            Map<FactField, Object> changes = new EnumMap<>(FactField.class);
            changes.putAll(answers);
            changes.put(PREGNANT, TriState.YES);
            changes.put(GESTATION_WEEKS, w);
            return changes;
        }));
    }

    /**
     * Presentations whose findings advise an NSAID outside pregnancy: sciatica (RTN-06), persistent pain
     * (RTN-08), the degenerative pattern (RTN-10) and inflammatory back pain (RTN-02). Random patients seldom
     * hold the last two free of other findings.
     */
    private static final List<Map<FactField, Object>> ADVISING_AN_NSAID = List.of(
            Map.of(RADICULAR_LEG_PAIN, RadicularLegPain.UNILATERAL),
            Map.of(SYMPTOM_DURATION_WEEKS, 10.0, FactField.PROGRESSION, Progression.STABLE),
            Map.of(AGE_YEARS, 42, SYMPTOM_DURATION_WEEKS, 8.0, MORNING_STIFFNESS_MINUTES, 20,
                    IMPROVES_WITH_EXERCISE, TriState.YES, FactField.PROGRESSION, Progression.STABLE),
            Map.of(AGE_YEARS, 30, SYMPTOM_DURATION_WEEKS, 30.0, FactField.ONSET_TYPE, OnsetType.GRADUAL_INSIDIOUS,
                    IMPROVES_WITH_EXERCISE, TriState.YES, REST_RELIEVES_PAIN, TriState.NO));

    /**
     * Children (clinical-knowledge §9.3): ages 0 to 15, with weight on 4, 5 and 15, and one time in two one
     * of the paediatric red flags (night pain, waking, pain that stops sleep, four weeks of pain or more)
     * made present, so that both outcomes of the children rule are common.
     */
    static Arbitrary<PatientFacts> children() {
        Arbitrary<Integer> age = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(0, 4, 5, 15)),
                Tuple.of(3, Arbitraries.integers().between(0, 15)));
        Arbitrary<Change> redFlag = Arbitraries.of(new Change(NIGHT_PAIN, TriState.YES),
                new Change(WAKES_FROM_SLEEP, TriState.YES), new Change(PAIN_PREVENTS_SLEEP, TriState.YES),
                new Change(SYMPTOM_DURATION_WEEKS, 4.0), new Change(SYMPTOM_DURATION_WEEKS, 9.5));
        return validWith(Combinators.combine(age, redFlag, Arbitraries.of(true, false)).as((years, flag, add) -> {
            Map<FactField, Object> changes = new EnumMap<>(FactField.class);
            changes.put(AGE_YEARS, years);
            if (add) {
                changes.put(flag.field(), flag.value());
            }
            return changes;
        }));
    }

    /** Every field's value in these facts, absent ones left out. */
    static Map<FactField, Object> valuesOf(PatientFacts facts) {
        Map<FactField, Object> values = new EnumMap<>(FactField.class);
        for (FactField field : FactField.ALL) {
            Object value = field.read(facts);
            if (value != null) {
                values.put(field, value);
            }
        }
        return values;
    }

    /** The answers that are known, by field name, for test reports (the facts' own text withholds them). */
    static Map<String, Object> describe(PatientFacts facts) {
        Map<String, Object> known = new LinkedHashMap<>();
        for (FactField field : FactField.ALL) {
            if (!field.isUnknown(facts)) {
                known.put(field.fieldName(), field.read(facts));
            }
        }
        return known;
    }

    /** These facts with some fields replaced (a null value makes a number absent and an answer UNKNOWN). */
    static PatientFacts with(PatientFacts facts, Map<FactField, Object> changes) {
        return build(changed(facts, changes));
    }

    /** The values of these facts with some fields replaced (a null value leaves the field out). */
    private static Map<FactField, Object> changed(PatientFacts facts, Map<FactField, Object> changes) {
        Map<FactField, Object> values = valuesOf(facts);
        changes.forEach((field, value) -> {
            if (value == null) {
                values.remove(field);
            } else {
                values.put(field, value);
            }
        });
        return values;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<Enum> enumClass(FactField field) {
        return (Class<Enum>) (Class) field.enumType();
    }
}
