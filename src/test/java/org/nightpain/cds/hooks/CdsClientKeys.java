package org.nightpain.cds.hooks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * For tests: the signing side of a CDS client (an EHR). Its keys are made here with nimbus; its public keys
 * are served as a JWKS from a loopback HTTP endpoint (which can be told to hang) or written to a file.
 */
public final class CdsClientKeys implements AutoCloseable {
    /** The audience the test deployments name; a token for service {@code id} has {@code aud} = this + "/" + id. */
    public static final String AUDIENCE = "https://cds.test.example/cds-services";
    public static final String SERVICE_AUD = AUDIENCE + "/" + TriageService.SERVICE_ID;

    private final String iss;
    private final List<JWK> keys = new ArrayList<>();
    private final HttpServer jwks;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile boolean hang;

    private CdsClientKeys(String iss, boolean serveJwks) {
        this.iss = iss;
        keys.add(newEcKey("ec-1"));
        if (serveJwks) {
            try {
                jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            jwks.setExecutor(Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "test-jwks");
                thread.setDaemon(true);
                return thread;
            }));
            jwks.createContext("/jwks.json", exchange -> {
                fetches.incrementAndGet();
                if (hang) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] body = publicJwks().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            jwks.start();
        } else {
            jwks = null;
        }
    }

    /** A client whose keys are served at {@link #jwksUrl()}. */
    public static CdsClientKeys served(String iss) {
        return new CdsClientKeys(iss, true);
    }

    /** A client whose keys the service reads from a file ({@link #writeJwksFile(Path)}). */
    public static CdsClientKeys inFile(String iss) {
        return new CdsClientKeys(iss, false);
    }

    public String iss() {
        return iss;
    }

    public URI jwksUrl() {
        return URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json");
    }

    /** How often the JWKS has been asked for. */
    public int fetches() {
        return fetches.get();
    }

    /** From now on the JWKS endpoint accepts requests and never answers them (within a minute). */
    public void hang() {
        hang = true;
    }

    public Path writeJwksFile(Path file) {
        try {
            Files.writeString(file, publicJwks());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The trusted-client entry of a configuration for this client. */
    public ServiceConfig.TrustedClient trusted(Path jwksFile) {
        return new ServiceConfig.TrustedClient(iss, jwksFile == null ? jwksUrl() : null, jwksFile, null);
    }

    /** Adds a key (rotation): the next JWKS served or written has it too. Returns its kid. */
    public synchronized String rotate() {
        JWK key = newEcKey("ec-" + (keys.size() + 1));
        keys.add(key);
        return key.getKeyID();
    }

    /** The newest key. */
    public synchronized JWK key() {
        return keys.get(keys.size() - 1);
    }

    private synchronized String publicJwks() {
        return new JWKSet(keys).toPublicJWKSet().toString();
    }

    /** A valid token for the triage service, fresh: iss, sub, aud, iat now, exp in a minute, a new jti. */
    public String token() {
        return token(claims -> claims);
    }

    /** A token whose claims are the valid ones changed by {@code change}, signed with the newest key (ES256). */
    public String token(UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(key(), new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key().getKeyID()).type(JOSEObjectType.JWT),
                change.apply(validClaims()).build());
    }

    public JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(iss).subject(iss).audience(SERVICE_AUD)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60))).jwtID(UUID.randomUUID().toString());
    }

    /** Signs with the key's own algorithm family: ES256 for EC keys, RS256 for RSA keys. */
    public static String sign(JWK key, JWSHeader.Builder header, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static ECKey newEcKey(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAKey newRsaKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (jwks != null) {
            jwks.stop(0);
        }
    }
}
