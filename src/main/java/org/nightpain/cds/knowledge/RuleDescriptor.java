package org.nightpain.cds.knowledge;

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
 * @param advice      {@code @advice}, and any {@code @advice...} variants by metadata key
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
        Map<String, String> advice) {

    /** What a rule does. */
    enum Role {
        /** Raises a finding. */
        DECISION,
        /** Infers a derived fact (a {@link DerivedFact}). */
        INFERENCE,
        /** Works on the findings already raised (suppression). */
        AGGREGATION
    }

    /** The advice text under this metadata key ({@code advice} or a variant). */
    public String advice(String key) {
        String text = advice.get(key);
        if (text == null) {
            throw new IllegalStateException("rule '" + name + "' has no @" + key + " text");
        }
        return text;
    }

    /** This rule as a catalogue entry. */
    public RuleInfo toRuleInfo() {
        return new RuleInfo(id, version, name, code, category, urgency, referrals, sources, evidence);
    }
}
