package org.nightpain.cds.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
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
import org.nightpain.cds.Assessment;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.json.AssessmentJson;

/**
 * The JSON pipeline of a batch record through the public entry, {@link AssessmentJson}: one request line
 * of the generated patients read, assessed and written as a compact result ({@code requestToResult}),
 * beside the assessment of the same patient from the Java API ({@code assessmentOnly}). The difference
 * between the two is what reading and writing JSON costs.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JsonBenchmark {

    /** The population's patients as request lines. */
    @State(Scope.Benchmark)
    public static class Requests extends Population {
        AssessmentJson json;
        byte[][] requests;

        @Override
        @Setup(Level.Trial)
        public void setUp() {
            super.setUp();
            json = AssessmentJson.create(assessor());
            PatientFacts[] patients = patients();
            requests = new byte[patients.length][];
            StringBuilder line = new StringBuilder(2048);
            for (int i = 0; i < patients.length; i++) {
                line.setLength(0);
                GeneratePatients.appendRequest(line, i, patients[i]);
                requests[i] = line.toString().getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    @Benchmark
    public byte[] requestToResult(Requests requests, Population.Cursor cursor) {
        return requests.json.assess(requests.requests[cursor.next()]);
    }

    @Benchmark
    public Assessment assessmentOnly(Requests requests, Population.Cursor cursor) {
        return requests.assessor().assess(requests.patients()[cursor.next()], Population.AS_OF);
    }
}
