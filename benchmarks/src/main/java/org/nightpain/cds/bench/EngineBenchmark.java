package org.nightpain.cds.bench;

import static org.drools.model.DSL.declarationOf;
import static org.drools.model.DSL.execute;
import static org.drools.model.PatternDSL.pattern;
import static org.drools.model.PatternDSL.rule;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.drools.model.Variable;
import org.drools.model.impl.ModelImpl;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.command.KieCommands;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.ObjectFilter;
import org.kie.api.runtime.StatelessKieSession;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.knowledge.RaisedFinding;
import org.nightpain.cds.knowledge.RuleBook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where an assessment's time goes, and which way of opening Drools sessions is cheapest. It loads the
 * library's precompiled rule model as the engine does, and opens sessions on it with the knowledge
 * base's {@code findings} global, so that it needs nothing of the engine but its public face.
 *
 * <ul>
 *   <li>{@code floorEmptyRuleBase}, {@code floorTrivialRuleBase}: the same patient through a rule base
 *       with no rule, or with one rule that matches and does nothing: what Drools costs before any of
 *       our rules.</li>
 *   <li>{@code rulesPooled}, {@code rulesNewSession}, {@code rulesStateless}: our rules only (findings
 *       raised and collected, no explanation built), with a pooled session (what the engine does), a new
 *       session per call, or one shared stateless session.</li>
 *   <li>{@code explanationsOnly}: turning findings raised beforehand into an assessment (explanations,
 *       referrals, questions), without the rules.</li>
 *   <li>{@code fullAssessment}: what the engine does, explanations and questions included.</li>
 * </ul>
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineBenchmark {
    private static final ObjectFilter RAISED = new ClassObjectFilter(RaisedFinding.class);

    /** The engine and the rule bases to compare it with, each variant a function of one patient. */
    @State(Scope.Benchmark)
    public static class Engines {
        NightPainAssessor assessor;
        RuleBook ruleBook;
        KieBase rules;
        KieSessionsPool rulesPool;
        StatelessKieSession stateless;
        KieCommands commands;
        KieSessionsPool emptyPool;
        KieSessionsPool trivialPool;
        PatientFacts[] patients;
        Map<PatientFacts, List<RaisedFinding>> raised;

        @Setup(Level.Trial)
        public void setUp() {
            int threads = Runtime.getRuntime().availableProcessors();
            assessor = NightPainAssessor.create();
            rules = PrecompiledRules.kieBase();
            ruleBook = RuleBook.read(PrecompiledRules.rules(rules));
            rulesPool = rules.newKieSessionsPool(threads);
            stateless = rules.newStatelessKieSession();
            stateless.setGlobal("findings", ruleBook.findings());
            commands = KieServices.get().getCommands();
            emptyPool = KieBaseBuilder.createKieBaseFromModel(new ModelImpl()).newKieSessionsPool(threads);
            Variable<PatientFacts> patient = declarationOf(PatientFacts.class);
            trivialPool = KieBaseBuilder.createKieBaseFromModel(new ModelImpl().addRule(rule("trivial").build(
                    pattern(patient).expr("aged", facts -> facts.ageYears() != null), execute(() -> { }))))
                    .newKieSessionsPool(threads);
            patients = Patients.generate(Patients.SEED, 1024).toArray(PatientFacts[]::new);
            raised = new IdentityHashMap<>();
            for (PatientFacts facts : patients) {
                @SuppressWarnings("unchecked")
                List<RaisedFinding> findingsRaised = (List<RaisedFinding>) (List<?>) rulesPooled(facts);
                raised.put(facts, findingsRaised);
            }
        }

        PatientFacts next(Population.Cursor cursor) {
            return patients[cursor.next()];
        }

        /** Every variant by name, in the order of the class comment. */
        Map<String, Function<PatientFacts, Object>> variants() {
            Map<String, Function<PatientFacts, Object>> variants = new LinkedHashMap<>();
            variants.put("floorEmptyRuleBase", this::floorEmpty);
            variants.put("floorTrivialRuleBase", this::floorTrivial);
            variants.put("rulesPooled", this::rulesPooled);
            variants.put("rulesNewSession", this::rulesNewSession);
            variants.put("rulesStateless", this::rulesStateless);
            variants.put("explanationsOnly", this::explanations);
            variants.put("fullAssessment", this::full);
            return variants;
        }

        Object floorEmpty(PatientFacts facts) {
            return insertAndFire(emptyPool.newKieSession(), facts);
        }

        Object floorTrivial(PatientFacts facts) {
            return insertAndFire(trivialPool.newKieSession(), facts);
        }

        Object rulesPooled(PatientFacts facts) {
            return raise(rulesPool.newKieSession(), facts);
        }

        Object rulesNewSession(PatientFacts facts) {
            return raise(rules.newKieSession(), facts);
        }

        Object rulesStateless(PatientFacts facts) {
            return stateless.execute(commands.newBatchExecution(List.of(
                    commands.newInsert(facts),
                    commands.newFireAllRules(),
                    commands.newGetObjects(RAISED, "raised")))).getValue("raised");
        }

        /** What the engine does with the raised findings: each turned into a finding, and the questions to ask. */
        Object explanations(PatientFacts facts) {
            List<Object> explained = new ArrayList<>();
            for (RaisedFinding finding : raised.get(facts)) {
                explained.add(finding.toFinding(facts));
            }
            // no urgency given: the questions of a routine result, which leaves none out
            explained.add(ruleBook.questionsFor(facts, null));
            return explained;
        }

        Object full(PatientFacts facts) {
            return assessor.assess(facts, Population.AS_OF);
        }

        private static int insertAndFire(KieSession session, PatientFacts facts) {
            try {
                session.insert(facts);
                return session.fireAllRules();
            } finally {
                session.dispose();
            }
        }

        private List<Object> raise(KieSession session, PatientFacts facts) {
            try {
                session.setGlobal("findings", ruleBook.findings());
                session.insert(facts);
                session.fireAllRules();
                // The collection is a live view of the session: copy it before the session is reset.
                return new ArrayList<>(session.getObjects(RAISED));
            } finally {
                session.dispose();
            }
        }
    }

    @Benchmark
    public Object floorEmptyRuleBase(Engines engines, Population.Cursor cursor) {
        return engines.floorEmpty(engines.next(cursor));
    }

    @Benchmark
    public Object floorTrivialRuleBase(Engines engines, Population.Cursor cursor) {
        return engines.floorTrivial(engines.next(cursor));
    }

    @Benchmark
    public Object rulesPooled(Engines engines, Population.Cursor cursor) {
        return engines.rulesPooled(engines.next(cursor));
    }

    @Benchmark
    public Object rulesNewSession(Engines engines, Population.Cursor cursor) {
        return engines.rulesNewSession(engines.next(cursor));
    }

    @Benchmark
    public Object rulesStateless(Engines engines, Population.Cursor cursor) {
        return engines.rulesStateless(engines.next(cursor));
    }

    @Benchmark
    public Object explanationsOnly(Engines engines, Population.Cursor cursor) {
        return engines.explanations(engines.next(cursor));
    }

    @Benchmark
    public Object fullAssessment(Engines engines, Population.Cursor cursor) {
        return engines.full(engines.next(cursor));
    }
}
