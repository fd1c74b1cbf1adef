package org.nightpain.cds.hooks;

import org.nightpain.cds.fhir.Canonicals;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a configuration makes of the service: the authentication of clients (none when open), the FHIR
 * server fetch, and the store of the audit trail and feedback, which opens in the background while the
 * port opens (calls wait for it, as they wait for the rule base).
 */
final class Deployment implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Deployment.class);

    private final ServiceConfig config;
    private final Clock clock;
    private final ClientAuthenticator authenticator;
    private final FhirServerFetch fetch;
    private final CompletableFuture<Store> store;
    private final Duration storeWait;
    private volatile byte[] salt;

    private Deployment(ServiceConfig config, Clock clock, ClientAuthenticator authenticator, FhirServerFetch fetch,
                       CompletableFuture<Store> store, Duration storeWait) {
        this.config = config;
        this.clock = clock;
        this.authenticator = authenticator;
        this.fetch = fetch;
        this.store = store;
        this.storeWait = storeWait;
        if (config.patientIdSalt() != null) {
            salt = config.patientIdSalt().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Sets the deployment up; the store opens (and migrates) on a thread of its own. */
    static Deployment start(ServiceConfig config, Canonicals canonicals, Clock clock, Duration storeWait) {
        ClientAuthenticator authenticator = config.isOpen() ? null
                : new ClientAuthenticator(config.trustedClients(), config.audience(), clock);
        FhirServerFetch fetch = new FhirServerFetch(canonicals);
        CompletableFuture<Store> store = new CompletableFuture<>();
        Thread opening = new Thread(() -> {
            try {
                Store opened = Store.open(config.store());
                store.complete(opened);
                fetch.warmUp();
            } catch (Throwable e) {
                store.completeExceptionally(e);
            }
        }, "nightpain-open-store");
        opening.setDaemon(true);
        opening.start();
        return new Deployment(config, clock, authenticator, fetch, store, storeWait);
    }

    ServiceConfig config() {
        return config;
    }

    Clock clock() {
        return clock;
    }

    /** The authenticator, or null when calls need no token. */
    ClientAuthenticator authenticator() {
        return authenticator;
    }

    FhirServerFetch fetch() {
        return fetch;
    }

    /** The store being opened; done once it is open or has failed. */
    CompletableFuture<Store> opening() {
        return store;
    }

    /**
     * The store, once open. A call that comes while it still opens waits (bounded); one that comes when it
     * could not be opened is answered 503.
     */
    Store store() {
        try {
            return store.get(storeWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new HookException(503, "UNAVAILABLE", "The service's store is still opening; call again in a few"
                    + " seconds.", List.of());
        } catch (ExecutionException e) {
            throw new HookException(503, "UNAVAILABLE", "The service's store could not be opened.", List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HookException(503, "UNAVAILABLE", "The service is stopping.", List.of());
        }
    }

    /** The salted SHA-256 of a patient id (hex), the only form in which the audit keeps it. */
    String patientHash(String patientId) {
        byte[] key = salt;
        if (key == null) {
            synchronized (this) {
                key = salt;
                if (key == null) {
                    key = store().generatedSalt().getBytes(StandardCharsets.UTF_8);
                    salt = key;
                }
            }
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(key);
            sha256.update((byte) 0);
            return HexFormat.of().formatHex(sha256.digest(patientId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public void close() {
        fetch.close();
        store.thenAccept(Store::close);
        if (!store.isDone()) {
            LOG.debug("the store was still opening when the service stopped");
        }
    }
}
