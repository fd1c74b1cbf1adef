package org.nightpain.cds.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.nightpain.cds.Category;
import org.nightpain.cds.Diagnostic;
import org.nightpain.cds.Evidence;
import org.nightpain.cds.FactField;
import org.nightpain.cds.Referral;
import org.nightpain.cds.Source;
import org.nightpain.cds.Urgency;
import org.nightpain.cds.engine.EngineTestAccess;

/**
 * What the metadata of one rule says, as the knowledge base parses it, for tests in any package (the
 * library keeps its own descriptor package-private). Test code only. {@code urgency} is the most urgent a
 * finding of the rule can be over all its variants, {@code defaultUrgency} the urgency without a variant.
 */
public record RuleMetadata(
        String name,
        String id,
        String version,
        Role role,
        String code,
        Category category,
        Urgency urgency,
        Urgency defaultUrgency,
        List<Referral> referrals,
        List<Diagnostic> diagnostics,
        List<Source> sources,
        Evidence evidence,
        List<FactField> inputs,
        Set<String> groups,
        String rationale,
        Map<String, String> advice,
        Map<String, Variant> variants) {

    /** The urgency and referrals of one of a rule's variants (its metadata keys with a suffix). */
    public record Variant(Urgency urgency, List<Referral> referrals) {
    }

    /** What a rule does. */
    public enum Role { DECISION, INFERENCE, AGGREGATION }

    private static final List<RuleMetadata> ALL = load();

    /** Every rule of the precompiled rule base, inference and aggregation rules included, ordered by id. */
    public static List<RuleMetadata> all() {
        return ALL;
    }

    /** The advice text under this metadata key ({@code advice} or a variant). */
    public String advice(String key) {
        return advice.get(key);
    }

    private static List<RuleMetadata> load() {
        KieBase kieBase = EngineTestAccess.kieBase();
        List<Rule> rules = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            rules.addAll(kiePackage.getRules());
        }
        List<RuleMetadata> all = new ArrayList<>();
        for (RuleDescriptor r : RuleBook.read(rules).rules()) {
            Map<String, String> advice = new LinkedHashMap<>();
            Map<String, Variant> variants = new LinkedHashMap<>();
            r.variants().forEach((name, outcome) -> variants.put(name, new Variant(outcome.urgency(), outcome.referrals())));
            if (!r.advice().isEmpty()) {
                advice.put("advice", r.advice());
            }
            r.variants().forEach((name, outcome) -> advice.put("advice" + name, outcome.advice()));
            all.add(new RuleMetadata(r.name(), r.id(), r.version(), Role.valueOf(r.role().name()), r.code(),
                    r.category(), r.highestUrgency(), r.urgency(), r.referrals(), r.diagnostics(), r.sources(), r.evidence(),
                    r.inputs(), r.groups(), r.rationale(), Map.copyOf(advice), Map.copyOf(variants)));
        }
        return List.copyOf(all);
    }
}
