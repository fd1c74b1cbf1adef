package org.nightpain.cds.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.definition.rule.Rule;
import org.nightpain.cds.FactField;
import org.nightpain.cds.Category;
import org.nightpain.cds.Diagnostic;
import org.nightpain.cds.Evidence;
import org.nightpain.cds.Referral;
import org.nightpain.cds.Source;
import org.nightpain.cds.Urgency;

/**
 * Parses DRL rule metadata into {@link RuleDescriptor}s and refuses incomplete or misspelt metadata,
 * naming the rule, so that a broken knowledge base fails when it loads rather than in an assessment.
 */
final class RuleDescriptors {
    /** Metadata every rule carries. */
    static final List<String> COMMON_KEYS = List.of("id", "version", "source", "evidence");
    /** Metadata every decision rule carries besides the common keys. */
    static final List<String> DECISION_KEYS = List.of(
            "code", "category", "urgency", "referrals", "diagnostics", "inputs", "rationale", "advice");
    /** Metadata a variant of a decision's outcome may give for itself ({@code @adviceX} for variant X). */
    static final List<String> VARIANT_KEYS = List.of("urgency", "referrals", "rationale", "advice");

    private RuleDescriptors() {
    }

    static RuleDescriptor parse(Rule rule, Map<String, Source> register) {
        Map<String, Object> meta = rule.getMetaData();
        String name = rule.getName();
        List<String> problems = new ArrayList<>();
        RuleDescriptor.Role role = role(text(meta, "role"), problems);
        for (String key : COMMON_KEYS) {
            require(meta, key, problems);
        }
        if (role == RuleDescriptor.Role.DECISION) {
            for (String key : DECISION_KEYS) {
                require(meta, key, problems);
            }
        }
        List<Source> sources = new ArrayList<>();
        for (String id : words(text(meta, "source"))) {
            Source source = register.get(id);
            if (source == null) {
                problems.add("@source names '" + id + "', which is not in the source register");
            } else {
                sources.add(source);
            }
        }
        if (sources.isEmpty()) {
            problems.add("@source names no source");
        }
        List<FactField> inputs = new ArrayList<>();
        for (String field : words(text(meta, "inputs"))) {
            FactField fact = FactField.byName(field);
            if (fact == null) {
                problems.add("@inputs names '" + field + "', which is not a patient fact");
            } else {
                inputs.add(fact);
            }
        }
        String urgency = text(meta, "urgency");
        Urgency plainUrgency = urgency.isEmpty() || urgency.equals("none") ? null
                : enumValue(Urgency.class, urgency, "urgency", problems);
        List<Referral> referrals = enumList(Referral.class, text(meta, "referrals"), "referrals", problems);
        Map<String, RuleDescriptor.Outcome> variants = new LinkedHashMap<>();
        for (String key : meta.keySet()) {
            for (String base : VARIANT_KEYS) {
                if (key.startsWith(base) && key.length() > base.length()) {
                    variants.computeIfAbsent(key.substring(base.length()), variant -> variant(meta, variant,
                            plainUrgency, referrals, text(meta, "rationale"), text(meta, "advice"), problems));
                }
            }
        }
        RuleDescriptor descriptor = new RuleDescriptor(
                name,
                text(meta, "id"),
                text(meta, "version"),
                role,
                role == RuleDescriptor.Role.DECISION ? text(meta, "code") : null,
                enumValue(Category.class, text(meta, "category"), "category", problems),
                plainUrgency,
                referrals,
                enumList(Diagnostic.class, text(meta, "diagnostics"), "diagnostics", problems),
                List.copyOf(sources),
                enumValue(Evidence.class, text(meta, "evidence"), "evidence", problems),
                List.copyOf(inputs),
                Set.copyOf(words(text(meta, "groups"))),
                text(meta, "rationale"),
                text(meta, "advice"),
                Map.copyOf(variants));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Rule '" + name + "' has broken metadata: " + String.join("; ", problems));
        }
        return descriptor;
    }

    /** One variant: what its own keys give, the plain keys for the rest. */
    private static RuleDescriptor.Outcome variant(Map<String, Object> meta, String variant, Urgency urgency,
                                                  List<Referral> referrals, String rationale, String advice,
                                                  List<String> problems) {
        String ownUrgency = text(meta, "urgency" + variant);
        return new RuleDescriptor.Outcome(
                ownUrgency.isEmpty() ? urgency : enumValue(Urgency.class, ownUrgency, "urgency" + variant, problems),
                meta.containsKey("referrals" + variant)
                        ? enumList(Referral.class, text(meta, "referrals" + variant), "referrals" + variant, problems)
                        : referrals,
                meta.containsKey("rationale" + variant) ? text(meta, "rationale" + variant) : rationale,
                meta.containsKey("advice" + variant) ? text(meta, "advice" + variant) : advice);
    }

    private static RuleDescriptor.Role role(String role, List<String> problems) {
        switch (role) {
            case "", "decision":
                return RuleDescriptor.Role.DECISION;
            case "inference":
                return RuleDescriptor.Role.INFERENCE;
            case "aggregation":
                return RuleDescriptor.Role.AGGREGATION;
            default:
                problems.add("@role '" + role + "' is not decision, inference or aggregation");
                return RuleDescriptor.Role.DECISION;
        }
    }

    private static void require(Map<String, Object> meta, String key, List<String> problems) {
        if (!meta.containsKey(key)) {
            problems.add("@" + key + " is missing");
        } else if (text(meta, key).isEmpty() && !key.equals("diagnostics") && !key.equals("referrals")
                && !key.equals("inputs")) {
            problems.add("@" + key + " is empty");
        }
    }

    private static String text(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        return value == null ? "" : value.toString().strip();
    }

    private static List<String> words(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("[\\s,]+"));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String key, List<String> problems) {
        if (name.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            problems.add("@" + key + " '" + name + "' is not a " + type.getSimpleName());
            return null;
        }
    }

    private static <E extends Enum<E>> List<E> enumList(Class<E> type, String names, String key, List<String> problems) {
        Set<E> values = new LinkedHashSet<>();
        for (String name : words(names)) {
            E value = enumValue(type, name, key, problems);
            if (value != null) {
                values.add(value);
            }
        }
        return List.copyOf(values);
    }
}
