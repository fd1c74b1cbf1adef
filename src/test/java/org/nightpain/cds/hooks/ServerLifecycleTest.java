package org.nightpain.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nightpain.cds.Fixtures;

/** Starting and stopping: the port is released on close, a taken port is a clear error, SIGTERM stops cleanly. */
class ServerLifecycleTest {
    private static FhirSupport fhir;

    @BeforeAll
    static void load() {
        fhir = FhirSupport.load();
    }

    private static CdsHooksServer start(int port) throws IOException {
        return CdsHooksServer.start("127.0.0.1", port, Fixtures.ASSESSOR, Clock.systemUTC(), CompletableFuture.completedFuture(fhir));
    }

    @Test
    void close_releasesThePort_andMayBeRepeated() throws IOException {
        CdsHooksServer server = start(0);
        int port = server.port();
        assertThat(new Hooks.Client(server.baseUri()).get("cds-services").statusCode()).isEqualTo(200);

        server.close();
        server.close();

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void takenPort_isAnErrorNamingTheAddress() throws IOException {
        try (CdsHooksServer first = start(0)) {
            assertThatThrownBy(() -> start(first.port()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("127.0.0.1:" + first.port());
        }
    }

    @Test
    void sigterm_stopsTheServiceCleanly() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                CdsHooksServer.class.getName(), "--port", "0").redirectErrorStream(true).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<URI> address = new CompletableFuture<>();
        Pattern listening = Pattern.compile("listening on (http://\\S+/)cds-services");
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    Matcher matcher = listening.matcher(line);
                    if (matcher.find()) {
                        address.complete(URI.create(matcher.group(1)));
                    }
                }
            } catch (IOException e) {
                output.add("reading the output failed: " + e);
            }
            address.complete(null);
        });
        reader.start();
        try {
            URI base = address.get(60, TimeUnit.SECONDS);
            assertThat(base).as("the service reports its address; output: %s", output).isNotNull();
            Hooks.Client client = new Hooks.Client(base);
            assertThat(client.get("cds-services").statusCode()).isEqualTo(200);
            // Sent at once: the call waits for the FHIR structures if they are still loading.
            HttpResponse<String> call = client.call(Hooks.callWithAnswers(new LinkedHashMap<>(Fixtures.vignettes().get(0).facts())));
            assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
            assertThat(Hooks.parse(call.body()).at("/cards/0/summary").asText()).startsWith("EMERGENCY");

            process.destroy();   // SIGTERM on Linux and macOS

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
            reader.join(10_000);
            assertThat(process.exitValue()).as("exit status of a JVM ended by SIGTERM").isEqualTo(143);
            assertThat(output).noneSatisfy(l -> assertThat(l).containsIgnoringCase("exception"));
        } finally {
            process.destroyForcibly();
        }
    }
}
