package org.nightpain.cds.safety;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.kie.api.runtime.rule.AgendaFilter;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.knowledge.RuleMetadata;
import org.nightpain.cds.engine.EngineTestAccess;
import org.nightpain.cds.engine.RuleEngine;

/**
 * Runs corpus cases through a rule engine of its own, with chosen rules switched off by an agenda
 * filter, and says what each result gets wrong.
 */
final class CorpusRunner {
    private final RuleEngine engine = RuleEngine.load();

    /** Every rule of the knowledge base: decision, inference and aggregation. */
    List<RuleMetadata> rules() {
        return RuleMetadata.all();
    }

    /**
     * What the case's result gets wrong with the named DRL rules switched off (besides those the case
     * itself switches off), rules of {@code rulesCovered} that did not fire included; an exception
     * counts as a wrong result.
     */
    List<String> violations(CorpusCase corpusCase, Set<String> switchedOff) {
        return check(corpusCase, switchedOff, false);
    }

    /**
     * What the case's result gets wrong in its outcome (urgency, findings, referrals, diagnostics, the
     * facts cited) with the named DRL rules switched off; whether the rules it covers fired is not
     * counted. An exception counts as a wrong result.
     */
    List<String> outcomeViolations(CorpusCase corpusCase, Set<String> switchedOff) {
        return check(corpusCase, switchedOff, true);
    }

    private List<String> check(CorpusCase corpusCase, Set<String> switchedOff, boolean outcomeOnly) {
        Set<String> kept = Set.copyOf(corpusCase.onlyDecisionRules());
        Set<String> decisions = RuleMetadata.all().stream().filter(r -> r.role() == RuleMetadata.Role.DECISION)
                .map(RuleMetadata::name).collect(Collectors.toSet());
        AgendaFilter filter = match -> {
            String name = match.getRule().getName();
            if (switchedOff.contains(name)) {
                return false;
            }
            return kept.isEmpty() || !decisions.contains(name)
                    || kept.contains((String) match.getRule().getMetaData().get("id"));
        };
        try {
            var result = EngineTestAccess.assess(engine, corpusCase.facts(), Fixtures.AS_OF, filter);
            return outcomeOnly ? corpusCase.outcomeViolations(result) : corpusCase.violations(result);
        } catch (RuntimeException e) {
            return List.of("no result: " + e);
        }
    }
}
