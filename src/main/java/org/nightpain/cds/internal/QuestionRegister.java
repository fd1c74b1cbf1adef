package org.nightpain.cds.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.Question;
import org.nightpain.cds.Urgency;

/**
 * The questions still to ask. Which rule an answer could change comes from each rule's {@code @inputs};
 * the wording, and when a question makes sense at all ("how much weight?" only after "yes, weight
 * loss"), come from {@code questions.tsv}. Everything that does not depend on the patient is worked out
 * once, so an assessment only filters a ready, ordered list. Internal: not part of the API.
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

    /** Builds the ordered list from the decision rules and {@code questions.tsv}. */
    static QuestionRegister build(List<RuleDescriptor> rules) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String[] row : KnowledgeFiles.table("questions.tsv", 3)) {
            if (FactField.byName(row[0]) == null) {
                throw new IllegalStateException("questions.tsv asks about '" + row[0] + "', which is not a patient fact");
            }
            rows.put(row[0], row);
        }
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
            String[] row = rows.get(field.fieldName());
            if (row == null) {
                throw new IllegalStateException("questions.tsv has no question for '" + field.fieldName()
                        + "', which rules " + entry.getValue() + " weigh");
            }
            FactField askWhenField = null;
            Set<String> askWhenValues = Set.of();
            if (!row[2].isEmpty()) {
                String[] condition = row[2].split("=", 2);
                askWhenField = FactField.byName(condition[0].strip());
                if (askWhenField == null || condition.length < 2) {
                    throw new IllegalStateException("questions.tsv: bad condition '" + row[2] + "' for " + row[0]);
                }
                askWhenValues = Set.of(condition[1].strip().split("\\s*,\\s*"));
            }
            List<String> ids = entry.getValue().stream().sorted().toList();
            candidates.add(new Candidate(field, new Question(field.fieldName(), row[1], ids), askWhenField, askWhenValues));
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
