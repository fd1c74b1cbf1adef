package org.nightpain.cds.hooks;

import java.io.Writer;
import java.time.Instant;

/**
 * The audit trail and feedback of a deployment, read back. Nothing is offered over the network: an
 * operator exports them with {@code audit export} on the machine that can reach the store. Public because
 * the command line ({@code org.nightpain.cds.cli}) exports them; not part of the library's API.
 */
public final class AuditTrail {
    private AuditTrail() {
    }

    /**
     * Writes the audit rows, then the feedback rows, stored at or after {@code since}, one JSON object a line
     * ({@code "record": "audit"} or {@code "feedback"}), oldest first. The schema is brought up to date first.
     *
     * @param config the service's configuration, whose store is read
     * @param since  the earliest time of a row written
     * @param out    where the rows go
     * @return how many rows were written
     * @throws IllegalStateException naming the store when it cannot be reached or read
     */
    public static int export(ServiceConfig config, Instant since, Writer out) {
        try (Store store = Store.open(config.store())) {
            return store.export(since, out);
        }
    }
}
