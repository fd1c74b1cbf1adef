package org.nightpain.cds.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nightpain.cds.hooks.CdsHooksServer;
import org.nightpain.cds.hooks.ServiceConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: the CDS Hooks service, until the process is stopped (SIGTERM or Ctrl-C). */
@Command(name = "serve",
        description = "Run the CDS Hooks service (discovery at /cds-services) until stopped with SIGTERM or Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--host", paramLabel = "HOST",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    private String host = CdsHooksServer.DEFAULT_HOST;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
    private int port = CdsHooksServer.DEFAULT_PORT;

    @Option(names = "--canonical-base", paramLabel = "URL",
            description = {"Base URL that names the service's Questionnaire and code systems: an address your"
                    + " organisation controls.", "Default, a placeholder:", "${DEFAULT-VALUE}"})
    private String canonicalBase = CdsHooksServer.PLACEHOLDER_CANONICAL_BASE;

    @Option(names = "--config", paramLabel = "FILE",
            description = {"The deployment: trusted clients, audience, store, TLS (docs/cds-hooks.md).",
                    "Without it the service has no authentication, listens on loopback only and keeps its audit"
                            + " trail in memory."})
    private Path config;

    private final Main.Context context;

    ServeCommand(Main.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            context.err().println("nightpain-cds: --port must be 0-65535, was " + port);
            return Main.USAGE;
        }
        try {
            CdsHooksServer.checkCanonicalBase(canonicalBase);
        } catch (IllegalArgumentException e) {
            context.err().println("nightpain-cds: --canonical-base: " + e.getMessage());
            return Main.USAGE;
        }
        ServiceConfig deployment;
        try {
            deployment = config == null ? ServiceConfig.open() : ServiceConfig.read(config);
        } catch (IllegalArgumentException e) {
            context.err().println("nightpain-cds: --config: " + e.getMessage());
            return Main.USAGE;
        }
        try {
            CdsHooksServer.serve(host, port, canonicalBase, deployment);
            return Main.OK;
        } catch (IllegalArgumentException e) {
            context.err().println("nightpain-cds: --host: " + e.getMessage());
            return Main.USAGE;
        } catch (IOException e) {
            context.err().println("nightpain-cds: " + e.getMessage());
            return Main.USAGE;
        }
    }
}
