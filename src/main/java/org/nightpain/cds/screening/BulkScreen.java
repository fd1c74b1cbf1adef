package org.nightpain.cds.screening;

import ca.uhn.fhir.context.FhirContext;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.Urgency;
import org.nightpain.cds.fhir.Canonicals;
import org.nightpain.cds.fhir.FhirFactMapper;
import org.nightpain.cds.json.LineReader;
import org.nightpain.cds.json.ScreeningJson;

/**
 * Screens a FHIR Bulk Data export on this machine: the {@code screen} command. Writes
 * {@code assessments.ndjson}, {@code flagged.csv} and {@code summary.json} into the output folder.
 *
 * <p>Two passes. The first reads every file on one thread per core, classifies each line and writes the
 * screened ones to spill files bucketed by patient; the second takes one bucket at a time, groups its
 * records by patient, maps and assesses the patients on every core and writes the rows in patient order.
 * Memory is bounded by the bucket size, whatever the size of the export. The spill lives in a folder
 * inside the output folder and is deleted at the end.
 */
public final class BulkScreen {
    /** Patients handed to a worker at once. */
    private static final int PATIENTS_PER_CHUNK = 128;
    /** Spill buckets at most, whatever the export's size: each reading thread holds a small buffer for each. */
    private static final int MAX_BUCKETS = 4096;

    /**
     * What to screen and how.
     *
     * @param export      a folder of {@code .ndjson} files, or an export's manifest
     * @param out         the folder to write into (created if needed)
     * @param asOf        the time the facts are as of; never a worker's clock
     * @param minUrgency  the lowest highest-urgency listed in flagged.csv
     * @param canonicals  the canonical URLs whose Questionnaire the answers are read from
     * @param threads     worker threads
     * @param bucketBytes about how many bytes of records to group in memory at once
     */
    public record Options(Path export, Path out, Instant asOf, Urgency minUrgency, Canonicals canonicals, int threads,
                          long bucketBytes) {
        /**
         * Checks the options.
         *
         * @param export      a folder of {@code .ndjson} files, or an export's manifest
         * @param out         the folder to write into (created if needed)
         * @param asOf        the time the facts are as of, or null for the manifest's transaction time (else the
         *                    start of the run)
         * @param minUrgency  the lowest highest-urgency listed in flagged.csv
         * @param canonicals  the canonical URLs whose Questionnaire the answers are read from
         * @param threads     worker threads, at least 1
         * @param bucketBytes about how many bytes of records to group in memory at once, at least 1
         * @throws NullPointerException     when export, out, minUrgency or canonicals is null
         * @throws IllegalArgumentException when threads or bucketBytes is below 1
         */
        public Options {
            Objects.requireNonNull(export, "export");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(minUrgency, "minUrgency");
            Objects.requireNonNull(canonicals, "canonicals");
            if (threads < 1 || bucketBytes < 1) {
                throw new IllegalArgumentException("threads and bucketBytes must be at least 1");
            }
        }

        /**
         * One thread per core, and buckets of a sixty-fourth of the heap (8 MB in a 512 MB heap): two
         * buckets are in memory at once (one screened, the next read), and records that stay in memory
         * that long are copied by every young collection, so small buckets keep the collector's work small.
         * The answers are read from the placeholder canonical URLs.
         *
         * @param export     a folder of {@code .ndjson} files, or an export's manifest
         * @param out        the folder to write into (created if needed)
         * @param asOf       the time the facts are as of, or null for the manifest's transaction time (else the
         *                   start of the run)
         * @param minUrgency the lowest highest-urgency listed in flagged.csv
         * @return the options
         */
        public static Options of(Path export, Path out, Instant asOf, Urgency minUrgency) {
            return new Options(export, out, asOf, minUrgency, Canonicals.PLACEHOLDER,
                    Runtime.getRuntime().availableProcessors(),
                    Math.max(2L << 20, Math.min(128L << 20, Runtime.getRuntime().maxMemory() / 64)));
        }
    }

    /** Told how far the screen is; called from the screen's threads. Every method does nothing unless overridden. */
    public interface Listener {
        /**
         * The first pass has read this many records in all (called now and then).
         *
         * @param records the records read so far, in every file
         */
        default void read(long records) {
        }

        /**
         * The second pass has written this many patients' rows (called now and then).
         *
         * @param patients the patients whose rows are written so far
         */
        default void screened(long patients) {
        }

        /**
         * The first pass is over.
         *
         * @param records the records read in all
         * @param asOf    the time the screen is as of
         */
        default void readDone(long records, Instant asOf) {
        }
    }

    /**
     * The result of a screen.
     *
     * @param summary the counts, also written to summary.json
     * @param asOf    the as-of time used (given, or the manifest's transaction time, or the start of the run)
     */
    public record Result(ScreeningSummary summary, Instant asOf) {
    }

    private final Options options;
    private final NightPainAssessor assessor;
    private final PatientRecords patientRecords;

    private BulkScreen(Options options, NightPainAssessor assessor, PatientRecords patientRecords) {
        this.options = options;
        this.assessor = assessor;
        this.patientRecords = patientRecords;
    }

    /**
     * Screens an export.
     *
     * @param options  what to screen and how
     * @param assessor the assessor (loaded once; it takes most of a second)
     * @param listener told how far the screen is
     * @return the summary, also written to summary.json, and the as-of time used
     * @throws BulkExportException when the export cannot be read at all (nothing is written)
     * @throws IOException         when the output cannot be written or a file fails while being read
     */
    public static Result run(Options options, NightPainAssessor assessor, Listener listener) throws IOException {
        ExportFiles files = ExportFiles.locate(options.export());
        Instant asOf = options.asOf() != null ? options.asOf()
                : files.transactionTime() != null ? files.transactionTime() : Instant.now();
        FhirFactMapper mapper = FhirFactMapper.create(options.canonicals());
        PatientRecords records = PatientRecords.create(FhirContext.forR4Cached(), mapper);
        Files.createDirectories(options.out());
        BulkScreen screen = new BulkScreen(options, assessor, records);
        return new Result(screen.screen(files, asOf, listener), asOf);
    }

    private ScreeningSummary screen(ExportFiles files, Instant asOf, Listener listener) throws IOException {
        long bytes = 0;
        for (Path file : files.files()) {
            bytes += Files.size(file);
        }
        int buckets = (int) Math.max(1, Math.min(MAX_BUCKETS, (bytes + options.bucketBytes() - 1) / options.bucketBytes()));
        ScreeningSummary summary = new ScreeningSummary();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(options.threads(), task -> {
            Thread thread = new Thread(task, "nightpain-screen-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Path spillFolder = options.out().resolve(".spill-" + UUID.randomUUID());
        try (Spill spill = new Spill(spillFolder, buckets)) {
            List<String> names = files.files().stream().map(files::name).toList();
            summary.add(readAll(files.files(), names, spill, workers, listener));
            listener.readDone(summary.read(), asOf);
            writeAll(names, spill, asOf, summary, workers, listener);
            writeSummary(summary, asOf);
        } finally {
            workers.shutdownNow();
        }
        return summary;
    }

    /** The first pass: every file, one per worker at a time. */
    private ScreeningSummary readAll(List<Path> files, List<String> names, Spill spill, ExecutorService workers,
                                     Listener listener) throws IOException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong read = new AtomicLong();
        List<Future<ScreeningSummary>> parts = new ArrayList<>();
        for (int t = 0; t < Math.min(options.threads(), Math.max(1, files.size())); t++) {
            parts.add(workers.submit(() -> {
                ScreeningSummary part = new ScreeningSummary();
                try (Spill.Writer writer = spill.writer()) {
                    for (int f = next.getAndIncrement(); f < files.size(); f = next.getAndIncrement()) {
                        readFile(files.get(f), f, names.get(f), writer, part, read, listener);
                    }
                }
                return part;
            }));
        }
        ScreeningSummary summary = new ScreeningSummary();
        for (Future<ScreeningSummary> part : parts) {
            summary.add(finished(part));
        }
        return summary;
    }

    private static void readFile(Path file, int index, String name, Spill.Writer spill, ScreeningSummary summary,
                                 AtomicLong read, Listener listener) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            LineReader lines = new LineReader(in, RecordClassifier.MAX_LINE_BYTES + 1, () -> { });
            long count = 0;
            while (lines.next()) {
                if (lines.isBlank()) {
                    continue;
                }
                RecordClassifier.Line line = RecordClassifier.classify(lines.bytes(), 0, lines.length());
                summary.line(line, name + ":" + lines.lineNumber());
                if (line.screened()) {
                    spill.write(line.patient(), line.resourceType(), line.id(), index, lines.lineNumber(), lines.bytes(),
                            0, lines.length());
                }
                if (++count % 4096 == 0) {
                    listener.read(read.addAndGet(4096));
                }
            }
            listener.read(read.addAndGet(count % 4096));
        }
    }

    /** The second pass: bucket by bucket, patients in key order, rows written in that order. */
    private void writeAll(List<String> names, Spill spill, Instant asOf, ScreeningSummary summary,
                          ExecutorService workers, Listener listener) throws IOException {
        Path assessments = options.out().resolve("assessments.ndjson");
        Path flagged = options.out().resolve("flagged.csv");
        long patients = 0;
        try (OutputStream rows = new BufferedOutputStream(Files.newOutputStream(assessments), 1 << 16);
             OutputStream csv = new BufferedOutputStream(Files.newOutputStream(flagged), 1 << 16)) {
            csv.write(FlaggedCsv.header().getBytes(StandardCharsets.UTF_8));
            ArrayDeque<Future<Chunk>> inFlight = new ArrayDeque<>();
            // The next bucket is read and grouped while the workers screen this one.
            ExecutorService loader = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "nightpain-screen-load");
                thread.setDaemon(true);
                return thread;
            });
            try {
                Future<Map<String, List<RawRecord>>> next = loader.submit(() -> group(spill.read(0), names));
                for (int bucket = 0; bucket < spill.buckets(); bucket++) {
                    Map<String, List<RawRecord>> byPatient = finished(next);
                    int following = bucket + 1;
                    if (following < spill.buckets()) {
                        next = loader.submit(() -> group(spill.read(following), names));
                    }
                    List<String> keys = new ArrayList<>(byPatient.keySet());
                    keys.sort(null);
                    for (int from = 0; from < keys.size(); from += PATIENTS_PER_CHUNK) {
                        List<String> chunkKeys = keys.subList(from, Math.min(keys.size(), from + PATIENTS_PER_CHUNK));
                        List<List<RawRecord>> chunkRecords = chunkKeys.stream().map(byPatient::get).toList();
                        if (inFlight.size() >= 2 * options.threads()) {
                            patients += write(finished(inFlight.poll()), rows, csv, summary);
                            listener.screened(patients);
                        }
                        inFlight.add(workers.submit(() -> screenChunk(chunkKeys, chunkRecords, asOf)));
                    }
                }
                while (!inFlight.isEmpty()) {
                    patients += write(finished(inFlight.poll()), rows, csv, summary);
                    listener.screened(patients);
                }
            } finally {
                loader.shutdownNow();
            }
        }
    }

    private static Map<String, List<RawRecord>> group(List<Spill.Spilled> records, List<String> names) {
        Map<String, List<RawRecord>> byPatient = new HashMap<>();
        for (Spill.Spilled record : records) {
            String file = names.get(record.file());
            byPatient.computeIfAbsent(record.patient(), k -> new ArrayList<>(8)).add(new RawRecord(
                    RecordClassifier.SCREENED_TYPES.get(record.type()), record.id(), record.json(), file,
                    record.line(), file + ":" + record.line()));
        }
        return byPatient;
    }

    /** The rows and counts of a few patients, made on a worker. */
    private record Chunk(ByteArrayOutputStream rows, StringBuilder csv, ScreeningSummary summary, int patients) {
    }

    private Chunk screenChunk(List<String> patients, List<List<RawRecord>> records, Instant asOf) {
        ByteArrayOutputStream rows = new ByteArrayOutputStream(1 << 16);
        StringBuilder csv = new StringBuilder();
        ScreeningSummary summary = new ScreeningSummary();
        int written = 0;
        for (int i = 0; i < patients.size(); i++) {
            PatientOutcome outcome = patientRecords.read(patients.get(i), records.get(i), asOf);
            summary.records(outcome);
            switch (outcome.status()) {
                case MAPPED -> {
                    Assessment assessment = assessor.assess(outcome.facts().facts(), asOf);
                    boolean flag = assessment.highestUrgency().compareTo(options.minUrgency()) <= 0;
                    summary.countAssessed(assessment, outcome.facts().answered(), flag);
                    ScreeningJson.assessed(rows, outcome.patient(), outcome.facts().answered(), assessment,
                            outcome.facts().sources(), outcome.records(), outcome.facts().notes());
                    rows.write('\n');
                    if (flag) {
                        csv.append(FlaggedCsv.row(outcome.patient(), assessment.highestUrgency().name(),
                                ScreeningSummary.findingCodes(assessment),
                                assessment.referrals().stream().map(Enum::name).toList(), outcome.facts().answered()));
                    }
                    written++;
                }
                case INVALID -> {
                    summary.countNotAssessed();
                    ScreeningJson.notAssessed(rows, outcome.patient(), outcome.problems(), outcome.records());
                    rows.write('\n');
                    csv.append(FlaggedCsv.row(outcome.patient(), FlaggedCsv.NOT_ASSESSED, List.of(), List.of(), null));
                    written++;
                }
                case NOT_IN_EXPORT -> {
                    // No row: there is no patient to assess; the records are counted as skipped.
                }
            }
        }
        return new Chunk(rows, csv, summary, written);
    }

    private static int write(Chunk chunk, OutputStream rows, OutputStream csv, ScreeningSummary summary)
            throws IOException {
        chunk.rows().writeTo(rows);
        csv.write(chunk.csv().toString().getBytes(StandardCharsets.UTF_8));
        summary.add(chunk.summary());
        return chunk.patients();
    }

    private void writeSummary(ScreeningSummary summary, Instant asOf) throws IOException {
        Path target = options.out().resolve("summary.json");
        Path temporary = options.out().resolve(".summary.json.tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary))) {
            summary.write(out, options.export().toString(), asOf, options.minUrgency(), assessor.knowledgeBase());
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static <T> T finished(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while screening");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a screening worker failed", cause);
        }
    }
}
