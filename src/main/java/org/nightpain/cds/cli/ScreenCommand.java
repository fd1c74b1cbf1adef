package org.nightpain.cds.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nightpain.cds.Urgency;
import org.nightpain.cds.fhir.Canonicals;
import org.nightpain.cds.screening.BulkExportException;
import org.nightpain.cds.screening.BulkScreen;
import org.nightpain.cds.screening.RecordReason;
import org.nightpain.cds.screening.ScreeningSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code screen}: a whole FHIR Bulk Data export in, a row per patient, a work list and a summary out. */
@Command(name = "screen",
        description = {"Screen a FHIR Bulk Data export (a folder of NDJSON files, or its manifest): one assessment"
                + " per patient.",
            "Writes assessments.ndjson, flagged.csv and summary.json into the --out folder; progress on standard error."})
final class ScreenCommand implements Callable<Integer> {
    private static final long PROGRESS_NANOS = 2_000_000_000L;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Parameters(paramLabel = "EXPORT", description = "A folder of .ndjson files, or the export's manifest (JSON).")
    private Path export;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write into (created if needed).")
    private Path out;

    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = {"The time the facts are as of, such as 2026-11-25T08:00:00Z.",
                "Default: the manifest's transactionTime, else the start of the run (printed)."})
    private String asOf;

    @Option(names = "--min-urgency", paramLabel = "URGENCY",
            description = "The lowest highest-urgency listed in flagged.csv: EMERGENCY, URGENT, SOON (default), ROUTINE or SELF_CARE.")
    private Urgency minUrgency = Urgency.SOON;

    @Option(names = "--canonical-base", paramLabel = "URL",
            description = {"Base URL of the triage Questionnaire the answers must name (as for serve).",
                "Default, a placeholder: ${DEFAULT-VALUE}"})
    private String canonicalBase = Canonicals.PLACEHOLDER_BASE;

    private final Main.Context context;

    ScreenCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintStream err = context.err();
        Instant instant;
        Canonicals canonicals;
        try {
            instant = asOf == null ? null : OffsetDateTime.parse(asOf).toInstant();
            canonicals = Canonicals.of(canonicalBase);
        } catch (DateTimeParseException e) {
            err.println("nightpain-cds: --as-of must be an ISO-8601 instant such as 2026-11-25T08:00:00Z, not '" + asOf + "'");
            return Main.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("nightpain-cds: --canonical-base: " + e.getMessage());
            return Main.USAGE;
        }
        BulkScreen.Options defaults = BulkScreen.Options.of(export, out, instant, minUrgency);
        BulkScreen.Options options = new BulkScreen.Options(export, out, instant, minUrgency, canonicals,
                defaults.threads(), defaults.bucketBytes());
        BulkScreen.Result result;
        try {
            result = BulkScreen.run(options, context.assessor(), new Meter(err));
        } catch (BulkExportException e) {
            err.println("nightpain-cds: " + e.getMessage());
            return Main.USAGE;
        } catch (IOException e) {
            err.println("nightpain-cds: screening failed: " + e.getMessage());
            return Main.USAGE;
        }
        report(result.summary(), err);
        return result.summary().hasProblems() ? Main.INVALID : Main.OK;
    }

    private void report(ScreeningSummary summary, PrintStream err) {
        err.printf(Locale.ROOT, "records: %d read, %d used, %d skipped, %d invalid%n", summary.read(), summary.used(),
                summary.skipped(), summary.invalidRecords());
        for (Map.Entry<RecordReason, Long> reason : summary.reasons().entrySet()) {
            err.printf(Locale.ROOT, "  %s %s: %d%n", reason.getKey().invalid() ? "invalid" : "skipped",
                    reason.getKey().code(), reason.getValue());
        }
        int shown = 0;
        for (ScreeningSummary.InvalidRecord record : summary.listedInvalidRecords()) {
            if (shown++ == 10) {
                err.println("  ... (summary.json lists up to " + ScreeningSummary.LISTED_INVALID_RECORDS + ")");
                break;
            }
            // File, line and reason only: standard error often ends up in a log, and ids can identify patients.
            err.println("  " + record.where() + ": " + record.reason().code());
        }
        err.printf(Locale.ROOT, "patients: %d assessed, %d not assessed; %d on the work list (at or above %s, or not assessed)%n",
                summary.assessed(), summary.notAssessed(), summary.flagged(), minUrgency);
        StringBuilder urgencies = new StringBuilder("highest urgency:");
        for (Urgency urgency : Urgency.values()) {
            urgencies.append(' ').append(urgency.name()).append(' ').append(summary.urgencies().getOrDefault(urgency, 0L));
        }
        err.println(urgencies);
        err.println("wrote " + out.resolve("assessments.ndjson") + ", " + out.resolve("flagged.csv") + " and "
                + out.resolve("summary.json"));
    }

    /** Progress lines on standard error, at most one every two seconds. */
    private static final class Meter implements BulkScreen.Listener {
        private final PrintStream err;
        private final long start = System.nanoTime();
        private long shown = start;
        private long readEnd;

        Meter(PrintStream err) {
            this.err = err;
        }

        @Override
        public synchronized void read(long records) {
            show("reading: %d records, %.0f/s%n", records, start);
        }

        @Override
        public synchronized void readDone(long records, Instant asOf) {
            readEnd = System.nanoTime();
            err.printf(Locale.ROOT, "read %d records in %.1f s; screening as of %s%n", records, seconds(start, readEnd), asOf);
        }

        @Override
        public synchronized void screened(long patients) {
            show("screening: %d patients, %.0f/s%n", patients, readEnd);
        }

        private void show(String format, long count, long since) {
            long now = System.nanoTime();
            if (now - shown >= PROGRESS_NANOS) {
                shown = now;
                err.printf(Locale.ROOT, format, count, count / seconds(since, now));
            }
        }

        private static double seconds(long from, long to) {
            return Math.max(to - from, 1) / 1e9;
        }
    }
}
