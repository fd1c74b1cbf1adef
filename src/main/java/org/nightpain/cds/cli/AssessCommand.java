package org.nightpain.cds.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nightpain.cds.json.AssessmentJson;
import org.nightpain.cds.json.ErrorCode;
import org.nightpain.cds.json.BatchSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assess}: one request (or one per line with {@code --ndjson}) in, its result or error out. */
@Command(name = "assess",
        description = {
            "Assess one JSON request and write its result (or error) object to standard output.",
            "With --ndjson: one request per line in, one result or error per line out, in the same order."})
final class AssessCommand implements Callable<Integer> {
    enum Format { JSON, TEXT }

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "The request file; standard input when absent or -.")
    private String file;

    @Option(names = "--ndjson", description = "Newline-delimited JSON: one request per line; blank lines are skipped.")
    private boolean ndjson;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "json (default) or text: a readable report for a clinician (one request only).")
    private Format format = Format.JSON;

    @Option(names = "--progress",
            description = "With --ndjson: report records done and records/s on standard error "
                    + "(on by default when standard error is a terminal).")
    private boolean progress;

    @Spec
    private CommandSpec spec;

    private final Main.Context context;

    AssessCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (ndjson && format == Format.TEXT) {
            throw new ParameterException(spec.commandLine(),
                    "--format text reports on one request; use JSON output with --ndjson");
        }
        InputStream in;
        try {
            in = file == null || file.equals("-") ? context.in() : Files.newInputStream(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return cannotRead(e);
        }
        try (InputStream input = in) {
            return ndjson ? batch(input) : single(input);
        } catch (IOException e) {
            return cannotRead(e);
        }
    }

    private int batch(InputStream in) throws IOException {
        AssessmentJson json = AssessmentJson.create(context.assessor());
        Progress meter = Progress.start(progress, context.err());
        BatchSummary summary = json.assessNdjson(in, context.out(), meter::update);
        meter.finish(summary);
        long failed = summary.invalid() + summary.internalErrors();
        if (failed > 0) {
            context.err().println("nightpain-cds: " + failed + " of " + summary.records()
                    + " records could not be assessed; their lines carry error objects");
        }
        return Main.exitCode(summary);
    }

    /** One request: read and checked first, so that a bad one is answered without loading the rules. */
    private int single(InputStream in) throws IOException {
        byte[] body = in.readNBytes(AssessmentJson.MAX_REQUEST_BYTES + 1);
        AssessmentJson json = AssessmentJson.create(context::assessor);
        AssessmentJson.Answer answer = (format == Format.TEXT ? json : json.withPrettyPrinting()).answer(body);
        int exitCode = answer.error() == null ? Main.OK
                : answer.error() == ErrorCode.INTERNAL_ERROR ? Main.INTERNAL : Main.INVALID;
        if (exitCode == Main.INTERNAL) {
            context.err().println("nightpain-cds: " + answer.problems().get(0).message());
        }
        String output = format == Format.TEXT ? TextReport.answer(answer) : answer.json() + "\n";
        context.out().write(output.getBytes(StandardCharsets.UTF_8));
        context.out().flush();
        return exitCode;
    }

    private int cannotRead(Exception e) {
        if (e instanceof Main.OutputFailedException) {
            context.err().println("nightpain-cds: " + e.getMessage());
            return Main.USAGE;
        }
        String reason = e instanceof NoSuchFileException ? "no such file"
                : e instanceof AccessDeniedException ? "permission denied"
                : e.getMessage();
        context.err().println("nightpain-cds: cannot read " + (file == null || file.equals("-") ? "standard input" : file)
                + ": " + reason);
        return Main.USAGE;
    }
}
