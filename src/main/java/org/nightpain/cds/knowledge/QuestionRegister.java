package org.nightpain.cds.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nightpain.cds.FactField;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.Question;
import org.nightpain.cds.Urgency;

/**
 * The questions still to ask. Which rule an answer could change comes from each rule's {@code @inputs};
 * the wording, and when a question makes sense at all ("how much weight?" only after "yes, weight
 * loss"), come from the fact register ({@code facts.tsv}, through {@link FactField}). Everything that does not depend on the patient is worked out
 * once, so an assessment only filters a ready, ordered list.
 */
final class QuestionRegister {

    /** A question with the condition under which it is asked. */
    private record Candidate(FactField field, Question question, FactField askWhenField, Set<String> askWhenValues) {
        boolean applies(PatientFacts facts) {
            if (!field.isUnknown(facts)) {
                return false;
            }
            if (askWhenField == null) {
                return true;
            }
            Object value = askWhenField.read(facts);
            return value != null && askWhenValues.contains(value.toString());
        }
    }

    private final List<Candidate> candidates;

    private QuestionRegister(List<Candidate> candidates) {
        this.candidates = candidates;
    }

    /** Builds the ordered list from the decision rules and the fact register. */
    static QuestionRegister build(List<RuleDescriptor> rules) {
        Map<FactField, Set<String>> couldChange = new LinkedHashMap<>();
        Map<FactField, Urgency> mostUrgent = new LinkedHashMap<>();
        for (RuleDescriptor rule : rules) {
            for (FactField field : rule.inputs()) {
                couldChange.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(rule.id());
                // an informational rule (no urgency) ranks with the least urgent
                Urgency urgency = rule.urgency() == null ? Urgency.SELF_CARE : rule.urgency();
                mostUrgent.merge(field, urgency, (a, b) -> a.isMoreUrgentThan(b) ? a : b);
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<FactField, Set<String>> entry : couldChange.entrySet()) {
            FactField field = entry.getKey();
            FactField askWhenField = null;
            Set<String> askWhenValues = Set.of();
            if (!field.askWhen().isEmpty()) {
                String[] condition = field.askWhen().split("=", 2);
                askWhenField = FactField.byName(condition[0].strip());
                if (askWhenField == null || condition.length < 2) {
                    throw new IllegalStateException("facts.tsv: bad askWhen '" + field.askWhen() + "' for "
                            + field.fieldName());
                }
                askWhenValues = Set.of(condition[1].strip().split("\\s*,\\s*"));
            }
            List<String> ids = entry.getValue().stream().sorted().toList();
            candidates.add(new Candidate(field, new Question(field.fieldName(), field.question(), ids), askWhenField, askWhenValues));
        }
        candidates.sort(Comparator.<Candidate, Urgency>comparing(c -> mostUrgent.get(c.field()))
                .thenComparing(c -> c.field().ordinal()));
        return new QuestionRegister(List.copyOf(candidates));
    }

    /** The questions whose answer is unknown for this patient, the most consequential first. */
    List<Question> questionsFor(PatientFacts facts) {
        List<Question> questions = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (candidate.applies(facts)) {
                questions.add(candidate.question());
            }
        }
        return questions;
    }
}
