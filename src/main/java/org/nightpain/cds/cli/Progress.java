package org.nightpain.cds.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.nightpain.cds.json.BatchSummary;

/**
 * Records done and records per second on standard error, at most twice a second: on one rewritten
 * line for a terminal, as plain lines otherwise. Silent unless asked for or standard error is a
 * terminal.
 */
final class Progress {
    private static final long INTERVAL_NANOS = 500_000_000L;

    private final PrintStream err;
    private final boolean enabled;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastShown = start;

    private Progress(PrintStream err, boolean enabled, boolean terminal) {
        this.err = err;
        this.enabled = enabled;
        this.terminal = terminal;
    }

    static Progress start(boolean requested, PrintStream err) {
        boolean terminal = stderrIsTerminal();
        return new Progress(err, requested || terminal, terminal);
    }

    void update(long records) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastShown >= INTERVAL_NANOS) {
            lastShown = now;
            show(records + " records, " + rate(records, now) + " records/s", false);
        }
    }

    void finish(BatchSummary summary) {
        if (enabled) {
            long now = System.nanoTime();
            show(String.format(Locale.ROOT, "%d records in %.1f s, %s records/s: %d assessed, %d invalid, %d internal errors",
                    summary.records(), (now - start) / 1e9, rate(summary.records(), now), summary.assessed(),
                    summary.invalid(), summary.internalErrors()), true);
        }
    }

    private void show(String line, boolean last) {
        if (terminal) {
            err.print("\r\033[K" + line + (last ? "\n" : ""));
        } else {
            err.println(line);
        }
        err.flush();
    }

    private String rate(long records, long now) {
        double seconds = Math.max(now - start, 1) / 1e9;
        return String.format(Locale.ROOT, "%.0f", records / seconds);
    }

    /** True when standard error is a terminal; Java 17 has no direct test, so this asks Linux's /proc. */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
