package org.nightpain.cds.hooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nightpain.cds.Fixtures;

/**
 * One service on a loopback port for every test class that extends with it, started on first use and
 * stopped when the test run ends. Its clock stands still at {@link Fixtures#AS_OF}, so ages and the
 * recency of temperatures are the same on every run.
 */
final class SharedServer implements BeforeAllCallback {
    private static volatile Running running;

    /** The running server and a client for it, closed by JUnit at the end of the run. */
    private record Running(CdsHooksServer server, Hooks.Client client)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(SharedServer.class, key -> {
            try {
                CdsHooksServer server = CdsHooksServer.start("127.0.0.1", 0, Fixtures.ASSESSOR,
                        Clock.fixed(Fixtures.AS_OF, ZoneOffset.UTC), CompletableFuture.completedFuture(FhirSupport.load()));
                running = new Running(server, new Hooks.Client(server.baseUri()));
                return running;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Running.class);
    }

    static Hooks.Client client() {
        return running.client();
    }
}
