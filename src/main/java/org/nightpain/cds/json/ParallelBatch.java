package org.nightpain.cds.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * Answers a newline-delimited batch on a few worker threads and writes the answers in input order.
 *
 * <p>The calling thread reads lines into chunks of records and hands each chunk to the workers, which
 * read, assess and write its records; the calling thread then writes the finished chunks in the order
 * they were read. At most {@link Shape#chunksInFlight()} chunks wait to be written: when the window is
 * full the calling thread writes the oldest before it reads on, so a slow consumer of the output slows
 * the reading of the input and memory does not grow with the input. When the input has nothing more to
 * give at once, every chunk read so far is answered, written and flushed before the read that may block,
 * so an interactive producer sees each answer before it sends the next line.
 *
 * <p>One instance answers one batch; not thread-safe.
 */
final class ParallelBatch {
    /** Answers one record: writes its result or error object, without a newline, to {@code out}. */
    interface Responder {
        AssessmentJson.Outcome respond(byte[] bytes, int offset, int length, long line, ByteArrayOutputStream out);
    }

    /**
     * How a batch is cut up and spread.
     *
     * @param threads         worker threads
     * @param recordsPerChunk records handed to a worker at once, at most
     * @param bytesPerChunk   input bytes after which a chunk is handed on even if it has fewer records
     * @param chunksInFlight  chunks read but not yet written, at most
     */
    record Shape(int threads, int recordsPerChunk, int bytesPerChunk, int chunksInFlight) {
        Shape {
            if (threads < 1 || recordsPerChunk < 1 || bytesPerChunk < 1 || chunksInFlight < 1) {
                throw new IllegalArgumentException("every part of a batch shape must be at least 1: " + this);
            }
        }

        /**
         * One worker per processor; chunks of up to 128 records (about 6 ms of work each), and twice as
         * many chunks in flight as workers so that no worker waits for the writer.
         */
        static Shape forThisMachine() {
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
            return new Shape(threads, 128, 256 * 1024, 2 * threads);
        }
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Shape shape;
    private final Responder responder;
    private final ArrayDeque<Future<Chunk>> inFlight = new ArrayDeque<>();
    private final ArrayDeque<Chunk> spare = new ArrayDeque<>();
    private ExecutorService workers;
    private OutputStream out;
    private LongConsumer progress;
    private Chunk current;
    private long records;
    private long invalid;
    private long internalErrors;

    ParallelBatch(Shape shape, Responder responder) {
        this.shape = shape;
        this.responder = responder;
    }

    BatchSummary run(InputStream in, OutputStream out, LongConsumer progress) throws IOException {
        this.out = out;
        this.progress = progress;
        int pool = POOLS.incrementAndGet();
        AtomicInteger threadNumber = new AtomicInteger();
        workers = Executors.newFixedThreadPool(shape.threads(), task -> {
            Thread thread = new Thread(task, "nightpain-ndjson-" + pool + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            LineReader lines = new LineReader(in, JsonCodec.MAX_REQUEST_BYTES + 1, () -> {
                if (mayBlock(in)) {
                    writeAll();
                }
            });
            current = chunk();
            while (lines.next()) {
                if (lines.isBlank()) {
                    continue;
                }
                if (current.add(lines.bytes(), lines.length(), lines.lineNumber())) {
                    handOn();
                }
            }
            writeAll();
            return new BatchSummary(records, invalid, internalErrors);
        } finally {
            // Only after a failure can a worker still be busy; it finishes its chunk and its thread ends.
            workers.shutdownNow();
        }
    }

    /** True unless the input says it has bytes that can be read without waiting. */
    private static boolean mayBlock(InputStream in) {
        try {
            return in.available() <= 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** Hands the current chunk to the workers, first writing the oldest chunk if the window is full. */
    private void handOn() throws IOException {
        if (current.count == 0) {
            return;
        }
        if (inFlight.size() == shape.chunksInFlight()) {
            writeOldest();
        }
        Chunk chunk = current;
        inFlight.add(workers.submit(() -> chunk.answer(responder)));
        current = chunk();
    }

    /** Answers and writes every record read so far, and flushes. */
    private void writeAll() throws IOException {
        handOn();
        while (!inFlight.isEmpty()) {
            writeOldest();
        }
        out.flush();
    }

    private void writeOldest() throws IOException {
        Chunk chunk = finished(inFlight.poll());
        chunk.output.writeTo(out);
        invalid += chunk.invalid;
        internalErrors += chunk.internalErrors;
        for (int i = 0; i < chunk.count; i++) {
            records++;
            progress.accept(records);
        }
        chunk.clear();
        spare.push(chunk);
    }

    private static Chunk finished(Future<Chunk> answer) throws IOException {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a batch's answers");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a batch worker failed", cause);
        }
    }

    private Chunk chunk() {
        Chunk chunk = spare.poll();
        return chunk != null ? chunk : new Chunk(shape.recordsPerChunk(), shape.bytesPerChunk());
    }

    /** Records read together: their bytes and line numbers in, their answers out. */
    private static final class Chunk {
        /** An output buffer grown beyond this (by very long error objects) is not kept for reuse. */
        private static final int KEPT_OUTPUT_BYTES = 8 << 20;

        private final int bytesPerChunk;
        private final int[] ends;
        private final long[] lines;
        private byte[] input;
        private int inputLength;
        private int count;
        private ByteArrayOutputStream output = new ByteArrayOutputStream(1 << 16);
        /** One record's answer, kept apart so that a failed answer can be dropped without touching the others. */
        private final Answer answer = new Answer();
        private long invalid;
        private long internalErrors;

        Chunk(int records, int bytesPerChunk) {
            this.bytesPerChunk = bytesPerChunk;
            this.ends = new int[records];
            this.lines = new long[records];
            this.input = new byte[Math.min(bytesPerChunk, 1 << 16)];
        }

        /** Copies one record in; true when the chunk is full. */
        boolean add(byte[] bytes, int length, long line) {
            if (inputLength + length > input.length) {
                input = Arrays.copyOf(input, Math.max(inputLength + length, 2 * input.length));
            }
            System.arraycopy(bytes, 0, input, inputLength, length);
            inputLength += length;
            ends[count] = inputLength;
            lines[count] = line;
            count++;
            return count == ends.length || inputLength >= bytesPerChunk;
        }

        /** Runs on a worker: answers every record into {@link #output}, one line each. */
        Chunk answer(Responder responder) {
            int start = 0;
            for (int i = 0; i < count; i++) {
                answer.reset();
                AssessmentJson.Outcome outcome = responder.respond(input, start, ends[i] - start, lines[i], answer);
                answer.write('\n');
                answer.appendTo(output);
                invalid += outcome == AssessmentJson.Outcome.INVALID ? 1 : 0;
                internalErrors += outcome == AssessmentJson.Outcome.INTERNAL_ERROR ? 1 : 0;
                start = ends[i];
            }
            return this;
        }

        void clear() {
            inputLength = 0;
            count = 0;
            invalid = 0;
            internalErrors = 0;
            if (output.size() > KEPT_OUTPUT_BYTES) {
                output = new ByteArrayOutputStream(1 << 16);
            } else {
                output.reset();
            }
        }
    }

    /** A buffer that can append itself to another without an exception that cannot happen. */
    private static final class Answer extends ByteArrayOutputStream {
        Answer() {
            super(1 << 14);
        }

        void appendTo(ByteArrayOutputStream target) {
            target.write(buf, 0, count);
        }
    }
}
