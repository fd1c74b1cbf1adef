package org.nightpain.cds.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kie.api.runtime.KieSession;
import org.nightpain.cds.PatientFacts;

/**
 * How the cost of one full assessment grows with what the rules find: the benchmark population grouped
 * by findings per assessment (presented and suppressed), and for each group the rules fired, the facts
 * in the session at the end (the patient, derived facts and findings), and the CPU time and bytes
 * allocated per assessment of the calling thread. Arguments: patients drawn (default 8192) and
 * measured rounds per group (default 5, after 3 warm-up rounds over the whole population).
 */
public final class CostByFindings {
    private static volatile Object sink;

    private CostByFindings() {
    }

    public static void main(String[] args) {
        int drawn = args.length > 0 ? Integer.parseInt(args[0]) : 8192;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        EngineBenchmark.Engines engines = new EngineBenchmark.Engines();
        engines.setUp();
        List<PatientFacts> population = Patients.generate(Patients.SEED, drawn);
        Map<Integer, List<PatientFacts>> byFindings = new TreeMap<>();
        Map<Integer, long[]> work = new TreeMap<>();
        for (PatientFacts facts : population) {
            int findings = Population.findingsOf(engines.assessor.assess(facts, Population.AS_OF));
            byFindings.computeIfAbsent(findings, k -> new ArrayList<>()).add(facts);
            long[] sums = work.computeIfAbsent(findings, k -> new long[2]);
            KieSession session = engines.rulesPool.newKieSession();
            try {
                session.setGlobal("findings", engines.ruleBook.findings());
                session.insert(facts);
                sums[0] += session.fireAllRules();
                sums[1] += session.getFactCount();
            } finally {
                session.dispose();
            }
        }
        for (int warm = 0; warm < 3; warm++) {
            for (PatientFacts facts : population) {
                sink = engines.full(facts);
            }
        }
        System.out.printf("%8s %8s %12s %12s %26s %14s%n", "findings", "patients", "rules fired", "facts",
                "CPU us/assessment: median", "bytes/assess.");
        byFindings.forEach((findings, patients) -> {
            int calls = Math.max(20_000 / patients.size(), 1) * patients.size();
            List<Double> micros = new ArrayList<>();
            long bytes = 0;
            for (int round = 0; round < rounds; round++) {
                long cpu = threads.getCurrentThreadCpuTime();
                long allocated = threads.getThreadAllocatedBytes(thread);
                for (int i = 0; i < calls; i++) {
                    sink = engines.full(patients.get(i % patients.size()));
                }
                micros.add((threads.getCurrentThreadCpuTime() - cpu) / 1e3 / calls);
                bytes = (threads.getThreadAllocatedBytes(thread) - allocated) / calls;
            }
            micros.sort(null);
            long[] sums = work.get(findings);
            System.out.printf("%8d %8d %12.1f %12.1f %26.1f %14d%n", findings, patients.size(),
                    (double) sums[0] / patients.size(), (double) sums[1] / patients.size(),
                    micros.get(micros.size() / 2), bytes);
        });
    }
}
