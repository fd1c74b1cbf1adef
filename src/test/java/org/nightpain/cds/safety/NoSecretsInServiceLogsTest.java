package org.nightpain.cds.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightpain.cds.hooks.CdsClientKeys;
import org.nightpain.cds.hooks.CdsHooksServer;
import org.nightpain.cds.hooks.ServiceConfig;
import org.nightpain.cds.hooks.TestFhirServer;
import org.slf4j.LoggerFactory;

/**
 * No token, FHIR access token or patient value in any log line at any level, from the deployed CDS Hooks
 * service: with every logger at TRACE (the service's, Jetty's, HAPI FHIR's, nimbus's, H2's, Flyway's,
 * HikariCP's) and captured as in {@link NoPatientDataInLogsTest}, a real service with authentication, a
 * store and the FHIR fetch answers good calls, every attack of the authentication tests, calls whose FHIR
 * fetch succeeds, fails or cannot connect, a token in the query string, and feedback with a comment. Then
 * none of the tokens (nor any of their three parts), the access token, the patient's id, the distinctive
 * answers or the comment may appear in what was logged, by the service or by its libraries.
 *
 * <p>Left out of the check: the FHIR server of the test, which stands for the EHR and may log what it likes
 * (HAPI's server package and Jetty's servlet layer, which only it uses); and the two loggers that write raw
 * HTTP traffic by design: Jetty's DEBUG and TRACE lines (request lines, headers, buffers of every server in
 * the JVM) and the TRACE line of HAPI's client with each FHIR response body. No deployment should lower
 * those two; the command line keeps them at WARN even when the default level is lowered, which
 * {@code ServeDeploymentIT} checks on the real process.
 */
class NoSecretsInServiceLogsTest {
    private static final String PATIENT = "pz7Q4kX9";
    private static final String ACCESS_TOKEN = "access-TOKEN-Xy93f1";
    private static final String COMMENT = "comment-Zq81 patient said so";
    /** Answers that appear nowhere else: the age and temperature, and a decimal duration. */
    private static final List<String> VALUES = List.of("38.73", "6.0373", "ageYears=67", "ageYears: 67");
    private static final Pattern NOT_CHECKED = Pattern.compile("^(\\w+ (ca\\.uhn\\.fhir\\.rest\\.server|org\\.eclipse\\.jetty\\.ee10)\\."
            + "|(DEBUG|TRACE) org\\.eclipse\\.jetty\\.|TRACE ca\\.uhn\\.fhir\\.rest\\.client\\.impl\\.BaseClient )");

    @TempDir
    Path folder;

    @Test
    void noTokenAccessTokenOrPatientValue_appearsInAnyLogLine() throws Exception {
        assumeTrue(LoggerFactory.getILoggerFactory() instanceof CapturingLogProvider.Factory,
                "runs in the no-patient-data-in-logs test execution, where every log is captured");
        List<String> tokens = new ArrayList<>();
        try (CdsClientKeys ehr = CdsClientKeys.served("https://ehr.logs.example");
             CdsClientKeys stranger = CdsClientKeys.inFile("https://stranger.logs.example");
             TestFhirServer fhir = TestFhirServer.start(2)) {
            ServiceConfig config = new ServiceConfig(List.of(ehr.trusted(null)), CdsClientKeys.AUDIENCE,
                    new ServiceConfig.StoreConfig("jdbc:h2:file:" + folder.resolve("store").toAbsolutePath(), "", ""),
                    false, null, null);
            fhir.add(new com.fasterxml.jackson.databind.ObjectMapper().readValue(answers(), com.fasterxml.jackson.databind.node.ObjectNode.class));
            LoggerFactory.getLogger("org.nightpain.canary").trace("canary: TRACE is captured");
            try (CdsHooksServer server = CdsHooksServer.start("127.0.0.1", 0, org.nightpain.cds.Fixtures.ASSESSOR,
                    "http://example.org/fhir/nightpain-cds", config)) {
                URI service = server.baseUri().resolve("cds-services/nightpain-triage");
                String good = ehr.token();
                tokens.add(good);
                HttpResponse<String> answered = post(service, call(true, null), good);
                assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
                String card = answered.body().replaceAll("(?s).*?\"uuid\" : \"([^\"]+)\".*", "$1");

                // the attacks: each refused, each token kept to look for
                Instant now = Instant.now();
                tokens.add(good);   // replayed
                tokens.add(ehr.token(c -> c.expirationTime(Date.from(now.minusSeconds(300))).issueTime(Date.from(now.minusSeconds(400)))));
                tokens.add(ehr.token(c -> c.audience("https://elsewhere.example/x")));
                tokens.add(stranger.token());
                tokens.add(new PlainJWT(ehr.validClaims().build()).serialize());
                SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("ec-1").build(), ehr.validClaims().build());
                hmac.sign(new MACSigner(ehr.key().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
                tokens.add(hmac.serialize());
                String[] parts = ehr.token().split("\\.");
                tokens.add(parts[0] + "." + ehr.validClaims().subject("tampered").build().toPayload().toBase64URL() + "." + parts[2]);
                tokens.add(ehr.token() + "B".repeat(40_000));
                for (String attack : tokens.subList(1, tokens.size())) {
                    assertThat(post(service, call(true, null), attack).statusCode()).isEqualTo(401);
                }
                String inQuery = ehr.token();
                tokens.add(inQuery);
                assertThat(post(URI.create(service + "?access_token=" + inQuery), call(true, null), null).statusCode())
                        .isEqualTo(401);

                // the FHIR fetch: read, failing, and with no server at all
                String fetching = ehr.token();
                tokens.add(fetching);
                HttpResponse<String> fetched = post(service, call(false, fhir.base()), fetching);
                assertThat(fetched.statusCode()).as(fetched.body()).isIn(200, 412);
                fhir.mode(TestFhirServer.Mode.FAIL);
                String failing = ehr.token();
                tokens.add(failing);
                assertThat(post(service, call(false, fhir.base()), failing).statusCode()).isEqualTo(412);
                String unreachable = ehr.token();
                tokens.add(unreachable);
                assertThat(post(service, call(false, URI.create("http://127.0.0.1:9/fhir")), unreachable).statusCode())
                        .isEqualTo(412);

                // feedback, stored and refused
                String feedback = ehr.token();
                tokens.add(feedback);
                URI feedbackUri = URI.create(service + "/feedback");
                assertThat(post(feedbackUri, "{\"feedback\": [{\"card\": \"" + card + "\", \"outcome\": \"overridden\","
                        + " \"outcomeTimestamp\": \"2026-12-02T09:30:00Z\", \"overrideReason\": {\"userComment\": \""
                        + COMMENT + "\"}}]}", feedback).statusCode()).isEqualTo(200);
                String unknownCard = ehr.token();
                tokens.add(unknownCard);
                assertThat(post(feedbackUri, "{\"feedback\": [{\"card\": \"" + PATIENT + "\", \"outcome\": \"accepted\","
                        + " \"outcomeTimestamp\": \"2026-12-02T09:30:00Z\"}]}", unknownCard).statusCode()).isEqualTo(404);
            }
        }

        List<String> lines = CapturingLogProvider.lines();
        StringBuilder service = new StringBuilder();
        for (String line : lines) {
            if (!NOT_CHECKED.matcher(line).find()) {
                service.append(line).append('\n');
            }
        }
        String logged = service.toString();

        assertThat(logged).as("TRACE is captured").contains("canary: TRACE is captured");
        assertThat(logged).as("the refusals are logged").contains("Refused a POST request");
        assertThat(logged).as("the access log is written").contains("route=/cds-services/nightpain-triage status=401");
        assertThat(lines).as("HAPI's client side and the store's libraries log at TRACE and DEBUG, captured")
                .anyMatch(line -> line.matches("(?s)(TRACE|DEBUG) ca\\.uhn\\.fhir\\.(context|parser).*"))
                .anyMatch(line -> line.matches("(?s)(TRACE|DEBUG) (com\\.zaxxer|org\\.flywaydb|com\\.nimbusds|h2database).*"));

        List<String> leaks = new ArrayList<>();
        for (String token : tokens) {
            for (String part : token.split("\\.")) {
                if (part.length() >= 16 && logged.contains(part.substring(0, 16))) {
                    leaks.add("a token part " + part.substring(0, 16) + "…");
                }
            }
        }
        for (String secret : List.of(ACCESS_TOKEN, PATIENT, COMMENT, "comment-Zq81", "Bearer ey")) {
            if (logged.contains(secret)) {
                leaks.add(secret + " at: " + around(logged, secret));
            }
        }
        for (String value : VALUES) {
            if (logged.contains(value)) {
                leaks.add("patient value " + value + " at: " + around(logged, value));
            }
        }
        assertThat(leaks).as("secrets or patient data in the logs").isEmpty();
    }

    private static String around(String text, String found) {
        Matcher at = Pattern.compile("[^\n]{0,160}" + Pattern.quote(found) + "[^\n]{0,80}").matcher(text);
        return at.find() ? at.group() : found;
    }

    private static HttpResponse<String> post(URI uri, String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The patient's answers, with values that appear nowhere else. */
    private static String answers() {
        return "{\"resourceType\": \"QuestionnaireResponse\", \"id\": \"qr-logs\", \"status\": \"completed\","
                + " \"questionnaire\": \"http://example.org/fhir/nightpain-cds/Questionnaire/nightpain-triage\","
                + " \"subject\": {\"reference\": \"Patient/" + PATIENT + "\"}, \"authored\": \"2026-11-25T07:30:00Z\","
                + " \"item\": [{\"linkId\": \"ageYears\", \"answer\": [{\"valueInteger\": 67}]},"
                + " {\"linkId\": \"temperatureC\", \"answer\": [{\"valueDecimal\": 38.73}]},"
                + " {\"linkId\": \"symptomDurationWeeks\", \"answer\": [{\"valueDecimal\": 6.0373}]},"
                + " {\"linkId\": \"urinaryRetention\", \"answer\": [{\"valueBoolean\": true}]}]}";
    }

    /** A call with the answers as prefetch, or without prefetch and with a FHIR server and access token. */
    private static String call(boolean withPrefetch, URI fhirServer) {
        String envelope = "{\"hook\": \"patient-view\", \"hookInstance\": \"" + java.util.UUID.randomUUID() + "\","
                + " \"context\": {\"userId\": \"Practitioner/dr-logs\", \"patientId\": \"" + PATIENT + "\"}";
        if (withPrefetch) {
            return envelope + ", \"prefetch\": {\"questionnaireResponse\": " + answers() + "}}";
        }
        return envelope + ", \"fhirServer\": \"" + fhirServer + "\", \"fhirAuthorization\": {\"access_token\": \""
                + ACCESS_TOKEN + "\", \"token_type\": \"Bearer\", \"expires_in\": 300, \"scope\": \"patient/*.read\","
                + " \"subject\": \"nightpain\"}}";
    }
}
