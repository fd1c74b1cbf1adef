package org.nightpain.cds.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Example;
import org.drools.model.EntryPoint;
import org.drools.model.Global;
import org.drools.model.Model;
import org.drools.model.Query;
import org.drools.model.Rule;
import org.drools.model.TypeMetaData;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.knowledge.RaisedFinding;
import org.nightpain.cds.knowledge.RuleBook;
import org.nightpain.cds.safety.CorpusCase;
import org.nightpain.cds.safety.Patients;

/**
 * Clinical-knowledge §6.12: the order in which rules fire does not change the result. Rules run in
 * salience layers (docs/rules.md); within a layer Drools fires the rules with pending matches in their
 * load order, which is the order the precompiled model lists them in. This test builds the knowledge base
 * again from the same precompiled model with its rules listed in a random order (each rule keeps its
 * salience, so only the order within a layer changes), and assesses every corpus case and hundreds of
 * generated patients on each: every result must equal the normal one, findings, suppressed findings,
 * urgency, referrals, the facts each finding cites and the questions to ask alike.
 *
 * <p>An assessment inserts a single fact, the patient; every other fact (the derived facts and the
 * raised findings) is inserted by a rule. So the order of insertions is the order of firing, and this
 * test covers both.
 *
 * <p>Why not pick one pending match at random at each step and fire it through an agenda filter:
 * Drools 10 discards a match that an agenda filter refuses (it is not offered again), so firing "only
 * this match" would silently drop every match the engine offered before it.
 */
class FiringOrderTest {
    /** Random orders tried; two rules of a layer are tried in both orders unless one needs the other. */
    private static final int ORDERS = 10;
    private static final int GENERATED = 400;

    private static final RuleEngine ENGINE = RuleEngine.load();
    private static final Model MODEL = RuleEngine.loadModel();
    private static final KieBase KIE_BASE = RuleEngine.loadKieBase();
    private static final RuleBook RULE_BOOK = RuleBook.read(KIE_BASE.getKiePackages().stream()
            .flatMap(p -> p.getRules().stream()).toList());
    private static final AssessmentAssembler ASSEMBLER = new AssessmentAssembler(RULE_BOOK);

    /** One assessment and the rules it fired, in firing order. */
    private record Run(Assessment assessment, List<String> fired) {
    }

    @Example
    void anyOrderOfTheRulesWithinTheirLayers_givesTheSameAssessment() {
        List<PatientFacts> patients = patients();
        List<Assessment> normal = patients.stream().map(p -> ENGINE.assess(p, Fixtures.AS_OF)).toList();
        List<Run> inModelOrder = patients.stream().map(p -> run(KIE_BASE, p)).toList();
        for (int i = 0; i < patients.size(); i++) {
            // the harness assesses as the engine does
            assertThat(inModelOrder.get(i).assessment()).isEqualTo(normal.get(i));
        }

        List<String> differences = new ArrayList<>();
        int reorderable = 0;
        int reordered = 0;
        Map<String, Set<Boolean>> pairOrders = new HashMap<>();
        for (int order = 1; order <= ORDERS; order++) {
            KieBase permuted = KieBaseBuilder.createKieBaseFromModel(shuffled(MODEL, new Random(order)));
            for (int i = 0; i < patients.size(); i++) {
                Run run = run(permuted, patients.get(i));
                Assessment expected = normal.get(i);
                if (!run.assessment().equals(expected) || !run.assessment().toString().equals(expected.toString())) {
                    differences.add("order " + order + ", patient " + i + ": " + run.assessment() + " instead of " + expected);
                }
                if (sharesALayer(inModelOrder.get(i).fired())) {
                    reorderable++;
                    if (!run.fired().equals(inModelOrder.get(i).fired())) {
                        reordered++;
                    }
                }
                recordPairs(run.fired(), pairOrders);
            }
        }

        assertThat(differences).as("assessments that depend on the order in which rules fire").isEmpty();
        // The check has teeth only if the orders really differ: of the runs that fire two or more rules of
        // one layer (the only runs whose order can change), most must fire in another order.
        assertThat(reorderable).as("runs that fire two rules of one layer").isGreaterThan(ORDERS * patients.size() / 2);
        assertThat(reordered).as("runs whose firing order differs from the model's order, of %d that could", reorderable)
                .isGreaterThan(reorderable / 2);
        long bothWays = pairOrders.values().stream().filter(seen -> seen.size() == 2).count();
        assertThat(bothWays).as("pairs of rules of one layer seen firing in both orders, of %d pairs", pairOrders.size())
                .isGreaterThan(pairOrders.size() / 2);
    }

    /** The corpus (the vignettes and every case file) and generated patients from a fixed seed. */
    private static List<PatientFacts> patients() {
        List<PatientFacts> patients = new ArrayList<>();
        CorpusCase.all().forEach(c -> patients.add(c.facts()));
        var generator = Patients.valid().generator(1000);
        Random random = new Random(20261125L);
        for (int i = 0; i < GENERATED; i++) {
            patients.add(generator.next(random).value());
        }
        return patients;
    }

    /** Assesses as the engine does, on a knowledge base of one's choice, and records the firing order. */
    private static Run run(KieBase kieBase, PatientFacts facts) {
        KieSession session = kieBase.newKieSession();
        try {
            List<String> fired = new ArrayList<>();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            session.setGlobal("findings", RULE_BOOK.findings());
            session.insert(facts);
            session.fireAllRules();
            @SuppressWarnings("unchecked")
            Collection<RaisedFinding> raised = (Collection<RaisedFinding>) session.getObjects(
                    new ClassObjectFilter(RaisedFinding.class));
            return new Run(ASSEMBLER.assemble(facts, raised, RuleEngine.screeningComplete(session), Fixtures.AS_OF),
                    fired);
        } finally {
            session.dispose();
        }
    }

    /** True when two different rules of the same salience fired in the run. */
    private static boolean sharesALayer(List<String> fired) {
        Map<Integer, String> byLayer = new HashMap<>();
        for (String rule : fired) {
            String other = byLayer.putIfAbsent(SALIENCE.get(rule), rule);
            if (other != null && !other.equals(rule)) {
                return true;
            }
        }
        return false;
    }

    /** For each pair of rules that fired in one run and share a salience, which of them fired first. */
    private static void recordPairs(List<String> fired, Map<String, Set<Boolean>> pairOrders) {
        Map<String, Integer> salience = SALIENCE;
        Set<String> seen = new HashSet<>();
        List<String> firsts = new ArrayList<>();
        for (String rule : fired) {
            if (seen.add(rule)) {
                firsts.add(rule);
            }
        }
        for (int a = 0; a < firsts.size(); a++) {
            for (int b = a + 1; b < firsts.size(); b++) {
                String first = firsts.get(a);
                String second = firsts.get(b);
                if (salience.get(first).equals(salience.get(second))) {
                    boolean ordered = first.compareTo(second) < 0;
                    String key = ordered ? first + " | " + second : second + " | " + first;
                    pairOrders.computeIfAbsent(key, k -> new HashSet<>()).add(ordered);
                }
            }
        }
    }

    private static final Map<String, Integer> SALIENCE = salience();

    private static Map<String, Integer> salience() {
        Map<String, Integer> salience = new HashMap<>();
        KIE_BASE.getKiePackages().forEach(p -> p.getRules().forEach(rule ->
                salience.put(rule.getName(), ((org.drools.base.definitions.rule.impl.RuleImpl) rule).getSalienceValue())));
        return salience;
    }

    /** The same model with its rules listed in a random order: their load order, and so their order within a layer. */
    private static Model shuffled(Model model, Random random) {
        List<Rule> rules = new ArrayList<>(model.getRules());
        Collections.shuffle(rules, random);
        List<Rule> order = List.copyOf(rules);
        return new Model() {
            @Override
            public String getName() {
                return model.getName();
            }

            @Override
            public String getPackageName() {
                return model.getPackageName();
            }

            @Override
            public List<Global> getGlobals() {
                return model.getGlobals();
            }

            @Override
            public List<Rule> getRules() {
                return order;
            }

            @Override
            public List<Query> getQueries() {
                return model.getQueries();
            }

            @Override
            public List<TypeMetaData> getTypeMetaDatas() {
                return model.getTypeMetaDatas();
            }

            @Override
            public List<EntryPoint> getEntryPoints() {
                return model.getEntryPoints();
            }
        };
    }
}
