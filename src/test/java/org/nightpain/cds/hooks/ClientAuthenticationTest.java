package org.nightpain.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightpain.cds.Fixtures;

/**
 * CDS Hooks 2.0 "Trusting CDS Clients" against a real service: tokens signed in the test with keys made in
 * the test, the keys served from a loopback JWKS endpoint or read from a file. Each attack is refused with
 * 401 and exactly {@code {"error":"unauthorized"}}. Every test uses its own client where the JWKS cache or
 * its rate limit matters, so that the order of the tests changes nothing.
 */
class ClientAuthenticationTest {
    private static final String SERVICE = "cds-services/" + TriageService.SERVICE_ID;

    @TempDir
    static Path folder;
    private static CdsClientKeys ehr;
    private static CdsClientKeys fromFile;
    private static CdsClientKeys rotating;
    private static CdsClientKeys probing;
    private static CdsClientKeys hanging;
    private static CdsHooksServer server;
    private static Deployments.Client client;
    private static String call;

    @BeforeAll
    static void start() {
        ehr = CdsClientKeys.served("https://ehr.test.example");
        fromFile = CdsClientKeys.inFile("https://ehr-with-a-file.test.example");
        rotating = CdsClientKeys.served("https://rotating-ehr.test.example");
        probing = CdsClientKeys.served("https://probed-ehr.test.example");
        hanging = CdsClientKeys.served("https://hanging-ehr.test.example");
        hanging.hang();
        server = Deployments.start(Deployments.config(folder, ehr.trusted(null),
                fromFile.trusted(fromFile.writeJwksFile(folder.resolve("jwks.json"))), rotating.trusted(null),
                probing.trusted(null), hanging.trusted(null)));
        client = new Deployments.Client(server.baseUri());
        call = Hooks.callWithAnswers(new LinkedHashMap<>(Fixtures.vignettes().get(0).facts())).toString();
    }

    @AfterAll
    static void stop() {
        server.close();
        for (CdsClientKeys keys : List.of(ehr, fromFile, rotating, probing, hanging)) {
            keys.close();
        }
    }

    private static HttpResponse<String> callWith(String token) {
        return client.post(SERVICE, call, token);
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"unauthorized\"}");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void validToken_isAnswered_andDiscoveryNeedsNone() {
        HttpResponse<String> answered = callWith(ehr.token());

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(Hooks.parse(answered.body()).get("cards")).isNotEmpty();
        assertThat(client.get("cds-services").statusCode()).isEqualTo(200);
        assertThat(client.get("questionnaire").statusCode()).isEqualTo(200);
    }

    @Test
    void tokenOfAClientWhoseKeysAreInAFile_isAccepted() {
        assertThat(callWith(fromFile.token()).statusCode()).isEqualTo(200);
    }

    @Test
    void audienceAsAnArrayHoldingTheServiceUrl_isAccepted() {
        assertThat(callWith(ehr.token(c -> c.audience(List.of("https://elsewhere.example", CdsClientKeys.SERVICE_AUD))))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void noTokenOrNoBearerToken_isRefused() {
        assertRefused(client.postWithHeader(SERVICE, call, null));
        assertRefused(client.postWithHeader(SERVICE, call, "Basic ZWhyOnNlY3JldA=="));
        assertRefused(client.postWithHeader(SERVICE, call, "Bearer"));
        assertRefused(client.postWithHeader(SERVICE, call, "Bearer not.a.jwt"));
        assertRefused(client.get(SERVICE));
    }

    @Test
    void algNone_isRefused() {
        String unsigned = new PlainJWT(ehr.validClaims().build()).serialize();
        String unsignedWithKid = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"ec-1\"}") + "."
                + ehr.validClaims().build().toPayload().toBase64URL() + ".";

        assertRefused(callWith(unsigned));
        assertRefused(callWith(unsignedWithKid));
    }

    /** The classic confusion: an HMAC whose secret is the client's public key, which anyone can read. */
    @Test
    void hs256SignedWithThePublicKeyAsTheSecret_isRefused() throws JOSEException {
        JWK publicKey = ehr.key().toPublicJWK();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(publicKey.getKeyID()).build(),
                ehr.validClaims().build());
        jwt.sign(new MACSigner(publicKey.toJSONString().getBytes(StandardCharsets.UTF_8)));

        assertRefused(callWith(jwt.serialize()));
    }

    @Test
    void expiredToken_isRefused_butOneWithinTheClockSkewIsNot() {
        Instant now = Instant.now();
        assertRefused(callWith(ehr.token(c -> c.issueTime(Date.from(now.minusSeconds(200)))
                .expirationTime(Date.from(now.minusSeconds(61 + 30))))));
        assertThat(callWith(ehr.token(c -> c.issueTime(Date.from(now.minusSeconds(100)))
                .expirationTime(Date.from(now.minusSeconds(20))))).statusCode()).isEqualTo(200);
    }

    @Test
    void tokenIssuedInTheFuture_isRefused() {
        Instant now = Instant.now();
        assertRefused(callWith(ehr.token(c -> c.issueTime(Date.from(now.plusSeconds(120)))
                .expirationTime(Date.from(now.plusSeconds(180))))));
    }

    @Test
    void lifetimeOverFiveMinutes_isRefused() {
        Instant now = Instant.now();
        assertRefused(callWith(ehr.token(c -> c.issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(301))))));
        assertRefused(callWith(ehr.token(c -> c.expirationTime(null))));
        assertRefused(callWith(ehr.token(c -> c.issueTime(null))));
    }

    @Test
    void wrongAudience_isRefused() {
        assertRefused(callWith(ehr.token(c -> c.audience(CdsClientKeys.AUDIENCE + "/another-service"))));
        assertRefused(callWith(ehr.token(c -> c.audience("https://elsewhere.example/cds-services/nightpain-triage"))));
        assertRefused(callWith(ehr.token(c -> c.audience((String) null))));
    }

    @Test
    void unknownIssuer_isRefused() {
        try (CdsClientKeys stranger = CdsClientKeys.inFile("https://stranger.test.example")) {
            assertRefused(callWith(stranger.token()));
            // A stranger naming a trusted issuer but signing with its own key
            assertRefused(callWith(stranger.token(c -> c.issuer(ehr.iss()))));
        }
    }

    @Test
    void tokenWithoutKidOrJti_isRefused() {
        assertRefused(callWith(CdsClientKeys.sign(ehr.key(), new JWSHeader.Builder(JWSAlgorithm.ES256), ehr.validClaims().build())));
        assertRefused(callWith(ehr.token(c -> c.jwtID(null))));
    }

    /** A kid the keys do not have makes the service fetch the JWKS once more, and no more; then it refuses. */
    @Test
    void unknownKid_isRefusedAfterOneRefresh() {
        assertThat(callWith(probing.token()).statusCode()).isEqualTo(200);
        int fetchesBefore = probing.fetches();
        JWK unregistered = CdsClientKeys.newEcKey("ec-unregistered");

        assertRefused(callWith(CdsClientKeys.sign(unregistered, new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID("ec-unregistered").type(JOSEObjectType.JWT), probing.validClaims().build())));

        assertThat(probing.fetches() - fetchesBefore).as("JWKS fetches for the unknown kid").isEqualTo(1);
    }

    /** Key rotation: a new key published at the JWKS URL is fetched when its kid is first seen. */
    @Test
    void rotatedKey_isFetchedAndAccepted() {
        assertThat(callWith(rotating.token()).statusCode()).isEqualTo(200);
        int fetchesBefore = rotating.fetches();

        rotating.rotate();
        HttpResponse<String> withNewKey = callWith(rotating.token());

        assertThat(withNewKey.statusCode()).as(withNewKey.body()).isEqualTo(200);
        assertThat(rotating.fetches() - fetchesBefore).isEqualTo(1);
    }

    @Test
    void tamperedPayload_isRefused() {
        String[] parts = ehr.token().split("\\.");
        String tampered = ehr.validClaims().audience(CdsClientKeys.SERVICE_AUD).subject("someone-else").build()
                .toPayload().toBase64URL().toString();

        assertRefused(callWith(parts[0] + "." + tampered + "." + parts[2]));
    }

    @Test
    void replayedJti_isRefused() {
        String token = ehr.token();
        assertThat(callWith(token).statusCode()).isEqualTo(200);

        assertRefused(callWith(token));
        String sameJti = ehr.token(c -> c.jwtID(SignedJWTs.jti(token)));
        assertRefused(callWith(sameJti));
    }

    @Test
    void jkuOtherThanTheRegisteredJwksUrl_isRefused() {
        JWK key = ehr.key();
        String elsewhere = CdsClientKeys.sign(key, new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .jwkURL(URI.create("https://attacker.example/jwks.json")), ehr.validClaims().build());
        String registered = CdsClientKeys.sign(key, new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .jwkURL(ehr.jwksUrl()), ehr.validClaims().build());

        assertRefused(callWith(elsewhere));
        assertThat(callWith(registered).statusCode()).isEqualTo(200);
    }

    @Test
    void tokenInTheQueryString_isIgnored() {
        assertRefused(client.post(SERVICE + "?access_token=" + ehr.token(), call, null));
        assertRefused(client.post(SERVICE + "?token=" + ehr.token(), call, null));
    }

    @Test
    void hundredKilobyteToken_isRefusedUnread() {
        String valid = ehr.token();
        String huge = valid + "A".repeat(100 * 1024);

        assertRefused(callWith(huge));
        assertThat(callWith(ehr.token()).statusCode()).as("the service answers on").isEqualTo(200);
    }

    /**
     * A call refused before its body is read is answered with {@code Connection: close}: the service closes
     * that connection, so a client that reused it would get no answer to its next call.
     */
    @Test
    void callRefusedBeforeItsBodyArrives_closesTheConnection() {
        URI base = server.baseUri();
        String head = Hooks.answerHead(base, "POST /" + SERVICE + " HTTP/1.1\r\nHost: " + base.getHost()
                + "\r\nAuthorization: Bearer not-a-token\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n");

        assertThat(head).startsWith("HTTP/1.1 401");
        assertThat(head.toLowerCase(Locale.ROOT)).contains("\r\nconnection: close\r\n");
    }

    /** A client whose JWKS endpoint never answers is refused once the fetch times out; others are not held up. */
    @Test
    void hangingJwksEndpoint_failsClosedWithinTheTimeout_andOtherClientsAreUnaffected() throws Exception {
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> stuck = CompletableFuture.supplyAsync(() -> callWith(hanging.token()));
        Thread.sleep(200);

        HttpResponse<String> other = callWith(ehr.token());
        boolean otherAnsweredFirst = !stuck.isDone();
        HttpResponse<String> refused = stuck.get(30, TimeUnit.SECONDS);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(otherAnsweredFirst).as("another client is answered while the hanging fetch waits").isTrue();
        assertRefused(refused);
        assertThat(seconds).as("refused after the fetch timeout, long before the endpoint would answer (60 s)")
                .isLessThan(30);
        assertThat(hanging.fetches()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void feedbackNeedsAToken_andItsAudienceIsTheServiceUrl() {
        List<String> cards = Deployments.cardUuids(callWith(ehr.token()));

        assertRefused(client.accept(cards, null));
        assertRefused(client.accept(cards, ehr.token(c -> c.audience(CdsClientKeys.SERVICE_AUD + "/feedback"))));
        assertThat(client.accept(cards, ehr.token()).statusCode()).isEqualTo(200);
    }

    /** The token's jti, read without verifying it. */
    private static final class SignedJWTs {
        static String jti(String token) {
            try {
                return SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
            } catch (java.text.ParseException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
