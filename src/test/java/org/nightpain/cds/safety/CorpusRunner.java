package org.nightpain.cds.safety;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.kie.api.runtime.rule.AgendaFilter;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.internal.RuleDescriptor;
import org.nightpain.cds.internal.RuleEngine;

/**
 * Runs corpus cases through a rule engine of its own, with chosen rules switched off by an agenda
 * filter, and says what each result gets wrong.
 */
final class CorpusRunner {
    private final RuleEngine engine = RuleEngine.load();

    /** Every rule of the knowledge base: decision, inference and aggregation. */
    List<RuleDescriptor> rules() {
        return engine.rules();
    }

    /**
     * What the case's result gets wrong with the named DRL rules switched off (besides those the case
     * itself switches off); an exception counts as a wrong result.
     */
    List<String> violations(CorpusCase corpusCase, Set<String> switchedOff) {
        Set<String> kept = Set.copyOf(corpusCase.onlyDecisionRules());
        Set<String> decisions = engine.rules().stream().filter(r -> r.role() == RuleDescriptor.Role.DECISION)
                .map(RuleDescriptor::name).collect(Collectors.toSet());
        AgendaFilter filter = match -> {
            String name = match.getRule().getName();
            if (switchedOff.contains(name)) {
                return false;
            }
            return kept.isEmpty() || !decisions.contains(name)
                    || kept.contains((String) match.getRule().getMetaData().get("id"));
        };
        try {
            return corpusCase.violations(engine.assess(corpusCase.facts(), Fixtures.AS_OF, filter));
        } catch (RuntimeException e) {
            return List.of("no result: " + e);
        }
    }
}
