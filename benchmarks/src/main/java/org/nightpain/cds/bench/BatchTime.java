package org.nightpain.cds.bench;

import java.lang.management.ManagementFactory;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.PatientFacts;

/**
 * A batch through the Java API in a fresh JVM: creates the assessor, then assesses N patients on one
 * thread (cycling through 4096 generated ones, so that generating them is not timed), and prints the
 * elapsed time at batch sizes 1, 10, 100, ... up to N: how the mean cost per patient falls as start-up
 * and JIT warm-up are spread over more patients. Argument: N (default 1000000). The timing script runs
 * it with a heap cap.
 */
public final class BatchTime {
    private static volatile Object sink;

    private BatchTime() {
    }

    public static void main(String[] args) {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        PatientFacts[] patients = Patients.generate(Patients.SEED, 4096).toArray(PatientFacts[]::new);
        long start = System.nanoTime();
        NightPainAssessor assessor = NightPainAssessor.create();
        long created = System.nanoTime();
        System.out.printf("create_ms=%.1f%n", (created - start) / 1e6);
        long next = 1;
        long previousCount = 0;
        long previousTime = created;
        for (long i = 1; i <= count; i++) {
            sink = assessor.assess(patients[(int) (i & 4095)], Population.AS_OF);
            if (i == next || i == count) {
                long now = System.nanoTime();
                System.out.printf("batch=%d elapsed_ms=%.1f mean_us=%.2f marginal_us=%.2f%n", i, (now - created) / 1e6,
                        (now - created) / 1e3 / i, (now - previousTime) / 1e3 / (i - previousCount));
                previousCount = i;
                previousTime = now;
                next *= 10;
            }
        }
        long total = System.nanoTime() - created;
        System.out.printf("patients=%d assessments_per_s=%.0f heap_used_mib=%.1f%n", count, count / (total / 1e9),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
    }
}
