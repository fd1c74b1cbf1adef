package org.nightpain.cds.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nightpain.cds.cli.CliProcess.NO_INPUT;
import static org.nightpain.cds.cli.CliProcess.example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line's jar also carries the CDS Hooks service with HAPI FHIR and Jetty; {@code assess}
 * must not load any of it, or every start would pay for classes it does not use.
 */
class LeanStartIT {
    private static final List<String> SERVICE_PACKAGES = List.of(
            "org.nightpain.cds.hooks.", "ca.uhn.", "org.hl7.", "org.eclipse.jetty.", "jakarta.servlet.",
            "com.nimbusds.", "org.flywaydb.", "org.h2.", "org.postgresql.", "com.zaxxer.");

    @ParameterizedTest
    @ValueSource(strings = {"red-flag.json", "batch.ndjson"})
    void assess_loadsNoClassOfTheHooksServiceFhirOrJetty(String input, @TempDir Path folder) throws IOException {
        Path log = folder.resolve("classes.log");
        String[] args = input.endsWith(".ndjson")
                ? new String[] {"assess", "--ndjson", example(input).toString()}
                : new String[] {"assess", example(input).toString()};

        CliProcess.Run run = CliProcess.run(List.of("-Xlog:class+load=info:file=" + log), NO_INPUT, args);

        assertThat(run.out()).as("%s", run).contains("highestUrgency");
        List<String> loaded = Files.readAllLines(log).stream()
                .map(line -> line.replaceFirst("^\\[[^]]*\\]\\[[^]]*\\]\\[[^]]*\\] ", ""))
                .toList();
        assertThat(loaded).as("classes loaded").anyMatch(name -> name.startsWith("org.nightpain.cds.cli.AssessCommand "));
        assertThat(loaded.stream().filter(name -> SERVICE_PACKAGES.stream().anyMatch(name::startsWith)))
                .as("classes of the service loaded by assess").isEmpty();
    }
}
