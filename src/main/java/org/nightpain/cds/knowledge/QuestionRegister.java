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
 * The questions still to ask. Which rule an answer could change comes from each rule's {@code @inputs},
 * and how urgent a result it could lead to ({@code couldRaiseTo}) from the most urgent outcome of those
 * rules (clinical-knowledge §9.7.14: a static reading, not a simulation of the answer); the wording, and
 * when a question makes sense at all ("how much weight?" only after "yes, weight loss"), come from the
 * fact register ({@code facts.tsv}, through {@link FactField}). The questions that could lead to the most
 * urgent result come first, then in fact-model order. Everything that does not depend on the patient is
 * worked out once, so an assessment only filters a ready, ordered list.
 */
final class QuestionRegister {

    /**
     * A question with the conditions under which it is asked (an array, so that checking them allocates
     * nothing), and whether it could lead to more than a routine review.
     */
    private record Candidate(FactField field, Question question, AskWhen.Condition[] askWhen, boolean consequential) {
        boolean applies(PatientFacts facts) {
            if (!field.isUnknown(facts)) {
                return false;
            }
            for (AskWhen.Condition condition : askWhen) {
                if (!condition.holds(facts)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Most urgent first; a question whose rules carry no urgency last. */
    private static final Comparator<Urgency> MOST_URGENT_FIRST = Comparator.nullsLast(Comparator.naturalOrder());

    private final Candidate[] candidates;

    private QuestionRegister(Candidate[] candidates) {
        this.candidates = candidates;
    }

    /** Builds the ordered list from the decision rules and the fact register. */
    static QuestionRegister build(List<RuleDescriptor> rules) {
        Map<FactField, Set<String>> couldChange = new LinkedHashMap<>();
        Map<FactField, Urgency> couldRaiseTo = new LinkedHashMap<>();
        for (RuleDescriptor rule : rules) {
            for (FactField field : rule.inputs()) {
                couldChange.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(rule.id());
                Urgency urgency = rule.highestUrgency();
                Urgency before = couldRaiseTo.get(field);
                if (before == null || urgency != null && urgency.isMoreUrgentThan(before)) {
                    couldRaiseTo.put(field, urgency);
                }
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<FactField, Set<String>> entry : couldChange.entrySet()) {
            FactField field = entry.getKey();
            List<String> ids = entry.getValue().stream().sorted().toList();
            Urgency urgency = couldRaiseTo.get(field);
            boolean consequential = urgency != null && !Urgency.SOON.isMoreUrgentThan(urgency);
            candidates.add(new Candidate(field, new Question(field.fieldName(), field.question(), ids, urgency),
                    AskWhen.of(field).toArray(AskWhen.Condition[]::new), consequential));
        }
        candidates.sort(Comparator.comparing((Candidate c) -> c.question().couldRaiseTo(), MOST_URGENT_FIRST)
                .thenComparing(c -> c.field().ordinal()));
        return new QuestionRegister(candidates.toArray(Candidate[]::new));
    }

    /**
     * The questions whose answer is unknown for this patient, the most consequential first. In an
     * emergency or urgent result, a question that could lead to nothing more than a routine review (or to
     * no urgency) is left out (§9.5.3), unless the register keeps it always (§9.7.13).
     */
    List<Question> questionsFor(PatientFacts facts, Urgency highestUrgency) {
        boolean trim = highestUrgency == Urgency.EMERGENCY || highestUrgency == Urgency.URGENT;
        List<Question> questions = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if ((!trim || candidate.consequential() || candidate.field().alwaysAsk()) && candidate.applies(facts)) {
                questions.add(candidate.question());
            }
        }
        return questions;
    }
}
