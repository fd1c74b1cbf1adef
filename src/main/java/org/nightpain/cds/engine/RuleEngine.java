package org.nightpain.cds.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
import org.nightpain.cds.knowledge.DerivedFact;
import org.nightpain.cds.knowledge.RaisedFinding;
import org.nightpain.cds.knowledge.RuleBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the precompiled rule base once and runs it: one pooled session per assessment, the patient's
 * facts in, the raised findings out. Thread-safe; holds no per-call state outside the session.
 *
 * <p>Public only because the facade ({@link org.nightpain.cds.NightPainAssessor}) uses it; nothing else
 * in the library imports this package, and it is not part of the API.
 */
public final class RuleEngine {
    private static final Logger LOG = LoggerFactory.getLogger(RuleEngine.class);

    /** Written by the build (kie-maven-plugin): names the generated executable-model class. */
    static final String MODEL_INDEX = "META-INF/kie/org.nightpain/nightpain-cds/drools-model";

    /** Selects the raised findings; a class filter lets Drools read them without visiting other facts. */
    private static final ClassObjectFilter RAISED = new ClassObjectFilter(RaisedFinding.class);
    /** Selects the derived facts, the same way. */
    private static final ClassObjectFilter DERIVED = new ClassObjectFilter(DerivedFact.class);

    private final KieSessionsPool sessions;
    private final RuleBook ruleBook;
    private final AssessmentAssembler assembler;

    private RuleEngine(KieBase kieBase, RuleBook ruleBook) {
        this.ruleBook = ruleBook;
        this.assembler = new AssessmentAssembler(ruleBook);
        this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Loads the executable model that the build generated from the DRL and checks every rule's metadata.
     *
     * @return the engine, ready to share between threads
     * @throws IllegalStateException when the model is missing or a rule's metadata is incomplete
     */
    public static RuleEngine load() {
        long start = System.nanoTime();
        KieBase kieBase = loadKieBase();
        List<Rule> rules = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            rules.addAll(kiePackage.getRules());
        }
        RuleBook ruleBook = RuleBook.read(rules);
        KnowledgeBaseInfo info = ruleBook.knowledgeBase();
        LOG.debug("Loaded knowledge base {} {} ({} rules) in {} ms", info.id(), info.version(), ruleBook.size(),
                (System.nanoTime() - start) / 1_000_000);
        return new RuleEngine(kieBase, ruleBook);
    }

    /**
     * Assesses one patient with every rule.
     *
     * @param facts the patient's facts
     * @param asOf the as-of time the assessment records
     * @return the assessment
     */
    public Assessment assess(PatientFacts facts, Instant asOf) {
        return assess(facts, asOf, null);
    }

    /**
     * Assesses one patient, firing only the rules the filter accepts; tests use it to switch rules off.
     *
     * @param filter the rules allowed to fire, or null for all
     */
    Assessment assess(PatientFacts facts, Instant asOf, AgendaFilter filter) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(asOf, "asOf");
        KieSession session = sessions.newKieSession();
        try {
            session.setGlobal("findings", ruleBook.findings());
            session.insert(facts);
            if (filter == null) {
                session.fireAllRules();
            } else {
                session.fireAllRules(filter);
            }
            @SuppressWarnings("unchecked")
            Collection<RaisedFinding> raised = (Collection<RaisedFinding>) session.getObjects(RAISED);
            return assembler.assemble(facts, raised, screeningComplete(session), asOf);
        } finally {
            session.dispose();
        }
    }

    /**
     * False when the rules inferred, in this session, a derived fact that says the screening is incomplete.
     * Reads the derived facts alone: a filter that is not a class filter would make Drools test every fact
     * of the session, and count them all to answer whether there is one.
     */
    static boolean screeningComplete(KieSession session) {
        for (Object fact : session.getObjects(DERIVED)) {
            if (((DerivedFact) fact).getKind().meansIncompleteScreening()) {
                return false;
            }
        }
        return true;
    }

    /** {@return the id, version and hash of the loaded knowledge base} */
    public KnowledgeBaseInfo knowledgeBase() {
        return ruleBook.knowledgeBase();
    }

    /** {@return the decision rules as catalogue entries, ordered by id} */
    public List<RuleInfo> catalogue() {
        return ruleBook.catalogue();
    }

    /** The rule base the build precompiled, loaded from its generated model classes. */
    static KieBase loadKieBase() {
        return KieBaseBuilder.createKieBaseFromModel(loadModel());
    }

    static Model loadModel() {
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
