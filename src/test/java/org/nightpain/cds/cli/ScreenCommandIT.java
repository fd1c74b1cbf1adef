package org.nightpain.cds.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nightpain.cds.cli.CliProcess.NO_INPUT;
import static org.nightpain.cds.cli.CliProcess.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code screen} as a user runs it: the built jar, the example export, and each exit code. */
class ScreenCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void screen_theExampleExport_printsItsSummary_andExitsZero() throws IOException {
        Path out = folder.resolve("out");
        CliProcess.Run run = run(NO_INPUT, "screen", CliProcess.EXAMPLES.resolve("bulk").toString(), "--out", out.toString());

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.stderr()).contains("screening as of 2026-11-25T08:00:00Z", "records: 108 read, 99 used, 9 skipped, 0 invalid",
                "patients: 12 assessed, 0 not assessed", "highest urgency: EMERGENCY 2");
        assertThat(run.out()).isEmpty();
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.at("/patients/assessed").asInt()).isEqualTo(12);
        assertThat(Files.readAllLines(out.resolve("assessments.ndjson"))).hasSize(12);
        assertThat(Files.readAllLines(out.resolve("flagged.csv")))
                .anyMatch(line -> line.startsWith("Patient/p2,EMERGENCY,CAUDA_EQUINA_SUSPECTED"));
    }

    @Test
    void screen_aManifestNamingAMissingFile_exitsTwoAndNamesIt() throws IOException {
        Path manifest = folder.resolve("manifest.json");
        Files.writeString(manifest, "{\"output\":[{\"type\":\"Patient\",\"url\":\"Patient-9.ndjson\"}]}");

        CliProcess.Run run = run(NO_INPUT, "screen", manifest.toString(), "--out", folder.resolve("out").toString());

        assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
        assertThat(run.stderr()).contains("Patient-9.ndjson", "no such readable file");
    }

    @Test
    void screen_withAnInvalidLine_writesTheRest_andExitsThree() throws IOException {
        Path export = Files.createDirectories(folder.resolve("export"));
        Files.writeString(export.resolve("Patient.ndjson"), "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"birthDate\":\"1960-01-01\"}\n"
                + "{\"resourceType\":\"Patient\",\"id\":\"p2\",\"birth", StandardCharsets.UTF_8);

        CliProcess.Run run = run(NO_INPUT, "screen", export.toString(), "--out", folder.resolve("out").toString(),
                "--as-of", "2026-11-25T08:00:00Z", "--min-urgency", "routine");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
        assertThat(run.stderr()).contains("Patient.ndjson:2: malformed-json", "patients: 1 assessed");
        assertThat(Files.readAllLines(folder.resolve("out").resolve("flagged.csv"))).hasSize(2);
    }

    @Test
    void screen_anEmptyExport_exitsZero_andABadAsOf_exitsTwo() throws IOException {
        Path export = Files.createDirectories(folder.resolve("empty"));
        CliProcess.Run empty = run(NO_INPUT, "screen", export.toString(), "--out", folder.resolve("out").toString(),
                "--as-of", "2026-11-25T08:00:00Z");
        CliProcess.Run badAsOf = run(NO_INPUT, "screen", export.toString(), "--out", folder.resolve("out2").toString(),
                "--as-of", "yesterday");

        assertThat(empty.exitCode()).as("%s", empty).isZero();
        assertThat(empty.stderr()).contains("records: 0 read", "patients: 0 assessed");
        assertThat(badAsOf.exitCode()).as("%s", badAsOf).isEqualTo(2);
        assertThat(badAsOf.stderr()).contains("--as-of");
    }
}
