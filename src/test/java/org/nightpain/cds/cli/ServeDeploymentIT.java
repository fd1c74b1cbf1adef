package org.nightpain.cds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightpain.cds.hooks.CdsClientKeys;

/**
 * {@code serve --config} and {@code audit export} from the built jar, as an operator runs them: a bad
 * configuration is a usage error naming the field; an open service will not listen beyond loopback; and a
 * service killed with SIGKILL in the middle of authenticated calls with feedback, then started again on the
 * same H2 file, still has every feedback it answered 200 and an audit row for every call it answered.
 */
class ServeDeploymentIT {
    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+/)cds-services");
    private static final String PATIENT = "crashPat7";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void configurationThatIsNotValid_isAUsageErrorNamingTheField() throws IOException {
        Path config = Files.writeString(folder.resolve("serve.json"), "{\"trustedClient\": [], \"audience\": \"https://s\"}");

        CliProcess.Run run = CliProcess.run(CliProcess.NO_INPUT, "serve", "--port", "0", "--config", config.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.stderr()).contains("--config", "trustedClient is not a configuration key");
    }

    @Test
    void serviceWithoutAuthentication_refusesToListenBeyondLoopback() {
        CliProcess.Run run = CliProcess.run(CliProcess.NO_INPUT, "serve", "--port", "0", "--host", "0.0.0.0");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.stderr()).contains("loopback only");
    }

    @Test
    void auditExport_withoutSinceOrWithABadOne_isAUsageError() throws IOException {
        Path config = writeConfig();

        assertThat(CliProcess.run(CliProcess.NO_INPUT, "audit", "export", "--config", config.toString()).exitCode()).isEqualTo(2);
        CliProcess.Run badSince = CliProcess.run(CliProcess.NO_INPUT, "audit", "export", "--config", config.toString(),
                "--since", "last week");
        assertThat(badSince.exitCode()).isEqualTo(2);
        assertThat(badSince.stderr()).contains("--since");
        assertThat(CliProcess.run(CliProcess.NO_INPUT, "audit").exitCode()).isEqualTo(2);
    }

    @Test
    void serviceKilledDuringLoad_keepsEveryAnsweredFeedbackAndCall() throws Exception {
        Path config = writeConfig();
        List<String> tokens = Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<String> answeredCalls = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> storedFeedback = new ConcurrentLinkedQueue<>();
        List<String> output = Collections.synchronizedList(new ArrayList<>());

        try (CdsClientKeys ehr = keys()) {
            Process first = serve(config, output);
            try {
                URI base = ready(first, output, 0);
                AtomicBoolean killed = new AtomicBoolean();
                AtomicInteger answered = new AtomicInteger();
                ExecutorService threads = Executors.newFixedThreadPool(4);
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                for (int t = 0; t < 4; t++) {
                    threads.submit(() -> {
                        while (!killed.get()) {
                            try {
                                String hookInstance = UUID.randomUUID().toString();
                                String token = ehr.token();
                                tokens.add(token);
                                HttpResponse<String> call = post(http, base.resolve("cds-services/nightpain-triage"), call(hookInstance), token);
                                if (call.statusCode() != 200) {
                                    continue;
                                }
                                answeredCalls.add(hookInstance);
                                answered.incrementAndGet();
                                List<String> cards = new ArrayList<>();
                                JSON.readTree(call.body()).path("cards").forEach(card -> cards.add(card.path("uuid").asText()));
                                String feedbackToken = ehr.token();
                                tokens.add(feedbackToken);
                                HttpResponse<String> feedback = post(http, base.resolve("cds-services/nightpain-triage/feedback"),
                                        feedback(cards), feedbackToken);
                                if (feedback.statusCode() == 200) {
                                    storedFeedback.addAll(cards);
                                }
                            } catch (IOException e) {
                                return;   // the service was killed under this request
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                    });
                }
                for (int i = 0; i < 600 && answered.get() < 400; i++) {
                    Thread.sleep(50);
                }
                first.destroyForcibly();   // SIGKILL, in the middle of calls and feedback
                killed.set(true);
                assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
                threads.shutdown();
                assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
                assertThat(answered.get()).as("calls answered before the kill").isGreaterThan(50);
            } finally {
                first.destroyForcibly();
            }

            int before = output.size();
            Process second = serve(config, output);
            try {
                URI base = ready(second, output, before);
                String token = ehr.token();
                tokens.add(token);
                String after = UUID.randomUUID().toString();
                assertThat(post(HttpClient.newHttpClient(), base.resolve("cds-services/nightpain-triage"), call(after), token)
                        .statusCode()).as("answers again on the same store").isEqualTo(200);
                answeredCalls.add(after);
            } finally {
                second.destroy();
                second.waitFor(30, TimeUnit.SECONDS);
            }
        }

        CliProcess.Run export = CliProcess.run(CliProcess.NO_INPUT, "audit", "export", "--config", config.toString(),
                "--since", "2020-01-01");
        assertThat(export.exitCode()).as(export.stderr()).isZero();
        Set<String> audited = new HashSet<>();
        Set<String> feedback = new HashSet<>();
        for (String line : export.out().split("\n")) {
            JsonNode row = JSON.readTree(line);
            (row.get("record").asText().equals("audit") ? audited : feedback)
                    .add(row.get("record").asText().equals("audit") ? row.get("hookInstance").asText() : row.get("card").asText());
        }
        assertThat(audited).as("an audit row for every call answered").containsAll(answeredCalls);
        assertThat(feedback).as("every feedback answered 200").containsAll(storedFeedback);
        assertThat(export.out()).doesNotContain(PATIENT);

        String logged = String.join("\n", output);
        assertThat(logged).as("the access log, at INFO").contains("route=/cds-services/nightpain-triage status=200");
        assertThat(logged).as("no patient id at DEBUG").doesNotContain(PATIENT);
        for (String token : tokens) {
            for (String part : token.split("\\.")) {
                assertThat(logged).as("a token in the logs at DEBUG").doesNotContain(part.substring(0, 16));
            }
        }
    }

    /** A client whose keys the service reads from a file beside the configuration. */
    private CdsClientKeys keys() {
        CdsClientKeys ehr = CdsClientKeys.inFile("https://ehr.crash.example");
        ehr.writeJwksFile(folder.resolve("jwks.json"));
        return ehr;
    }

    private Path writeConfig() throws IOException {
        // The client's public keys go here (keys()); until then, an empty key set.
        Files.writeString(folder.resolve("jwks.json"), "{\"keys\": []}");
        return Files.writeString(folder.resolve("serve.json"), "{\"trustedClients\": [{\"iss\": \"https://ehr.crash.example\","
                + " \"jwksUrl\": null, \"jwksFile\": \"" + folder.resolve("jwks.json") + "\", \"tenant\": null}],"
                + " \"audience\": \"" + CdsClientKeys.AUDIENCE + "\","
                + " \"store\": {\"jdbcUrl\": \"jdbc:h2:file:" + folder.resolve("store") + "\", \"user\": \"\", \"password\": \"\"},"
                + " \"allowUnauthenticated\": false, \"patientIdSalt\": \"crash-test-salt-0123456789\"}");
    }

    private static Process serve(Path config, List<String> output) throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug", "-jar", CliProcess.JAR.toString(),
                "serve", "--port", "0", "--config", config.toString()).redirectErrorStream(true).start();
        CompletableFuture.runAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException e) {
                output.add("reading the output failed: " + e);
            }
        });
        return process;
    }

    /**
     * The service's address once it says it listens (in the output from line {@code from} on) and answers
     * {@code /ready} with 200.
     */
    private static URI ready(Process process, List<String> output, int from) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 1200; i++) {
            URI base = null;
            synchronized (output) {
                for (String line : output.subList(from, output.size())) {
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        base = URI.create(matcher.group(1));
                    }
                }
            }
            if (base != null && http.send(HttpRequest.newBuilder(base.resolve("ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                return base;
            }
            assertThat(process.isAlive()).as("serve runs; output: %s", output).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("serve was not ready in 120 s: " + output);
    }

    private static HttpResponse<String> post(HttpClient http, URI uri, String body, String token)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String call(String hookInstance) {
        return "{\"hook\": \"patient-view\", \"hookInstance\": \"" + hookInstance + "\", \"context\": {\"userId\":"
                + " \"Practitioner/1\", \"patientId\": \"" + PATIENT + "\"}, \"prefetch\": {\"questionnaireResponse\":"
                + " {\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": [{\"resource\": {\"resourceType\":"
                + " \"QuestionnaireResponse\", \"status\": \"completed\", \"subject\": {\"reference\": \"Patient/" + PATIENT + "\"},"
                + " \"item\": [{\"linkId\": \"urinaryRetention\", \"answer\": [{\"valueBoolean\": true}]}]}}]}}}";
    }

    private static String feedback(List<String> cards) {
        StringBuilder body = new StringBuilder("{\"feedback\": [");
        for (int i = 0; i < cards.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"card\": \"").append(cards.get(i))
                    .append("\", \"outcome\": \"accepted\", \"outcomeTimestamp\": \"2026-12-02T09:30:00Z\"}");
        }
        return body.append("]}").toString();
    }
}
