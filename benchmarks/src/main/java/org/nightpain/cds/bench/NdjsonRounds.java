package org.nightpain.cds.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.json.AssessmentJson;
import org.nightpain.cds.json.BatchSummary;

/**
 * {@code AssessmentJson.assessNdjson} in one JVM, round after round over the same generated requests held
 * in memory, with the answers counted and dropped: the batch's own speed once the JIT compilers are
 * done, without the pipe and the disk of a command-line run. Prints, per round, the records per second
 * and the CPU time of the whole process per record (all threads: workers, the reading and writing
 * thread, compilers and GC). Arguments: patients per round (default 100000) and rounds (default 6). The
 * requests are held in memory (about 1.4 KB each): give it -Xmx1g for 100,000.
 */
public final class NdjsonRounds {
    private NdjsonRounds() {
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        Patients patients = new Patients(Patients.SEED);
        StringBuilder text = new StringBuilder(count * 1500);
        for (int i = 1; i <= count; i++) {
            GeneratePatients.appendRequest(text, i, patients.next());
            text.append('\n');
        }
        byte[] input = text.toString().getBytes(StandardCharsets.UTF_8);
        text = null;
        AssessmentJson json = AssessmentJson.create(NightPainAssessor.create());
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Counter out = new Counter();
        System.out.printf("threads=%d input_mib=%.1f%n", Runtime.getRuntime().availableProcessors(),
                input.length / 1048576.0);
        for (int round = 1; round <= rounds; round++) {
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            BatchSummary summary = json.assessNdjson(new ByteArrayInputStream(input), out, done -> { });
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("round=%d records=%d records_per_s=%.0f cpu_us_per_record=%.1f output_bytes_per_record=%.0f%n",
                    round, summary.records(), summary.records() / seconds,
                    (os.getProcessCpuTime() - cpu) / 1e3 / summary.records(), out.take() / (double) summary.records());
        }
    }

    /** Counts the bytes written and keeps none. */
    private static final class Counter extends OutputStream {
        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            bytes += length;
        }

        long take() {
            long taken = bytes;
            bytes = 0;
            return taken;
        }
    }
}
