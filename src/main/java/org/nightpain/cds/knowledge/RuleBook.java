package org.nightpain.cds.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.nightpain.cds.KnowledgeBaseInfo;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.Question;
import org.nightpain.cds.RuleInfo;
import org.nightpain.cds.Source;
import org.nightpain.cds.Urgency;

/**
 * What the knowledge base says besides its rules' conditions, read once when it loads: every rule's
 * metadata (checked, so that a rule with missing or misspelt metadata stops the load), the
 * {@code findings} global the decision rules raise findings with, the rule catalogue, the questions
 * still worth asking and the knowledge base's identity. Immutable and thread-safe.
 *
 * <p>Public only because the engine ({@code org.nightpain.cds.engine}) builds it from the loaded rule
 * base and the benchmarks open sessions with its {@code findings} global; not part of the API.
 */
public final class RuleBook {
    private final List<RuleDescriptor> rules;
    private final FindingFactory findings;
    private final QuestionRegister questions;
    private final KnowledgeBaseInfo knowledgeBase;

    private RuleBook(List<RuleDescriptor> rules, KnowledgeBaseInfo knowledgeBase) {
        this.rules = rules;
        this.knowledgeBase = knowledgeBase;
        Map<String, RuleDescriptor> byName = new LinkedHashMap<>();
        rules.forEach(rule -> byName.put(rule.name(), rule));
        this.findings = new FindingFactory(byName);
        this.questions = QuestionRegister.build(decisions());
    }

    /**
     * Reads the metadata of every rule of a loaded rule base.
     *
     * @param rules the rules of the loaded rule base
     * @return the rule book
     * @throws IllegalStateException naming the rule when a rule's metadata is missing or misspelt
     */
    public static RuleBook read(Collection<Rule> rules) {
        Map<String, Source> register = KnowledgeFiles.sources();
        List<RuleDescriptor> descriptors = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
            descriptors.add(RuleDescriptors.parse(rule, register));
        }
        descriptors.sort(Comparator.comparing(RuleDescriptor::id).thenComparing(RuleDescriptor::name));
        return new RuleBook(List.copyOf(descriptors), KnowledgeFiles.knowledgeBaseInfo());
    }

    /** {@return the DRL global {@code findings}, shared by every session} */
    public FindingFactory findings() {
        return findings;
    }

    /** {@return the id, version and SHA-256 of the knowledge base} */
    public KnowledgeBaseInfo knowledgeBase() {
        return knowledgeBase;
    }

    /** {@return how many rules, of every role, the rule base has} */
    public int size() {
        return rules.size();
    }

    /** {@return the decision rules as catalogue entries, ordered by id} */
    public List<RuleInfo> catalogue() {
        return decisions().stream().map(RuleDescriptor::toRuleInfo).toList();
    }

    /**
     * Lists the questions whose answer is unknown for this patient and could change the result, most
     * consequential first; in an emergency or urgent result only those that could lead to SOON or more.
     *
     * @param facts the patient's facts
     * @param highestUrgency the highest urgency of the result
     * @return the questions to ask
     */
    public List<Question> questionsFor(PatientFacts facts, Urgency highestUrgency) {
        return questions.questionsFor(facts, highestUrgency);
    }

    /** Every rule, inference and aggregation rules included, ordered by id. */
    List<RuleDescriptor> rules() {
        return rules;
    }

    private List<RuleDescriptor> decisions() {
        return rules.stream().filter(r -> r.role() == RuleDescriptor.Role.DECISION).toList();
    }
}
