package org.nightpain.cds.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.nightpain.cds.hooks.AuditTrail;
import org.nightpain.cds.hooks.ServiceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code audit}: the CDS Hooks service's audit trail and feedback, read from its store. */
@Command(name = "audit", description = "Read the CDS Hooks service's audit trail and feedback from its store.")
final class AuditCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    private final Main.Context context;

    AuditCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.err().println("nightpain-cds: name what to do: audit export (--help says more)");
        return Main.USAGE;
    }

    /** {@code audit export --config FILE --since DATE}: audit and feedback rows as NDJSON on standard output. */
    @Command(name = "export", description = "Write the audit rows, then the feedback rows, stored since a date or"
            + " time, as NDJSON (one JSON object a line) to standard output.")
    static final class Export implements Callable<Integer> {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        private boolean help;

        @Option(names = "--config", paramLabel = "FILE", required = true,
                description = "The service's configuration file; its store is read.")
        private Path config;

        @Option(names = "--since", paramLabel = "WHEN", required = true,
                description = "A date (2026-12-01, from midnight UTC) or an instant (2026-12-01T08:00:00Z).")
        private String since;

        private final Main.Context context;

        Export(Main.Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Instant from;
            try {
                from = since.contains("T") ? Instant.parse(since) : LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                context.err().println("nightpain-cds: --since: '" + since + "' is neither a date (2026-12-01) nor an"
                        + " instant (2026-12-01T08:00:00Z)");
                return Main.USAGE;
            }
            ServiceConfig serviceConfig;
            try {
                serviceConfig = ServiceConfig.read(config);
            } catch (IllegalArgumentException e) {
                context.err().println("nightpain-cds: --config: " + e.getMessage());
                return Main.USAGE;
            }
            Writer out = new BufferedWriter(new OutputStreamWriter(context.out(), StandardCharsets.UTF_8));
            try {
                int rows = AuditTrail.export(serviceConfig, from, out);
                out.flush();
                context.err().println("nightpain-cds: " + rows + " rows exported");
                return Main.OK;
            } catch (IllegalStateException e) {
                context.err().println("nightpain-cds: " + e.getMessage());
                return Main.USAGE;
            } catch (IOException | UncheckedIOException e) {
                context.err().println("nightpain-cds: cannot write the output: " + e.getMessage());
                return Main.USAGE;
            }
        }
    }
}
