package org.nightpain.cds.bench;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.nightpain.cds.InvalidPatientFactsException;
import org.nightpain.cds.LegNumbness;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.TriState;
import org.nightpain.cds.FactField;

/**
 * A deterministic stream of varied, valid patients for benchmarks: the same seed always gives the same
 * patients. Each patient gets its own share of YES answers (none to many) and of unknown answers, so the
 * population runs from "nothing but the fallback finding" to a dozen findings. Not clinically realistic:
 * it exercises the rules, it does not model a clinic.
 *
 * <p>With the system property {@code nightpain.bench.population=kb-1.1} it draws the patients of knowledge
 * base 1.1.0's benchmarks instead: the same random stream over the fields 1.1.0 had, the facts 2.0 added
 * left unknown, and a 1.1.0 numbness answer (yes, no or unknown) read as one-sided, none or unknown. That
 * population compares the cost of the two rule bases on the same answers.
 */
public final class Patients {
    /** The seed of every benchmark's population. */
    public static final long SEED = 20261125L;

    private static final double[] YES_SHARE = {0.0, 0.0, 0.0, 0.01, 0.02, 0.05, 0.10, 0.25};
    private static final double[] UNKNOWN_SHARE = {0.0, 0.05, 0.20, 0.50};

    /** The facts that knowledge base 2.0 added, which the 1.1.0 population leaves unknown. */
    private static final Set<FactField> ADDED_IN_2_0 = EnumSet.of(FactField.PREGNANT,
            FactField.GESTATION_WEEKS, FactField.COLLAPSE_OR_SYNCOPE, FactField.PULSATILE_ABDOMINAL_MASS);

    private final SplittableRandom random;
    private final boolean asInKnowledgeBase11;

    public Patients(long seed) {
        this.random = new SplittableRandom(seed);
        this.asInKnowledgeBase11 = "kb-1.1".equals(System.getProperty("nightpain.bench.population"));
    }

    /** The first {@code count} patients of the given seed. */
    public static List<PatientFacts> generate(long seed, int count) {
        Patients patients = new Patients(seed);
        List<PatientFacts> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(patients.next());
        }
        return list;
    }

    /** The next patient; draws again until the facts pass validation. */
    public PatientFacts next() {
        while (true) {
            try {
                return draw();
            } catch (InvalidPatientFactsException e) {
                // An impossible combination (onset after today's age, say): draw again.
            }
        }
    }

    private PatientFacts draw() {
        double yes = YES_SHARE[random.nextInt(YES_SHARE.length)];
        double unknown = UNKNOWN_SHARE[random.nextInt(UNKNOWN_SHARE.length)];
        PatientFacts.Builder builder = PatientFacts.builder();
        for (FactField field : FactField.ALL) {
            if (asInKnowledgeBase11 && ADDED_IN_2_0.contains(field)) {
                continue;
            }
            if (asInKnowledgeBase11 && field == FactField.LEG_NUMBNESS_TINGLING) {
                TriState answer = triState(yes, unknown);
                field.write(builder, answer == TriState.YES ? LegNumbness.UNILATERAL
                        : answer == TriState.NO ? LegNumbness.NONE : LegNumbness.UNKNOWN);
                continue;
            }
            Object value = switch (field.kind()) {
                case TRI_STATE -> triState(yes, unknown);
                case ENUMERATED -> answer(field, unknown);
                case INTEGER, DECIMAL -> random.nextDouble() < unknown ? null : number(field);
            };
            if (value != null) {
                field.write(builder, value);
            }
        }
        return builder.build();
    }

    private TriState triState(double yes, double unknown) {
        double r = random.nextDouble();
        return r < unknown ? TriState.UNKNOWN : r < unknown + yes ? TriState.YES : TriState.NO;
    }

    /** An enumerated answer: UNKNOWN (where the type has it) at the unknown share, else any constant. */
    private Object answer(FactField field, double unknown) {
        Object[] constants = field.enumType().getEnumConstants();
        Object value = constants[random.nextInt(constants.length)];
        if (random.nextDouble() < unknown) {
            for (Object constant : constants) {
                if (((Enum<?>) constant).name().equals("UNKNOWN")) {
                    return constant;
                }
            }
        }
        return value;
    }

    private Object number(FactField field) {
        double value = switch (field) {
            case AGE_YEARS -> 16 + random.nextInt(75);
            case AGE_AT_ONSET_YEARS -> 14 + random.nextInt(60);
            case SYMPTOM_DURATION_WEEKS -> random.nextDouble() < 0.5 ? 1 + random.nextInt(6) : 1 + random.nextInt(150);
            case TEMPERATURE_C -> 36.0 + random.nextInt(45) / 10.0;
            case MORNING_STIFFNESS_MINUTES -> random.nextInt(120);
            default -> field.min() + random.nextDouble() * (field.max() - field.min());
        };
        // Not a conditional expression: it would unbox both branches to double.
        if (field.kind() == FactField.Kind.INTEGER) {
            return (int) Math.round(value);
        }
        return Math.round(value * 10) / 10.0;
    }
}
