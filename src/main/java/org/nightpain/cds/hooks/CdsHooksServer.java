package org.nightpain.cds.hooks;

import org.nightpain.cds.fhir.Canonicals;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.nightpain.cds.NightPainAssessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP server that speaks CDS Hooks 2.0: {@code GET /cds-services} (discovery), {@code POST
 * /cds-services/nightpain-triage} (a {@code patient-view} call with FHIR R4 prefetch, answered with
 * cards), {@code POST /cds-services/nightpain-triage/feedback}, {@code GET /questionnaire} (the FHIR
 * Questionnaire whose answers it reads), and {@code GET /health} and {@code GET /ready}. Deployed with a
 * {@link ServiceConfig}, it accepts calls only from trusted CDS clients and keeps an audit trail and their
 * feedback in its store; without one it is open and listens on loopback only.
 *
 * <pre>{@code
 * try (CdsHooksServer server = CdsHooksServer.start("127.0.0.1", 8080, NightPainAssessor.create())) {
 *     server.stopOnShutdown();     // SIGTERM or Ctrl-C stops it gracefully
 *     server.awaitStop();
 * }
 * }</pre>
 *
 * <p>Needs the optional dependencies {@code org.eclipse.jetty:jetty-server},
 * {@code ca.uhn.hapi.fhir:hapi-fhir-structures-r4} and {@code com.fasterxml.jackson.core:jackson-databind}
 * on the class path; the command-line jar has them.
 */
public final class CdsHooksServer implements AutoCloseable {
    /** The port of {@code serve} when none is given. */
    public static final int DEFAULT_PORT = 8080;
    /** The address of {@code serve} when none is given: loopback, so nothing outside this machine can call. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /**
     * The base of the canonical URLs of the service's Questionnaire and code systems when none is given:
     * a placeholder under {@code example.org}, which a deployment replaces with an address of its own.
     */
    public static final String PLACEHOLDER_CANONICAL_BASE = Canonicals.PLACEHOLDER_BASE;

    private static final long STOP_TIMEOUT_MS = 5_000;
    /**
     * The largest request head read. Above Jetty's 8 KB so that an oversized token reaches the authentication
     * and is refused there with the contract's 401 (tokens are refused unread above 16 KB).
     */
    static final int MAX_HEADER_BYTES = 128 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(CdsHooksServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final TriageService service;
    private final Deployment deployment;
    private final boolean secure;

    private CdsHooksServer(Server server, ServerConnector connector, TriageService service, Deployment deployment,
                           boolean secure) {
        this.server = server;
        this.connector = connector;
        this.service = service;
        this.deployment = deployment;
        this.secure = secure;
    }

    /**
     * Starts the service and returns once it accepts calls. The FHIR structures finish loading in the
     * background; a call that comes before they are ready waits for them (at most 30 s, then 503).
     *
     * @param host     the address to listen on, for example {@code 127.0.0.1}
     * @param port     the port, or 0 for any free port (see {@link #port()})
     * @param assessor the assessor to run; shared by every call
     * @return the running service
     * @throws IOException when the server cannot listen there (the port is taken, the host is not local)
     */
    public static CdsHooksServer start(String host, int port, NightPainAssessor assessor) throws IOException {
        return start(host, port, assessor, Canonicals.PLACEHOLDER_BASE);
    }

    /**
     * Starts the service with the canonical URLs of its Questionnaire and code systems under a base of
     * the deployment's own (see {@code docs/cds-hooks.md}); otherwise as {@link #start(String, int,
     * NightPainAssessor)}, which uses a placeholder under {@code http://example.org}.
     *
     * @param host          the address to listen on, for example {@code 127.0.0.1}
     * @param port          the port, or 0 for any free port (see {@link #port()})
     * @param assessor      the assessor to run; shared by every call
     * @param canonicalBase an http or https URL, for example {@code https://fhir.example-hospital.org/nightpain}
     * @return the running service
     * @throws IOException              when the server cannot listen there
     * @throws IllegalArgumentException when the base is not such a URL
     */
    public static CdsHooksServer start(String host, int port, NightPainAssessor assessor, String canonicalBase)
            throws IOException {
        Objects.requireNonNull(assessor, "assessor");
        Canonicals canonicals = Canonicals.of(canonicalBase);
        return start(host, port, CompletableFuture.completedFuture(assessor), Clock.systemUTC(),
                CompletableFuture.supplyAsync(() -> FhirSupport.load(canonicals)), canonicals, TriageService.STARTUP_WAIT);
    }

    /**
     * Starts the service as a configuration describes it: the trusted clients whose tokens it accepts (or
     * none, when open), the store of its audit trail and feedback, and TLS. Otherwise as {@link
     * #start(String, int, NightPainAssessor, String)}.
     *
     * @param host          the address to listen on, for example {@code 127.0.0.1}
     * @param port          the port, or 0 for any free port (see {@link #port()})
     * @param assessor      the assessor to run; shared by every call
     * @param canonicalBase an http or https URL, for example {@code https://fhir.example-hospital.org/nightpain}
     * @param config        the deployment: trusted clients, store and TLS
     * @return the running service
     * @throws IOException              when the server cannot listen there
     * @throws IllegalArgumentException when the base is not an http or https URL, or an open service (no
     *                                  trusted clients) is asked to listen on an address that is not loopback
     */
    public static CdsHooksServer start(String host, int port, NightPainAssessor assessor, String canonicalBase,
                                       ServiceConfig config) throws IOException {
        Objects.requireNonNull(assessor, "assessor");
        Canonicals canonicals = Canonicals.of(canonicalBase);
        return start(host, port, CompletableFuture.completedFuture(assessor), Clock.systemUTC(),
                CompletableFuture.supplyAsync(() -> FhirSupport.load(canonicals)), canonicals, TriageService.STARTUP_WAIT,
                config);
    }

    /**
     * @param fhir the FHIR side, loading or loaded, with the placeholder canonical URLs: the server listens
     *             at once, and calls that come before the FHIR structures are ready wait for them
     */
    static CdsHooksServer start(String host, int port, NightPainAssessor assessor, Clock clock,
                                CompletableFuture<FhirSupport> fhir) throws IOException {
        return start(host, port, CompletableFuture.completedFuture(assessor), clock, fhir, Canonicals.PLACEHOLDER,
                TriageService.STARTUP_WAIT);
    }

    /**
     * @param assessor    the assessor, loading or loaded
     * @param fhir        the FHIR side, loading or loaded: the server listens at once, answers discovery and
     *                    the Questionnaire at once, and calls that come before both parts are ready wait for
     *                    them, at most {@code startupWait} (then 503)
     * @param canonicals  the canonical URLs; the same as those {@code fhir} was loaded with
     */
    static CdsHooksServer start(String host, int port, CompletableFuture<NightPainAssessor> assessor, Clock clock,
                                CompletableFuture<FhirSupport> fhir, Canonicals canonicals, Duration startupWait)
            throws IOException {
        return start(host, port, assessor, clock, fhir, canonicals, startupWait, ServiceConfig.open());
    }

    /**
     * @param config the deployment: trusted clients (none: open, loopback only), store and TLS
     */
    static CdsHooksServer start(String host, int port, CompletableFuture<NightPainAssessor> assessor, Clock clock,
                                CompletableFuture<FhirSupport> fhir, Canonicals canonicals, Duration startupWait,
                                ServiceConfig config) throws IOException {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(assessor, "assessor");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        if (config.isOpen() && !ServiceConfig.isLoopback(host)) {
            throw new IllegalArgumentException("a service without authentication listens on loopback only, not on "
                    + host + ": give a configuration with trustedClients (--config) to listen elsewhere");
        }
        TriageService service = new TriageService(assessor, clock, fhir, canonicals, startupWait);
        Deployment deployment = Deployment.start(config, canonicals, clock, startupWait);
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("nightpain-hooks");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        ServerConnector connector;
        if (config.tls() != null) {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStorePath(config.tls().keystore().toAbsolutePath().toString());
            tls.setKeyStorePassword(config.tls().password());
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // Clients that call by IP address send no server name; the certificate is still the one presented.
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            HttpConnectionFactory plain = new HttpConnectionFactory(http);
            connector = new ServerConnector(server, new SslConnectionFactory(tls, plain.getProtocol()), plain);
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        // Browser-based CDS clients (the public sandbox among them) call from another origin.
        CrossOriginHandler cors = new CrossOriginHandler();
        cors.setAllowedOriginPatterns(Set.of("*"));
        cors.setAllowedMethods(Set.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(Set.of("Content-Type", "Authorization"));
        cors.setHandler(new TrustHandler(deployment, service, assessor, fhir, new HooksHandler(service)));
        server.setHandler(new GracefulHandler(cors));
        server.setRequestLog(new AccessLog());
        server.setStopTimeout(STOP_TIMEOUT_MS);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            deployment.close();
            throw new IOException("cannot serve CDS Hooks on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new CdsHooksServer(server, connector, service, deployment, config.tls() != null);
    }

    /**
     * Checks a canonical base for {@link #serve(String, int, String)}.
     *
     * @param canonicalBase the base to check
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static void checkCanonicalBase(String canonicalBase) {
        Canonicals.of(canonicalBase);
    }

    /** {@return the port the server listens on; the real one when it was started with port 0} */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@return the base address, for example {@code http://127.0.0.1:8080/}; discovery is at {@code cds-services}} */
    public URI baseUri() {
        String host = connector.getHost();
        if (host == null || host.isEmpty() || "0.0.0.0".equals(host)) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create((secure ? "https://" : "http://") + host + ":" + port() + "/");
    }

    /** Stops the server gracefully when the JVM is asked to exit (SIGTERM, SIGINT). */
    public void stopOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "nightpain-hooks-shutdown"));
    }

    /**
     * Blocks until the server has stopped.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public void awaitStop() throws InterruptedException {
        server.join();
    }

    /**
     * Stops accepting calls, lets the calls in progress finish (up to 5 seconds) and releases the port.
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        try {
            stopQuietly(server);
        } finally {
            deployment.close();
        }
    }

    private static void stopQuietly(Server server) {
        try {
            if (!server.isStopped()) {
                server.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("the CDS Hooks server did not stop cleanly: " + e.getMessage(), e);
        }
    }

    /**
     * Starts the service, reports its address on standard error, stops it gracefully on SIGTERM or
     * SIGINT and returns once it has stopped. This is what the {@code serve} command runs.
     *
     * <p>The port opens first: discovery and the Questionnaire are answered at once, while the rule base
     * and the FHIR model load in the background, one on each core; a call that comes before they are
     * ready waits for them (at most 30 s, then 503). If either cannot be loaded, the service stops and
     * this method throws.
     *
     * @param host the address to listen on, for example {@code 127.0.0.1}
     * @param port the port, or 0 for any free port
     * @throws IOException           when the server cannot listen on that address
     * @throws InterruptedException  when the serving thread is interrupted
     * @throws IllegalStateException when the rule base or the FHIR model cannot be loaded
     */
    public static void serve(String host, int port) throws IOException, InterruptedException {
        serve(host, port, Canonicals.PLACEHOLDER_BASE);
    }

    /**
     * As {@link #serve(String, int)}, with the canonical URLs under this base.
     *
     * @param host          the address to listen on, for example {@code 127.0.0.1}
     * @param port          the port, or 0 for any free port
     * @param canonicalBase an http or https URL, for example {@code https://fhir.example-hospital.org/nightpain}
     * @throws IOException              when the server cannot listen on that address
     * @throws InterruptedException     when the serving thread is interrupted
     * @throws IllegalArgumentException when the base is not an http or https URL
     */
    public static void serve(String host, int port, String canonicalBase) throws IOException, InterruptedException {
        serve(host, port, canonicalBase, ServiceConfig.open());
    }

    /**
     * As {@link #serve(String, int, String)}, deployed as {@code config} says: with it, calls need a trusted
     * client's token, and the audit trail and feedback go to the configured store, which opens beside the
     * rule base (a store that cannot be opened stops the service as a rule base that cannot be loaded does).
     *
     * @param host          the address to listen on, for example {@code 127.0.0.1}
     * @param port          the port, or 0 for any free port
     * @param canonicalBase an http or https URL, for example {@code https://fhir.example-hospital.org/nightpain}
     * @param config        the deployment: trusted clients, store and TLS
     * @throws IllegalArgumentException when the base is not an http or https URL, or an open service is asked
     *                                  to listen on an address that is not loopback
     * @throws IOException              when the server cannot listen there, or the store cannot be opened
     * @throws InterruptedException     when the serving thread is interrupted
     */
    public static void serve(String host, int port, String canonicalBase, ServiceConfig config)
            throws IOException, InterruptedException {
        Canonicals canonicals = Canonicals.of(canonicalBase);
        CompletableFuture<NightPainAssessor> assessor = new CompletableFuture<>();
        CompletableFuture<FhirSupport> fhir = new CompletableFuture<>();
        try (CdsHooksServer server = start(host, port, assessor, Clock.systemUTC(), fhir, canonicals,
                TriageService.STARTUP_WAIT, config)) {
            server.stopOnShutdown();
            System.err.println("CDS Hooks service listening on " + server.baseUri() + "cds-services"
                    + " (stop with Ctrl-C or SIGTERM)");
            if (config.isOpen()) {
                LOG.warn("The CDS Hooks service runs WITHOUT authentication (no --config with trusted clients, or"
                        + " allowUnauthenticated set): anyone who can reach {} may call it, so it listens on loopback"
                        + " only; the audit trail and feedback are kept {}.", server.baseUri(),
                        config.store().jdbcUrl().startsWith("jdbc:h2:mem:") ? "in memory until the process ends"
                        : "in the configured store");
            } else {
                System.err.println("Trusted CDS clients: " + server.deployment.authenticator().describe());
                if (config.tls() == null && !ServiceConfig.isLoopback(host)) {
                    LOG.warn("Plain HTTP on {}: tokens and patient data cross the network unencrypted unless a reverse"
                            + " proxy terminates TLS in front of the service (see docs/cds-hooks.md).", host);
                }
            }
            if (canonicals.isPlaceholder()) {
                System.err.println("Note: the Questionnaire and code systems are named under the placeholder "
                        + canonicals.base() + "; give a base of your own with --canonical-base before real use.");
            }
            // The port is open and discovery answers: now the rule base and the FHIR model load, one on each
            // core, the JSON mapper of the calls first beside the FHIR model. Calls that come meanwhile wait.
            long loading = System.nanoTime();
            load(assessor, NightPainAssessor::create, "nightpain-load-rules");
            load(fhir, () -> {
                server.service.warmUp();
                return FhirSupport.load(canonicals);
            }, "nightpain-load-fhir");
            CompletableFuture<Store> store = server.deployment.opening();
            CompletableFuture<Void> loaded = CompletableFuture.allOf(assessor, fhir, store).whenComplete((ignored, failure) -> {
                if (failure == null) {
                    System.err.printf("CDS Hooks service ready: rule base and FHIR model loaded in %.1f s; store %s%n",
                            (System.nanoTime() - loading) / 1e9, store.join().description());
                } else {
                    // A service that cannot assess must not stay up looking healthy: stop, and let serve fail.
                    server.close();
                }
            });
            server.awaitStop();
            if (loaded.isCompletedExceptionally()) {
                if (store.isCompletedExceptionally()) {
                    // A store out of reach is the deployment's to mend, as a port in use is.
                    throw new IOException(failure(store).getMessage(), failure(store));
                }
                Throwable cause = assessor.isCompletedExceptionally() ? failure(assessor) : failure(fhir);
                throw new IllegalStateException("the CDS Hooks service could not load "
                        + (assessor.isCompletedExceptionally() ? "its rule base" : "the FHIR model"), cause);
            }
        }
    }

    /** Completes {@code part} with what {@code loader} makes, on a daemon thread of its own. */
    private static <T> void load(CompletableFuture<T> part, Supplier<T> loader, String threadName) {
        Thread thread = new Thread(() -> {
            try {
                part.complete(loader.get());
            } catch (Throwable e) {
                part.completeExceptionally(e);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private static Throwable failure(CompletableFuture<?> part) {
        try {
            part.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }
}
