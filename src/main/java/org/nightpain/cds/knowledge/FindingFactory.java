package org.nightpain.cds.knowledge;

import java.util.Map;
import org.kie.api.definition.rule.Rule;

/**
 * The DRL global {@code findings}: raises a finding for the rule that is firing, with that rule's
 * parsed metadata. Immutable, so one instance is safely shared by every session and thread.
 *
 * <p>Public only because the rule model generated from the DRL calls it; not part of the API.
 */
public final class FindingFactory {
    private final Map<String, RuleDescriptor> rulesByName;

    FindingFactory(Map<String, RuleDescriptor> rulesByName) {
        this.rulesByName = Map.copyOf(rulesByName);
    }

    /**
     * Raises a new finding of the given decision rule; the rule's right-hand side adds its basis and inserts it.
     *
     * @param rule the decision rule that fired ({@code drools.getRule()})
     * @return the finding, with no basis yet
     */
    public RaisedFinding raise(Rule rule) {
        RuleDescriptor descriptor = rulesByName.get(rule.getName());
        if (descriptor == null || descriptor.role() != RuleDescriptor.Role.DECISION) {
            throw new IllegalStateException("rule '" + rule.getName() + "' is not a decision rule and cannot raise a finding");
        }
        return new RaisedFinding(descriptor);
    }
}
