package org.nightpain.cds.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.json.BatchSummary;
import org.nightpain.cds.json.BugReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code java -jar nightpain-cds-cli.jar assess|rules|version|serve|screen}. Results go to
 * standard output only; messages, warnings, progress and logs go to standard error.
 *
 * <p>Exit codes: {@value #OK} every record assessed; {@value #INVALID} at least one record was invalid
 * (the others were still assessed and written); {@value #USAGE} usage error, or input that cannot be
 * read; {@value #INTERNAL} internal error.
 */
@Command(name = "nightpain-cds",
        description = "Triage of low back pain that is worse at night or on lying down (decision support only).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every record assessed",
            "3:at least one record was invalid (the others were still assessed and written)",
            "2:usage error, input that cannot be read, or (serve, audit) an address that cannot be listened on, a"
                    + " configuration that is not valid or a store that cannot be opened",
            "1:internal error (a bug)"})
public final class Main implements Callable<Integer> {
    static final int OK = 0;
    static final int INTERNAL = 1;
    static final int USAGE = 2;
    static final int INVALID = 3;

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    private final Context context;

    private Main(Context context) {
        this.context = context;
    }

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the command and its options, as docs/cli.md gives them
     */
    public static void main(String[] args) {
        quietLogging();
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, System.in, out, err));
    }

    /** Runs the command line on these streams and returns its exit code; flushes {@code out}. */
    static int run(String[] args, InputStream in, OutputStream out, PrintStream err) {
        Output output = new Output(out);
        Context context = new Context(in, output, err);
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        CommandLine cli = new CommandLine(new Main(context))
                .addSubcommand(new AssessCommand(context))
                .addSubcommand(new RulesCommand(context))
                .addSubcommand(new VersionCommand(context))
                .addSubcommand(new ServeCommand(context))
                .addSubcommand(new CommandLine(new AuditCommand(context)).addSubcommand(new AuditCommand.Export(context)))
                .addSubcommand(new ScreenCommand(context))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(outWriter)
                .setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true))
                .setExecutionExceptionHandler((e, command, parseResult) -> {
                    err.println("nightpain-cds: internal error: " + BugReport.describe(e) + "\nThis is a bug in nightpain-cds"
                            + " (or a damaged installation), not a problem with the input; please report it.");
                    return INTERNAL;
                });
        int exitCode = cli.execute(args);
        outWriter.flush();
        boolean failedBefore = output.failed;
        try {
            output.flush();
        } catch (IOException e) {
            if (!failedBefore) {
                err.println("nightpain-cds: " + e.getMessage());
            }
            return exitCode == INTERNAL ? INTERNAL : USAGE;
        }
        return exitCode;
    }

    @Override
    public Integer call() {
        context.err().println("nightpain-cds: name a command: assess, rules, version, serve, audit or screen (--help lists them)");
        return USAGE;
    }

    /** The exit code for a run that answered these records. */
    static int exitCode(BatchSummary summary) {
        if (summary.internalErrors() > 0) {
            return INTERNAL;
        }
        return summary.invalid() > 0 ? INVALID : OK;
    }

    // The CLI jar carries slf4j-simple, which logs INFO by default: Drools would chat on every start.
    // Warnings and errors still reach standard error; -D on the java command line overrides both.
    private static void quietLogging() {
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setDefault("org.slf4j.simpleLogger.logFile", "System.err");
        // serve's access log: one line a request, without patient data (AccessLog).
        setDefault("org.slf4j.simpleLogger.log.org.nightpain.cds.hooks.access", "info");
        // Jetty at DEBUG and HAPI's client at TRACE write raw HTTP traffic, tokens and patient data with it:
        // kept at WARN even when the default level is lowered, unless the operator names them.
        setDefault("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        setDefault("org.slf4j.simpleLogger.log.ca.uhn.fhir.rest.client", "warn");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Thrown when standard output cannot be written, so that it is not taken for unreadable input. */
    static final class OutputFailedException extends IOException {
        private static final long serialVersionUID = 1L;

        OutputFailedException(IOException cause) {
            super("cannot write the output: " + cause.getMessage(), cause);
        }
    }

    /** Standard output, marking its failures as {@link OutputFailedException}. */
    private static final class Output extends OutputStream {
        private final OutputStream out;
        /** Set once writing has failed. */
        private boolean failed;

        Output(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        private OutputFailedException failed(IOException e) {
            failed = true;
            return new OutputFailedException(e);
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw failed(e);
            }
        }
    }

    /** The streams of one run and the assessor, loaded on first use (it takes most of a second). */
    static final class Context {
        private final InputStream in;
        private final OutputStream out;
        private final PrintStream err;
        private NightPainAssessor assessor;

        Context(InputStream in, OutputStream out, PrintStream err) {
            this.in = in;
            this.out = out;
            this.err = err;
        }

        InputStream in() {
            return in;
        }

        OutputStream out() {
            return out;
        }

        PrintStream err() {
            return err;
        }

        NightPainAssessor assessor() {
            if (assessor == null) {
                assessor = NightPainAssessor.create();
            }
            return assessor;
        }
    }
}
