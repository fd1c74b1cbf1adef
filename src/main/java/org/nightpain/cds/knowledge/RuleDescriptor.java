package org.nightpain.cds.knowledge;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nightpain.cds.FactField;
import org.nightpain.cds.Category;
import org.nightpain.cds.Diagnostic;
import org.nightpain.cds.Evidence;
import org.nightpain.cds.Referral;
import org.nightpain.cds.RuleInfo;
import org.nightpain.cds.Source;
import org.nightpain.cds.Urgency;

/**
 * What the metadata of one DRL rule says, parsed once when the knowledge base loads.
 *
 * @param name        the DRL rule name
 * @param id          {@code @id}: the clinical-knowledge rule id
 * @param version     {@code @version}
 * @param role        {@code @role}: decision, inference or aggregation
 * @param code        {@code @code}: the finding code (decisions only)
 * @param category    {@code @category} (decisions only)
 * @param urgency     {@code @urgency}; null for informational findings and for non-decisions
 * @param referrals   {@code @referrals}
 * @param diagnostics {@code @diagnostics}
 * @param sources     {@code @source}, resolved against the source register
 * @param evidence    {@code @evidence}
 * @param inputs      {@code @inputs}: the patient fields the rule weighs
 * @param groups      {@code @groups}: the clinical-knowledge §8.2 terms the finding belongs to
 * @param rationale   {@code @rationale}
 * @param advice      {@code @advice}
 * @param variants    the rule's other outcomes by name: a variant {@code X} takes its urgency, referrals,
 *                    rationale and advice from {@code @urgencyX}, {@code @referralsX}, {@code @rationaleX}
 *                    and {@code @adviceX} where they are given, and from the plain keys where not
 */
record RuleDescriptor(
        String name,
        String id,
        String version,
        Role role,
        String code,
        Category category,
        Urgency urgency,
        List<Referral> referrals,
        List<Diagnostic> diagnostics,
        List<Source> sources,
        Evidence evidence,
        List<FactField> inputs,
        Set<String> groups,
        String rationale,
        String advice,
        Map<String, Outcome> variants) {

    /** What a finding of the rule says: urgency, referrals, rationale and advice. */
    record Outcome(Urgency urgency, List<Referral> referrals, String rationale, String advice) {
    }

    /** What a rule does. */
    enum Role {
        /** Raises a finding. */
        DECISION,
        /** Infers a derived fact (a {@link DerivedFact}). */
        INFERENCE,
        /** Works on the findings already raised (suppression). */
        AGGREGATION
    }

    /** The outcome of a finding of this rule: the variant's, or the plain one when the variant is null. */
    Outcome outcome(String variant) {
        if (variant == null) {
            return new Outcome(urgency, referrals, rationale, advice);
        }
        Outcome outcome = variants.get(variant);
        if (outcome == null) {
            throw new IllegalStateException("rule '" + name + "' has no variant '" + variant + "'");
        }
        return outcome;
    }

    /** The most urgent urgency a finding of this rule can have, over all its variants; null when none has one. */
    Urgency highestUrgency() {
        Urgency highest = urgency;
        for (Outcome variant : variants.values()) {
            if (variant.urgency() != null && (highest == null || variant.urgency().isMoreUrgentThan(highest))) {
                highest = variant.urgency();
            }
        }
        return highest;
    }

    /**
     * This rule as a catalogue entry: its most urgent urgency and every referral its findings can make,
     * over all its variants.
     */
    RuleInfo toRuleInfo() {
        Set<Referral> allReferrals = new LinkedHashSet<>(referrals);
        variants.values().forEach(variant -> allReferrals.addAll(variant.referrals()));
        return new RuleInfo(id, version, name, code, category, highestUrgency(), List.copyOf(allReferrals), sources,
                evidence);
    }
}
