package org.nightpain.cds.bench;

import java.util.concurrent.TimeUnit;
import org.nightpain.cds.Assessment;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One assessment through the public API, explanations included, steady state: latency (average and
 * percentiles) per findings bucket, and throughput at one and two threads sharing one assessor.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class AssessBenchmark {

    /** The population narrowed to a findings bucket, so cost can be read against the number of findings. */
    @State(Scope.Benchmark)
    public static class ByFindings extends Population {
        @Param({"all", "1", "2-3", "4-6", "7-99"})
        public String findings;

        @Override
        protected String findings() {
            return findings;
        }
    }

    @Benchmark
    @BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Assessment latency(ByFindings population, Population.Cursor cursor) {
        return population.assessNext(cursor);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public Assessment throughputOneThread(Population population, Population.Cursor cursor) {
        return population.assessNext(cursor);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public Assessment throughputTwoThreads(Population population, Population.Cursor cursor) {
        return population.assessNext(cursor);
    }
}
