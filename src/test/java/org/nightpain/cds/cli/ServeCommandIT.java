package org.nightpain.cds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code serve} run from the built jar: it listens on loopback, answers, and stops cleanly on SIGTERM. */
class ServeCommandIT {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/)cds-services");

    @Test
    void serve_answersDiscoveryAndACall_andStopsOnSigterm() throws Exception {
        Process process = new ProcessBuilder(java(), "-jar", CliProcess.JAR.toString(), "serve", "--port", "0")
                .redirectErrorStream(true).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<URI> address = readAddress(process, output);
        try {
            URI base = address.get(90, TimeUnit.SECONDS);
            assertThat(base).as("the service reports its address; output: %s", output).isNotNull();
            assertThat(base.getHost()).as("loopback by default").isEqualTo("127.0.0.1");
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

            HttpResponse<String> discovery = client.send(HttpRequest.newBuilder(base.resolve("cds-services")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> call = client.send(HttpRequest.newBuilder(base.resolve("cds-services/nightpain-triage"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(callWithRetention())).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(discovery.statusCode()).isEqualTo(200);
            assertThat(discovery.body()).contains("\"nightpain-triage\"", "\"patient-view\"");
            assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
            JsonNode firstCard = new ObjectMapper().readTree(call.body()).at("/cards/0");
            assertThat(firstCard.at("/indicator").asText()).isEqualTo("critical");
            assertThat(firstCard.at("/source/topic/code").asText() + firstCard.at("/source/topic").toString())
                    .contains("EMR-01");

            process.destroy();   // SIGTERM

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
            assertThat(process.exitValue()).as("exit status of a JVM ended by SIGTERM").isEqualTo(143);
            assertThat(output).noneSatisfy(line -> assertThat(line).containsIgnoringCase("exception"));
            assertThat(output).as("the placeholder canonical base is pointed out")
                    .anySatisfy(line -> assertThat(line).contains("placeholder", "--canonical-base"));
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void serve_onAPortInUse_exitsWithCode2_namingTheAddress() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliProcess.Run run = CliProcess.run(CliProcess.NO_INPUT, "serve", "--port", String.valueOf(taken.getLocalPort()));

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.stderr()).contains("127.0.0.1:" + taken.getLocalPort());
            assertThat(run.stdout()).isEmpty();
        }
    }

    @Test
    void serve_withAnImpossiblePort_isAUsageError() {
        CliProcess.Run run = CliProcess.run(CliProcess.NO_INPUT, "serve", "--port", "70000");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.stderr()).contains("--port");
    }

    @Test
    void serve_withACanonicalBaseThatIsNoUrl_isAUsageError() {
        CliProcess.Run run = CliProcess.run(CliProcess.NO_INPUT, "serve", "--port", "0", "--canonical-base", "nightpain");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.stderr()).contains("--canonical-base", "http or https URL");
    }

    /** A minimal patient-view call whose QuestionnaireResponse answers urinaryRetention YES. */
    private static String callWithRetention() {
        return """
                {"hook": "patient-view", "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
                 "context": {"userId": "Practitioner/1", "patientId": "1"},
                 "prefetch": {"patient": {"resourceType": "Patient", "id": "1", "birthDate": "1980-01-01"},
                   "questionnaireResponse": {"resourceType": "Bundle", "type": "searchset", "entry": [
                     {"resource": {"resourceType": "QuestionnaireResponse", "status": "completed",
                       "subject": {"reference": "Patient/1"},
                       "item": [{"linkId": "urinaryRetention", "answer": [{"valueBoolean": true}]}]}}]}}}
                """;
    }

    private static CompletableFuture<URI> readAddress(Process process, List<String> output) {
        CompletableFuture<URI> address = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        address.complete(URI.create(matcher.group(1)));
                    }
                }
            } catch (IOException e) {
                // Process.destroy() closes the process's streams, which may cut this read short: not output.
                if (!"Stream closed".equals(e.getMessage())) {
                    output.add("reading the output failed: " + e);
                }
            }
            address.complete(null);
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
        return address;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
