package org.nightpain.cds;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of assessing one patient.
 *
 * @param highestUrgency     the most urgent urgency among the presented findings; never null
 * @param screeningComplete  false when a core screening question, or a cauda equina question that leg
 *                           symptoms call for, is unanswered: the result may then be less urgent than the
 *                           patient needs, and a report shows "screening incomplete" beside the urgency
 * @param findings           the presented findings, most urgent first; never empty
 * @param suppressedFindings findings withheld from the presented result, each naming the rule that
 *                           withheld it ({@link Finding#suppressedBy()}): advice that a more specific
 *                           finding supersedes, and self-care advice in an EMERGENCY or URGENT result
 * @param referrals          every referral of the presented findings, most urgent first, each once
 * @param questionsToAsk     unknown answers that could change the result, the most consequential first
 * @param answersNotUsed     the answers given that no finding, presented or withheld, rests on (a YES other
 *                           than to a sleep, mattress or pillow question, or a leg-symptom, weakness or
 *                           trauma answer other than NONE), field name to value in fact-model order: nothing
 *                           a clinician entered is silently dropped
 * @param knowledgeBase      which knowledge base produced this result
 * @param assessedAt         the as-of time of the assessment
 */
public record Assessment(
        Urgency highestUrgency,
        boolean screeningComplete,
        List<Finding> findings,
        List<Finding> suppressedFindings,
        List<Referral> referrals,
        List<Question> questionsToAsk,
        Map<String, Object> answersNotUsed,
        KnowledgeBaseInfo knowledgeBase,
        Instant assessedAt) {

    /**
     * Copies the lists and the map, so that the assessment is immutable.
     *
     * @param highestUrgency the most urgent urgency among the presented findings; never null
     * @param screeningComplete false when a core screening question, or a cauda equina question that leg symptoms
     *        call for, is unanswered: the result may then be less urgent than the patient needs, and a report shows
     *        "screening incomplete" beside the urgency
     * @param findings the presented findings, most urgent first; never empty
     * @param suppressedFindings findings withheld from the presented result, each naming the rule that withheld it
     *        ({@link Finding#suppressedBy()}): advice that a more specific finding supersedes, and self-care advice
     *        in an EMERGENCY or URGENT result
     * @param referrals every referral of the presented findings, most urgent first, each once
     * @param questionsToAsk unknown answers that could change the result, the most consequential first
     * @param answersNotUsed the answers given that no finding, presented or withheld, rests on (a YES other
     *        than to a sleep, mattress or pillow question, or a leg-symptom, weakness or trauma answer other
     *        than NONE), field name to value in fact-model order: nothing a clinician entered is silently
     *        dropped
     * @param knowledgeBase which knowledge base produced this result
     * @param assessedAt the as-of time of the assessment
     * @throws NullPointerException when highestUrgency, knowledgeBase or assessedAt is null
     */
    public Assessment {
        Objects.requireNonNull(highestUrgency, "highestUrgency");
        findings = List.copyOf(findings);
        suppressedFindings = List.copyOf(suppressedFindings);
        referrals = List.copyOf(referrals);
        questionsToAsk = List.copyOf(questionsToAsk);
        answersNotUsed = Collections.unmodifiableMap(new LinkedHashMap<>(answersNotUsed));
        Objects.requireNonNull(knowledgeBase, "knowledgeBase");
        Objects.requireNonNull(assessedAt, "assessedAt");
    }
}
