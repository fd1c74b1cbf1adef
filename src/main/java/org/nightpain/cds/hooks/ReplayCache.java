package org.nightpain.cds.hooks;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code jti}s of the tokens accepted, each kept until its token has expired (with the clock skew), so
 * that a token captured on the way cannot be sent again. Memory is bounded: expired entries are dropped as
 * new ones come, and when even that leaves it full, new tokens are refused (fail closed).
 */
final class ReplayCache {
    /** More than 5 minutes of tokens at thousands of calls a second. */
    static final int MAX_ENTRIES = 2_000_000;
    private static final int PRUNE_EVERY = 4_096;

    private final ConcurrentHashMap<String, Instant> seen = new ConcurrentHashMap<>();
    private final AtomicInteger sincePrune = new AtomicInteger();
    private final Clock clock;

    ReplayCache(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records the token and says whether this is its first use.
     *
     * @param expires when the token expires; it is remembered until then plus the clock skew
     */
    boolean firstUse(String issuer, String jti, Instant expires) {
        if (sincePrune.incrementAndGet() >= PRUNE_EVERY || seen.size() >= MAX_ENTRIES) {
            sincePrune.set(0);
            Instant now = clock.instant();
            seen.values().removeIf(until -> until.isBefore(now));
            if (seen.size() >= MAX_ENTRIES) {
                return false;
            }
        }
        // The issuer's length first, so that no pair of issuer and jti can spell another pair's key.
        String key = issuer.length() + ":" + issuer + jti;
        return seen.putIfAbsent(key, expires.plus(ClientAuthenticator.CLOCK_SKEW)) == null;
    }
}
