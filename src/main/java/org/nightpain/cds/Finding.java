package org.nightpain.cds;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One conclusion of one rule, with everything a clinician needs to judge it.
 *
 * @param code          what was found, for example {@code CAUDA_EQUINA_SUSPECTED}
 * @param ruleId        the rule that fired, for example {@code EMR-01}
 * @param ruleVersion   the version of that rule
 * @param category      the clinical domain
 * @param urgency       how soon the patient needs to be seen; null for informational findings
 * @param referrals     where to send the patient, most urgent first
 * @param diagnostics   tests and examinations suggested
 * @param rationale     why the rule fired, in plain words
 * @param inputsUsed    the facts that made the rule fire, field name to value (an enum constant,
 *                      an Integer or a Double), in the order the rule weighed them
 * @param inputsMissing fields the rule would have weighed but whose answer is unknown
 * @param sources       the guidelines and studies the rule rests on
 * @param evidence      the strongest kind of evidence among the sources
 * @param advice        management and safety-net advice
 * @param suppressedBy  for a withheld finding, the rule id of the finding that withheld it; null for a
 *                      presented one
 */
public record Finding(
        String code,
        String ruleId,
        String ruleVersion,
        Category category,
        Urgency urgency,
        List<Referral> referrals,
        List<Diagnostic> diagnostics,
        String rationale,
        Map<String, Object> inputsUsed,
        List<String> inputsMissing,
        List<Source> sources,
        Evidence evidence,
        String advice,
        String suppressedBy) {

    /**
     * Copies the lists and the map, so that the finding is immutable.
     *
     * @param code what was found, for example {@code CAUDA_EQUINA_SUSPECTED}
     * @param ruleId the rule that fired, for example {@code EMR-01}
     * @param ruleVersion the version of that rule
     * @param category the clinical domain
     * @param urgency how soon the patient needs to be seen; null for informational findings
     * @param referrals where to send the patient, most urgent first
     * @param diagnostics tests and examinations suggested
     * @param rationale why the rule fired, in plain words
     * @param inputsUsed the facts that made the rule fire, field name to value (an enum constant, an Integer or a
     *        Double), in the order the rule weighed them
     * @param inputsMissing fields the rule would have weighed but whose answer is unknown
     * @param sources the guidelines and studies the rule rests on
     * @param evidence the strongest kind of evidence among the sources
     * @param advice management and safety-net advice
     * @param suppressedBy for a withheld finding, the rule id of the finding that withheld it; null for a presented
     *        one
     */
    public Finding {
        referrals = List.copyOf(referrals);
        diagnostics = List.copyOf(diagnostics);
        inputsUsed = Collections.unmodifiableMap(new LinkedHashMap<>(inputsUsed));
        inputsMissing = List.copyOf(inputsMissing);
        sources = List.copyOf(sources);
    }

    /** {@return true when the finding carries no urgency and only informs} */
    public boolean isInformational() {
        return urgency == null;
    }
}
