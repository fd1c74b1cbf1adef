package org.nightpain.cds.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.nightpain.cds.FactField;
import org.nightpain.cds.PatientFacts;

/**
 * When a question makes sense at all: the fact register's {@code askWhen} of a fact, read once here for
 * the questions to ask and for the Questionnaire's {@code enableWhen}. Conditions are separated by ";" and
 * must all hold; each is {@code field=VALUE,VALUE} for an answer or {@code field=MIN-MAX} for a number,
 * with {@code UNKNOWN} among the values when an unknown answer (or a number not given) also satisfies it.
 *
 * <p>Public only because the CDS Hooks service writes these conditions into its Questionnaire; not part
 * of the API.
 */
public final class AskWhen {

    /**
     * One condition: the field, the answers it asks for (without UNKNOWN) or the number range, and whether
     * an unknown answer satisfies it too.
     *
     * @param field     the fact the condition reads
     * @param values    the answers that satisfy it, for a field of answers; empty for a number
     * @param min       the lowest number that satisfies it, for a number; NaN for answers
     * @param max       the highest number that satisfies it, for a number; NaN for answers
     * @param orUnknown whether an unknown answer, or a number not given, satisfies it too
     */
    public record Condition(FactField field, Set<String> values, double min, double max, boolean orUnknown) {
        /**
         * Copies the answers, so that the condition is immutable.
         *
         * @param field     the fact the condition reads
         * @param values    the answers that satisfy it
         * @param min       the lowest number that satisfies it
         * @param max       the highest number that satisfies it
         * @param orUnknown whether an unknown answer satisfies it too
         */
        public Condition {
            values = Set.copyOf(values);
        }

        /**
         * Whether the condition is on a number.
         *
         * @return true when the number range applies (the field is a number); false for a condition on answers
         */
        public boolean isRange() {
            return field.kind().isNumber();
        }

        boolean holds(PatientFacts facts) {
            Object value = field.read(facts);
            if (field.isUnknown(facts)) {
                return orUnknown;
            }
            if (value instanceof Number number) {
                return number.doubleValue() >= min && number.doubleValue() <= max;
            }
            return values.contains(value.toString());
        }
    }

    private AskWhen() {
    }

    /**
     * The conditions of a fact's {@code askWhen}, in register order; none when it is always asked.
     *
     * @param field the fact asked about
     * @return the conditions, all of which must hold for the question to be asked
     * @throws IllegalStateException for a condition the register cannot mean (a packaging error)
     */
    public static List<Condition> of(FactField field) {
        List<Condition> conditions = new ArrayList<>();
        for (String text : field.askWhen().split(";")) {
            if (text.isBlank()) {
                continue;
            }
            String[] parts = text.split("=", 2);
            FactField on = FactField.byName(parts[0].strip());
            if (on == null || parts.length < 2) {
                throw new IllegalStateException("facts.tsv: bad askWhen '" + field.askWhen() + "' for " + field.fieldName());
            }
            Set<String> values = new LinkedHashSet<>(List.of(parts[1].strip().split("\\s*,\\s*")));
            boolean orUnknown = values.remove("UNKNOWN");
            if (on.kind().isNumber()) {
                String range = values.iterator().next();
                int dash = range.indexOf('-', 1);
                conditions.add(new Condition(on, Set.of(), Double.parseDouble(range.substring(0, dash)),
                        Double.parseDouble(range.substring(dash + 1)), orUnknown));
            } else {
                conditions.add(new Condition(on, values, Double.NaN, Double.NaN, orUnknown));
            }
        }
        return List.copyOf(conditions);
    }
}
