package org.nightpain.cds;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of assessing one patient.
 *
 * @param highestUrgency     the most urgent urgency among the presented findings; never null
 * @param findings           the presented findings, most urgent first; never empty
 * @param suppressedFindings self-care and advice findings withheld because the result is EMERGENCY or
 *                           URGENT, kept for the audit trail
 * @param referrals          every referral of the presented findings, most urgent first, each once
 * @param questionsToAsk     unknown answers that could change the result, the most consequential first
 * @param knowledgeBase      which knowledge base produced this result
 * @param assessedAt         the as-of time of the assessment
 */
public record Assessment(
        Urgency highestUrgency,
        List<Finding> findings,
        List<Finding> suppressedFindings,
        List<Referral> referrals,
        List<Question> questionsToAsk,
        KnowledgeBaseInfo knowledgeBase,
        Instant assessedAt) {

    public Assessment {
        Objects.requireNonNull(highestUrgency, "highestUrgency");
        findings = List.copyOf(findings);
        suppressedFindings = List.copyOf(suppressedFindings);
        referrals = List.copyOf(referrals);
        questionsToAsk = List.copyOf(questionsToAsk);
        Objects.requireNonNull(knowledgeBase, "knowledgeBase");
        Objects.requireNonNull(assessedAt, "assessedAt");
    }
}
