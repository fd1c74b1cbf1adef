package org.nightpain.cds.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.KnowledgeBaseInfo;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.RuleInfo;
import org.nightpain.cds.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the precompiled rule base once and runs it: one pooled session per assessment, the patient's
 * facts in, the raised findings out. Thread-safe; holds no per-call state outside the session.
 * Internal: not part of the API.
 */
public final class RuleEngine {
    private static final Logger LOG = LoggerFactory.getLogger(RuleEngine.class);

    /** Written by the build (kie-maven-plugin): names the generated executable-model class. */
    static final String MODEL_INDEX = "META-INF/kie/org.nightpain/nightpain-cds/drools-model";

    /** Selects the raised findings; a class filter lets Drools read them without visiting other facts. */
    private static final ClassObjectFilter RAISED = new ClassObjectFilter(RaisedFinding.class);

    private final KieBase kieBase;
    private final KieSessionsPool sessions;
    private final FindingFactory findingFactory;
    private final List<RuleDescriptor> rules;
    private final AssessmentAssembler assembler;
    private final KnowledgeBaseInfo knowledgeBase;

    private RuleEngine(KieBase kieBase, List<RuleDescriptor> rules, KnowledgeBaseInfo knowledgeBase) {
        this.rules = rules;
        this.knowledgeBase = knowledgeBase;
        Map<String, RuleDescriptor> byName = new LinkedHashMap<>();
        rules.forEach(rule -> byName.put(rule.name(), rule));
        this.findingFactory = new FindingFactory(byName);
        List<RuleDescriptor> decisions = rules.stream().filter(r -> r.role() == RuleDescriptor.Role.DECISION).toList();
        this.assembler = new AssessmentAssembler(knowledgeBase, QuestionRegister.build(decisions));
        this.kieBase = kieBase;
        this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Loads the executable model that the build generated from the DRL and checks every rule's metadata.
     *
     * @throws IllegalStateException when the model is missing or a rule's metadata is incomplete
     */
    public static RuleEngine load() {
        long start = System.nanoTime();
        KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(loadModel());
        Map<String, Source> register = KnowledgeFiles.sources();
        List<RuleDescriptor> rules = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                rules.add(RuleDescriptors.parse(rule, register));
            }
        }
        rules.sort(Comparator.comparing(RuleDescriptor::id).thenComparing(RuleDescriptor::name));
        KnowledgeBaseInfo info = KnowledgeFiles.knowledgeBaseInfo();
        RuleEngine engine = new RuleEngine(kieBase, List.copyOf(rules), info);
        LOG.debug("Loaded knowledge base {} {} ({} rules) in {} ms", info.id(), info.version(), rules.size(),
                (System.nanoTime() - start) / 1_000_000);
        return engine;
    }

    /** Assesses one patient with every rule. */
    public Assessment assess(PatientFacts facts, Instant asOf) {
        return assess(facts, asOf, null);
    }

    /**
     * Assesses one patient, firing only the rules the filter accepts; tests use it to switch rules off.
     *
     * @param filter the rules allowed to fire, or null for all
     */
    public Assessment assess(PatientFacts facts, Instant asOf, AgendaFilter filter) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(asOf, "asOf");
        KieSession session = sessions.newKieSession();
        try {
            session.setGlobal("findings", findingFactory);
            session.insert(facts);
            if (filter == null) {
                session.fireAllRules();
            } else {
                session.fireAllRules(filter);
            }
            @SuppressWarnings("unchecked")
            Collection<RaisedFinding> raised = (Collection<RaisedFinding>) session.getObjects(RAISED);
            return assembler.assemble(facts, raised, asOf);
        } finally {
            session.dispose();
        }
    }

    /** The id, version and hash of the loaded knowledge base. */
    public KnowledgeBaseInfo knowledgeBase() {
        return knowledgeBase;
    }

    /** Every rule, inference and aggregation rules included, ordered by id. */
    public List<RuleDescriptor> rules() {
        return rules;
    }

    /** The decision rules as catalogue entries, ordered by id. */
    public List<RuleInfo> catalogue() {
        return rules.stream()
                .filter(r -> r.role() == RuleDescriptor.Role.DECISION)
                .map(RuleDescriptor::toRuleInfo)
                .toList();
    }

    /** The loaded rule base, for benchmarks that compare ways of opening sessions on it. */
    KieBase kieBase() {
        return kieBase;
    }

    /** The {@code findings} global every session needs, for the same benchmarks. */
    FindingFactory findingFactory() {
        return findingFactory;
    }

    private static Model loadModel() {
        String className;
        try (InputStream in = RuleEngine.class.getClassLoader().getResourceAsStream(MODEL_INDEX)) {
            if (in == null) {
                throw new IllegalStateException("The precompiled rule base is missing (" + MODEL_INDEX
                        + " is not on the class path). Build the library with Maven so that the"
                        + " kie-maven-plugin compiles the rules.");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\\R");
            className = lines[lines.length - 1].strip();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + MODEL_INDEX, e);
        }
        try {
            return (Model) Class.forName(className, true, RuleEngine.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot load the precompiled rule base " + className, e);
        }
    }
}
