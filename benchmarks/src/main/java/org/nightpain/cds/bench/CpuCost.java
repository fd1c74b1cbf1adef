package org.nightpain.cds.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.nightpain.cds.PatientFacts;

/**
 * The variants of {@link EngineBenchmark} measured in CPU time and allocated bytes of the calling thread
 * instead of wall time. On a machine shared with other work, wall time counts the time this thread
 * waited for a core; CPU time does not, so it compares variants more steadily. The variants run in
 * interleaved rounds; the first rounds are warm-up. Arguments: rounds (default 12), calls per round
 * (default 20000) and a regular expression that picks variants by name (default: all). Prints median,
 * min and max over the measured rounds.
 */
public final class CpuCost {
    private static final int WARM_UP_ROUNDS = 4;
    private static volatile Object sink;

    private CpuCost() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        String only = args.length > 2 ? args[2] : ".*";
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        EngineBenchmark.Engines engines = new EngineBenchmark.Engines();
        engines.setUp();
        PatientFacts[] patients = engines.patients;
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Function<PatientFacts, Object>> variant : engines.variants().entrySet()) {
                if (!variant.getKey().matches(only)) {
                    continue;
                }
                Function<PatientFacts, Object> call = variant.getValue();
                long cpu = threads.getCurrentThreadCpuTime();
                long bytes = threads.getThreadAllocatedBytes(thread);
                for (int i = 0; i < calls; i++) {
                    sink = call.apply(patients[i & (patients.length - 1)]);
                }
                double micros = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / calls;
                double allocated = (double) (threads.getThreadAllocatedBytes(thread) - bytes) / calls;
                if (round >= WARM_UP_ROUNDS) {
                    results.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(new double[] {micros, allocated});
                }
            }
        }
        System.out.printf("%-22s %28s %24s%n", "variant", "CPU us/call: median (min-max)", "allocated bytes/call");
        results.forEach((name, values) -> {
            List<Double> micros = new ArrayList<>();
            List<Double> bytes = new ArrayList<>();
            values.forEach(v -> {
                micros.add(v[0]);
                bytes.add(v[1]);
            });
            Collections.sort(micros);
            Collections.sort(bytes);
            System.out.printf("%-22s %12.2f (%.2f-%.2f) %24.0f%n", name, micros.get(micros.size() / 2),
                    micros.get(0), micros.get(micros.size() - 1), bytes.get(bytes.size() / 2));
        });
    }
}
