package org.nightpain.cds.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nightpain.cds.JsonTestSupport.ndjson;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightpain.cds.Fixtures;

/**
 * Batches spread over worker threads: the output must keep the input's order and count whatever order
 * the workers finish in, and the input must not be read further ahead than the window of chunks.
 */
class ParallelBatchTest {
    /** Workers that finish in a shuffled order: each assessment waits a random 0-200 µs first. */
    private static final AssessmentJson SHUFFLING = new AssessmentJson((facts, asOf) -> {
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000));
        return Fixtures.ASSESSOR.assess(facts, asOf);
    }, JsonCodec.create());
    private static final AssessmentJson JSON_SMALL_CHUNKS = AssessmentJson.create(Fixtures.ASSESSOR)
            .withBatchShape(new ParallelBatch.Shape(2, 8, 1 << 20, 2));

    static List<ParallelBatch.Shape> shapes() {
        return List.of(
                new ParallelBatch.Shape(4, 3, 1 << 20, 5),   // many small chunks, more threads than cores
                new ParallelBatch.Shape(2, 64, 2_000, 2),    // chunks cut by their size in bytes
                new ParallelBatch.Shape(1, 1, 1, 1),         // one record at a time
                ParallelBatch.Shape.forThisMachine());
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void bigBatchWithBadLinesInterleaved_answersEveryRecordOnceInInputOrder(ParallelBatch.Shape shape) throws Exception {
        StringBuilder input = new StringBuilder();
        List<Long> requestLines = new ArrayList<>();
        int lineCount = 2_000;
        for (int line = 1; line <= lineCount; line++) {
            if (line % 11 == 0) {
                input.append(line % 2 == 0 ? "" : "  \t").append('\n');
                continue;
            }
            requestLines.add((long) line);
            input.append(request(line)).append(line % 7 == 0 ? "\r\n" : "\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> progress = new ArrayList<>();

        BatchSummary summary = SHUFFLING.withBatchShape(shape)
                .assessNdjson(new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)), out, progress::add);

        List<JsonNode> answers = ndjson(out.toString(StandardCharsets.UTF_8));
        assertThat(answers).hasSameSizeAs(requestLines);
        long invalid = 0;
        for (int i = 0; i < answers.size(); i++) {
            long line = requestLines.get(i);
            JsonNode answer = answers.get(i);
            if (line % 13 == 0) {
                assertThat(answer.at("/error/code").asText()).as("answer %d", i).isEqualTo("MALFORMED_JSON");
                assertThat(answer.at("/error/line").asLong()).as("answer %d", i).isEqualTo(line);
                invalid++;
            } else if (line % 17 == 0) {
                assertThat(answer.get("id").asText()).as("answer %d", i).isEqualTo("r" + line);
                assertThat(answer.at("/error/code").asText()).as("answer %d", i).isEqualTo("INVALID_INPUT");
                assertThat(answer.at("/error/line").asLong()).as("answer %d", i).isEqualTo(line);
                invalid++;
            } else {
                assertThat(answer.get("id").asText()).as("answer %d", i).isEqualTo("r" + line);
                assertThat(answer.has("highestUrgency")).as("answer %d", i).isTrue();
            }
        }
        assertThat(summary).isEqualTo(new BatchSummary(requestLines.size(), invalid, 0));
        assertThat(progress).hasSize(requestLines.size());
        for (int i = 0; i < progress.size(); i++) {
            assertThat(progress.get(i)).isEqualTo(i + 1L);
        }
    }

    /** A valid request, a malformed one (every 13th line) or an invalid one (every 17th). */
    private static String request(int line) {
        if (line % 13 == 0) {
            return "{\"id\": \"r" + line + "\", \"ageYears\": ";
        }
        if (line % 17 == 0) {
            return "{\"id\": \"r" + line + "\", \"nightPain\": \"sometimes\"}";
        }
        return "{\"id\": \"r" + line + "\", \"ageYears\": " + (18 + line % 70) + ", \"nightPain\": \"YES\","
                + " \"urinaryRetention\": \"" + (line % 5 == 0 ? "YES" : "NO") + "\"}";
    }

    @Test
    void readsNoFurtherAheadThanTheChunksInFlight() throws Exception {
        ParallelBatch.Shape shape = new ParallelBatch.Shape(2, 4, 1 << 20, 2);
        int records = 500;
        LineCountingOutput out = new LineCountingOutput();
        // A file-like input (it always has more to give at once) that hands out one line per read.
        InputStream in = new InputStream() {
            private int served;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                out.readAhead = Math.max(out.readAhead, served - out.lines);
                if (served == records) {
                    return -1;
                }
                byte[] line = (request(++served) + "\n").getBytes(StandardCharsets.UTF_8);
                System.arraycopy(line, 0, buffer, offset, line.length);
                return line.length;
            }

            @Override
            public int available() {
                return served < records ? 1 : 0;
            }
        };

        BatchSummary summary = SHUFFLING.withBatchShape(shape).assessNdjson(in, out, done -> { });

        assertThat(summary.records()).isEqualTo(records);
        assertThat(out.lines).isEqualTo(records);
        // The chunks waiting to be written, the one being filled and the line being read.
        int window = shape.recordsPerChunk() * (shape.chunksInFlight() + 1) + 1;
        assertThat(out.readAhead).as("records read but not yet written").isPositive().isLessThanOrEqualTo(window);
    }

    @Test
    void anErrorInAWorkerReachesTheCaller() {
        AssessmentJson broken = new AssessmentJson((facts, asOf) -> {
            throw new StackOverflowError("deep");
        }, JsonCodec.create()).withBatchShape(new ParallelBatch.Shape(2, 2, 1 << 20, 2));
        String input = "{\"ageYears\": 40}\n".repeat(20);

        assertThatThrownBy(() -> broken.assessNdjson(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), done -> { }))
                .isInstanceOf(StackOverflowError.class).hasMessage("deep");
    }

    @Test
    void anOutputThatFailsStopsTheBatch() {
        String input = (request(1) + "\n").repeat(200);
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                throw new IOException("disk full");
            }
        };

        assertThatThrownBy(() -> JSON_SMALL_CHUNKS.assessNdjson(
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), failing, done -> { }))
                .isInstanceOf(IOException.class).hasMessage("disk full");
    }

    /** Counts the lines written so far. */
    private static final class LineCountingOutput extends OutputStream {
        private int lines;
        private int readAhead;

        @Override
        public void write(int b) {
            lines += b == '\n' ? 1 : 0;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }
    }
}
