package org.nightpain.cds;

import java.util.List;

/**
 * One entry of the rule catalogue: a decision rule and what its finding looks like.
 *
 * @param id          the rule id, for example {@code EMR-01}
 * @param version     the rule version
 * @param name        the rule name as written in the rule source
 * @param code        the finding code it raises
 * @param category    the clinical domain
 * @param urgency     the urgency of its finding; null for informational findings
 * @param referrals   where its finding sends the patient
 * @param sources     the guidelines and studies it rests on
 * @param evidence    the strongest kind of evidence among the sources
 */
public record RuleInfo(
        String id,
        String version,
        String name,
        String code,
        Category category,
        Urgency urgency,
        List<Referral> referrals,
        List<Source> sources,
        Evidence evidence) {

    /**
     * Copies the lists, so that the entry is immutable.
     *
     * @param id the rule id, for example {@code EMR-01}
     * @param version the rule version
     * @param name the rule name as written in the rule source
     * @param code the finding code it raises
     * @param category the clinical domain
     * @param urgency the urgency of its finding; null for informational findings
     * @param referrals where its finding sends the patient
     * @param sources the guidelines and studies it rests on
     * @param evidence the strongest kind of evidence among the sources
     */
    public RuleInfo {
        referrals = List.copyOf(referrals);
        sources = List.copyOf(sources);
    }
}
