package org.nightpain.cds.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The cost of authentication on a call of the CDS Hooks service: three {@code serve} processes of the same
 * CLI jar, one open (no configuration, its audit in memory), one with {@code --config} (a trusted client
 * whose keys are in a JWKS file) and its audit in memory, and one with the same configuration and the
 * default H2 file store, are called in turn by one client thread (which goes first rotating), each call
 * timed from sending to the last byte of the answer. The token of each authenticated call (ES256, signed
 * here with a key made here) is made before its clock starts, so the figures are the service's: the second
 * adds verifying the token and the replay check, the third also the audit row written to a file. Prints
 * p50, p90, p99 and the mean of each.
 *
 * <pre>java -cp benchmarks.jar org.nightpain.cds.bench.AuthLatency target/nightpain-cds-cli.jar [calls] [warm-up calls]</pre>
 */
public final class AuthLatency {
    private static final String ISS = "https://ehr.bench.example";
    private static final String AUDIENCE = "https://cds.bench.example/cds-services";
    private static final String CALL = "{\"hook\": \"patient-view\", \"hookInstance\": \"%s\","
            + " \"context\": {\"userId\": \"Practitioner/1\", \"patientId\": \"1\"}, \"prefetch\": {"
            + " \"patient\": {\"resourceType\": \"Patient\", \"id\": \"1\", \"birthDate\": \"1980-01-01\"},"
            + " \"questionnaireResponse\": {\"resourceType\": \"QuestionnaireResponse\", \"status\": \"completed\","
            + " \"subject\": {\"reference\": \"Patient/1\"},"
            + " \"item\": [{\"linkId\": \"urinaryRetention\", \"answer\": [{\"valueBoolean\": true}]},"
            + " {\"linkId\": \"nightPain\", \"answer\": [{\"valueBoolean\": true}]}]}}}";

    private AuthLatency() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: AuthLatency CLI_JAR [calls] [warm-up calls]");
            System.exit(2);
        }
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;
        Path folder = Files.createTempDirectory("auth-latency");
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("bench-1").generate();
        Path jwks = Files.writeString(folder.resolve("jwks.json"), new JWKSet(key).toPublicJWKSet().toString());
        String trusted = "{\"trustedClients\": [{\"iss\": \"" + ISS + "\", \"jwksFile\": \"" + jwks + "\"}], \"audience\": \""
                + AUDIENCE + "\", \"patientIdSalt\": \"bench-salt-0123456789\", \"store\": {\"jdbcUrl\": ";
        Path inMemory = Files.writeString(folder.resolve("memory.json"), trusted + "\"jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1\"}}");
        Path inFile = Files.writeString(folder.resolve("file.json"), trusted + "\"jdbc:h2:file:" + folder.resolve("store") + "\"}}");
        String[] names = {"unauthenticated, audit in memory", "authenticated, audit in memory  ",
            "authenticated, audit in H2 file "};
        List<Process> services = new ArrayList<>();
        List<URI> uris = new ArrayList<>();
        // Stopped with the benchmark, however it ends.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> services.forEach(Process::destroy)));
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (Path config : new Path[] {null, inMemory, inFile}) {
                int port = freePort();
                services.add(config == null ? serve(args[0], port) : serve(args[0], port, "--config", config.toString()));
                uris.add(URI.create("http://127.0.0.1:" + port + "/cds-services/nightpain-triage"));
            }
            for (URI uri : uris) {
                ready(http, uri.getPort());
            }
            long[][] nanos = new long[3][calls];
            long signing = 0;
            for (int i = -warmUp; i < calls; i++) {
                for (int k = 0; k < 3; k++) {
                    int which = Math.floorMod(i + k, 3);   // which goes first rotates
                    long beforeSigning = System.nanoTime();
                    String token = which == 0 ? null : token(key);
                    long signed = System.nanoTime() - beforeSigning;
                    long took = time(http, uris.get(which), token);
                    if (i >= 0) {
                        nanos[which][i] = took;
                        signing += which == 0 ? 0 : signed;
                    }
                }
            }
            System.out.println("calls=" + calls + " warmUp=" + warmUp + " cores=" + Runtime.getRuntime().availableProcessors());
            for (int k = 0; k < 3; k++) {
                System.out.println(names[k] + " " + summary(nanos[k]));
            }
            System.out.printf(Locale.ROOT, "client signing (ES256, not in the figures above): mean %.3f ms%n",
                    signing / 1e6 / (2L * calls));
        } finally {
            for (Process service : services) {
                service.destroy();
                service.waitFor();
            }
        }
    }

    private static String token(ECKey key) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(JOSEObjectType.JWT)
                .build(), new JWTClaimsSet.Builder().issuer(ISS).subject(ISS).audience(AUDIENCE + "/nightpain-triage")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60))).jwtID(UUID.randomUUID().toString())
                .build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static long time(HttpClient http, URI uri, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(String.format(CALL, UUID.randomUUID())));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest built = request.build();
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
        long nanos = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + new String(response.body()));
        }
        return nanos;
    }

    private static String summary(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        return String.format(Locale.ROOT, "p50=%.2f ms p90=%.2f ms p99=%.2f ms mean=%.2f ms", at(sorted, 0.50) / 1e6,
                at(sorted, 0.90) / 1e6, at(sorted, 0.99) / 1e6, mean / 1e6);
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static Process serve(String jar, int port, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-jar", jar,
                "serve", "--port", String.valueOf(port)));
        command.addAll(List.of(options));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void ready(HttpClient http, int port) throws Exception {
        URI ready = URI.create("http://127.0.0.1:" + port + "/ready");
        long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < giveUp) {
            try {
                if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the service on port " + port + " was not ready within 2 minutes");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
