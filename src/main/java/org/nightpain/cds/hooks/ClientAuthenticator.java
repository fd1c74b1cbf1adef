package org.nightpain.cds.hooks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a call comes from a trusted CDS client, as CDS Hooks 2.0 "Trusting CDS Clients" and the
 * service's contract ask: a bearer JWT from a listed issuer, signed with an asymmetric algorithm by one of
 * that client's keys (named by {@code kid}), for this service's URL, short-lived and not seen before.
 * Signatures and keys are nimbus-jose-jwt's work; this class only chooses what it accepts.
 *
 * <p>Thread-safe. Each client's keys come from its own source, so a client whose JWKS URL hangs delays
 * only its own calls, and only up to the fetch timeout.
 */
final class ClientAuthenticator {
    /** How far the clocks of client and service may differ. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /** The longest lifetime ({@code exp - iat}) of a token accepted. */
    static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    /** A token longer than this is refused unread; real ones are a few hundred characters to a few KB. */
    static final int MAX_TOKEN_CHARS = 16_384;
    /** Asymmetric signatures only: never {@code none}, never an HMAC, whose "key" a client could guess. */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);
    /** How long a JWKS fetch may take, connecting and reading each. */
    static final Duration JWKS_TIMEOUT = Duration.ofSeconds(3);
    /** How long fetched keys are used before they are fetched again. */
    static final Duration JWKS_CACHE = Duration.ofMinutes(5);
    /** The least time between two fetches of one client's keys, so unknown {@code kid}s cannot flood its server. */
    static final Duration JWKS_MIN_REFRESH_INTERVAL = Duration.ofSeconds(10);
    private static final int JWKS_SIZE_LIMIT = 256 * 1024;

    /** Who called: the issuer of the verified token. */
    record Identity(String iss) {
    }

    /** A call that is not accepted, with the reason for the log; the caller learns only "unauthorized". */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private record Client(ServiceConfig.TrustedClient config, DefaultJWTProcessor<SecurityContext> processor) {
    }

    private final Map<String, Client> clients = new LinkedHashMap<>();
    private final String audience;
    private final Clock clock;
    private final ReplayCache replays;

    ClientAuthenticator(List<ServiceConfig.TrustedClient> trusted, String audience, Clock clock) {
        this(trusted, audience, clock, JWKS_TIMEOUT, JWKS_MIN_REFRESH_INTERVAL);
    }

    /**
     * @param jwksTimeout        the limit of a JWKS fetch (connect, and each read)
     * @param minRefreshInterval the least time between two fetches of one client's keys
     */
    ClientAuthenticator(List<ServiceConfig.TrustedClient> trusted, String audience, Clock clock, Duration jwksTimeout,
                        Duration minRefreshInterval) {
        this.audience = audience;
        this.clock = clock;
        this.replays = new ReplayCache(clock);
        for (ServiceConfig.TrustedClient client : trusted) {
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys(client, jwksTimeout,
                    minRefreshInterval)));
            // The claims are checked below, against this class's clock and with reasons of its own.
            processor.setJWTClaimsSetVerifier(null);
            clients.put(client.iss(), new Client(client, processor));
        }
    }

    /**
     * The client's keys, cached, and fetched again once when a token names a {@code kid} the cache does not
     * have (at most once per {@code minRefreshInterval}): that is how a client rotates its keys.
     */
    private static JWKSource<SecurityContext> keys(ServiceConfig.TrustedClient client, Duration timeout,
                                                   Duration minRefreshInterval) {
        JWKSourceBuilder<SecurityContext> builder;
        if (client.jwksFile() != null) {
            builder = JWKSourceBuilder.create(new FileJwkSetSource(client.jwksFile()));
        } else {
            int millis = (int) timeout.toMillis();
            try {
                builder = JWKSourceBuilder.create(client.jwksUrl().toURL(),
                        new DefaultResourceRetriever(millis, millis, JWKS_SIZE_LIMIT));
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("jwksUrl of " + client.iss() + " is not a URL", e);
            }
        }
        builder = builder.cache(JWKS_CACHE.toMillis(), timeout.toMillis());
        builder = minRefreshInterval.isZero() ? builder.rateLimited(false) : builder.rateLimited(minRefreshInterval.toMillis());
        return builder.refreshAheadCache(false)
                .retrying(false)
                .outageTolerant(false)
                .build();
    }

    /**
     * Checks the {@code Authorization} header of a call to service {@code serviceId}.
     *
     * @param authorization the header's value, or null when there is none
     * @return the calling client
     * @throws Refused with the reason, which names no part of the token's signature
     */
    Identity authenticate(String authorization, String serviceId) throws Refused {
        if (authorization == null) {
            throw new Refused("no Authorization header");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Refused("the Authorization header is not a bearer token");
        }
        String token = authorization.substring(7).strip();
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new Refused("the token has " + token.length() + " characters, more than " + MAX_TOKEN_CHARS);
        }
        SignedJWT jwt;
        JWTClaimsSet unverified;
        try {
            jwt = SignedJWT.parse(token);
            unverified = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Refused("the token is not a signed JWT (JWS compact form)");
        }
        JWSHeader header = jwt.getHeader();
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            throw new Refused("the token is signed with " + printable(String.valueOf(header.getAlgorithm()))
                    + ", which is not an accepted asymmetric algorithm");
        }
        if (header.getKeyID() == null || header.getKeyID().isBlank()) {
            throw new Refused("the token's header has no kid");
        }
        Client client = clients.get(unverified.getIssuer());
        if (client == null) {
            throw new Refused("the issuer " + printable(unverified.getIssuer()) + " is not a trusted client");
        }
        if (header.getJWKURL() != null && !header.getJWKURL().equals(client.config().jwksUrl())) {
            throw new Refused("the token's jku " + printable(header.getJWKURL().toString()) + " is not the jwksUrl"
                    + " registered for " + client.config().iss());
        }
        JWTClaimsSet claims;
        try {
            claims = client.processor().process(jwt, null);
        } catch (KeySourceException e) {
            throw new Refused("the keys of " + client.config().iss() + " could not be had: " + e.getClass().getSimpleName());
        } catch (BadJOSEException | JOSEException e) {
            throw new Refused("the signature of a token from " + client.config().iss() + " (kid "
                    + printable(header.getKeyID()) + ") did not verify: " + printable(e.getMessage()));
        }
        checkClaims(claims, client.config(), serviceId);
        if (!replays.firstUse(client.config().iss(), claims.getJWTID(), claims.getExpirationTime().toInstant())) {
            throw new Refused("the token's jti was used before (a replay), from " + client.config().iss());
        }
        return new Identity(client.config().iss());
    }

    private void checkClaims(JWTClaimsSet claims, ServiceConfig.TrustedClient client, String serviceId) throws Refused {
        String expected = audience + "/" + serviceId;
        if (claims.getAudience() == null || !claims.getAudience().contains(expected)) {
            throw new Refused("the token's aud " + printable(String.valueOf(claims.getAudience())) + " is not " + expected);
        }
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || iat == null) {
            throw new Refused("the token lacks " + (exp == null ? "exp" : "iat"));
        }
        Instant now = clock.instant();
        if (!exp.toInstant().plus(CLOCK_SKEW).isAfter(now)) {
            throw new Refused("the token expired at " + exp.toInstant());
        }
        if (iat.toInstant().minus(CLOCK_SKEW).isAfter(now)) {
            throw new Refused("the token was issued in the future, at " + iat.toInstant());
        }
        if (Duration.between(iat.toInstant(), exp.toInstant()).compareTo(MAX_LIFETIME) > 0) {
            throw new Refused("the token lives " + Duration.between(iat.toInstant(), exp.toInstant()).toSeconds()
                    + " s, more than " + MAX_LIFETIME.toSeconds() + " s");
        }
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().minus(CLOCK_SKEW).isAfter(now)) {
            throw new Refused("the token is not valid before " + claims.getNotBeforeTime().toInstant());
        }
        if (claims.getJWTID() == null || claims.getJWTID().isBlank()) {
            throw new Refused("the token has no jti");
        }
        if (client.tenant() != null) {
            Object tenant = claims.getClaim("tenant");
            if (!client.tenant().equals(tenant)) {
                throw new Refused("the token's tenant is not " + client.tenant());
            }
        }
    }

    /** At most 100 printable ASCII characters of a text the caller chose, for a log line. */
    static String printable(String text) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < text.length() && out.length() <= 100; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return out.append(text.length() > 100 ? "…'" : "'").toString();
    }

    /** For a log line at start: which clients are trusted, and where their keys come from. */
    String describe() {
        StringBuilder text = new StringBuilder();
        for (Client client : clients.values()) {
            ServiceConfig.TrustedClient config = client.config();
            text.append(text.length() == 0 ? "" : "; ").append(config.iss()).append(" (keys from ")
                    .append(config.jwksUrl() != null ? config.jwksUrl() : config.jwksFile()).append(')');
        }
        return text.toString();
    }
}
