package org.nightpain.cds.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.bench.GeneratePatients;
import org.nightpain.cds.bench.Population;
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
 * The two JSON halves of a batch record, apart from the assessment between them, done the way
 * {@code assessNdjson} does them (it sits in the codec's package to reach the same calls): reading one
 * request line of the generated patients, and writing one compact result into a reused buffer.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JsonBenchmark {

    /** The population's patients as request lines, and their assessments. */
    @State(Scope.Benchmark)
    public static class Requests extends Population {
        final RequestReader reader = JsonCodec.create().reader();
        byte[][] requests;
        String[] ids;
        Assessment[] results;

        @Override
        @Setup(Level.Trial)
        public void setUp() {
            super.setUp();
            PatientFacts[] patients = patients();
            requests = new byte[patients.length][];
            ids = new String[patients.length];
            results = new Assessment[patients.length];
            StringBuilder line = new StringBuilder(2048);
            for (int i = 0; i < patients.length; i++) {
                line.setLength(0);
                GeneratePatients.appendRequest(line, i, patients[i]);
                requests[i] = line.toString().getBytes(StandardCharsets.UTF_8);
                ids[i] = "p" + i;
                results[i] = assessor().assess(patients[i], AS_OF);
            }
        }
    }

    /** A thread's output buffer, reused from record to record as a batch worker reuses its own. */
    @State(Scope.Thread)
    public static class Output {
        final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 14);
    }

    @Benchmark
    public AssessmentRequest readRequest(Requests requests, Population.Cursor cursor) {
        byte[] request = requests.requests[cursor.next()];
        return requests.reader.read(request, 0, request.length, 1);
    }

    @Benchmark
    public int writeResult(Requests requests, Population.Cursor cursor, Output output) {
        int next = cursor.next();
        output.buffer.reset();
        JsonCodec.writeTo(output.buffer, json -> JsonWriter.result(json, requests.ids[next], requests.results[next]), false);
        return output.buffer.size();
    }
}
