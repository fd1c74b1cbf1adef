package org.nightpain.cds.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nightpain.cds.screening.Exports.AS_OF;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.Urgency;
import org.nightpain.cds.fhir.Canonicals;

/** The generated exports: the same seed gives the same bytes, and a screen finds every planted red flag. */
class SyntheticBulkExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSameSeed_givesTheSameExport_andAnotherSeedAnother(@TempDir Path folder) throws Exception {
        SyntheticBulkExport.Settings settings = new SyntheticBulkExport.Settings(300, 5, 0.1, AS_OF, 70, Canonicals.PLACEHOLDER);
        SyntheticBulkExport.write(folder.resolve("a"), settings);
        SyntheticBulkExport.write(folder.resolve("b"), settings);
        SyntheticBulkExport.write(folder.resolve("c"), new SyntheticBulkExport.Settings(300, 6, 0.1, AS_OF, 70,
                Canonicals.PLACEHOLDER));

        assertThat(digests(folder.resolve("b"))).isEqualTo(digests(folder.resolve("a")))
                .isNotEqualTo(digests(folder.resolve("c")));
    }

    @Test
    void everyPlantedRedFlag_isFound_throughManyFilesAndBuckets(@TempDir Path folder) throws IOException {
        Path export = folder.resolve("export");
        SyntheticBulkExport.Result generated = SyntheticBulkExport.write(export,
                new SyntheticBulkExport.Settings(2000, 11, 0.04, AS_OF, 500, Canonicals.PLACEHOLDER));
        assertThat(generated.planted()).hasSize(80);
        assertThat(generated.planted()).extracting(SyntheticBulkExport.Planted::plant)
                .containsOnly(SyntheticBulkExport.Plant.values());
        long resources = generated.resources().values().stream().mapToLong(Long::longValue).sum();
        assertThat(resources / 2000.0).as("resources per patient").isBetween(7.0, 9.0);

        // Small buckets, so that the patients' records travel through many spill files.
        BulkScreen.Options options = new BulkScreen.Options(export, folder.resolve("out"), AS_OF, Urgency.SOON,
                Canonicals.PLACEHOLDER, 2, 256 * 1024);
        ScreeningSummary summary = BulkScreen.run(options, NightPainAssessor.create(), new BulkScreen.Listener() { }).summary();

        assertThat(summary.assessed()).isEqualTo(2000);
        assertThat(summary.hasProblems()).isFalse();
        Map<String, JsonNode> rows = new HashMap<>();
        for (String line : Files.readAllLines(folder.resolve("out").resolve("assessments.ndjson"))) {
            JsonNode row = JSON.readTree(line);
            rows.put(row.get("patient").asText(), row);
        }
        assertThat(rows).hasSize(2000);
        List<String> flagged = Files.readAllLines(folder.resolve("out").resolve("flagged.csv"));
        for (SyntheticBulkExport.Planted planted : generated.planted()) {
            List<String> codes = rows.get(planted.patient()).at("/result/findings").findValuesAsText("code");
            assertThat(codes).as(planted.toString()).containsAnyElementsOf(planted.plant().findings());
            assertThat(flagged).as(planted.toString()).anyMatch(line -> line.startsWith(planted.patient() + ","));
        }
    }

    private static Map<String, String> digests(Path folder) throws IOException, NoSuchAlgorithmException {
        Map<String, String> digests = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                digests.put(file.getFileName().toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        }
        return digests;
    }
}
