package org.nightpain.cds.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.Urgency;
import org.nightpain.cds.fhir.Canonicals;
import org.nightpain.cds.screening.BulkScreen;
import org.nightpain.cds.screening.SyntheticBulkExport;

/**
 * The same export through the command line's screen and through the Spark job on local[2] gives the same
 * urgency, finding codes and referrals for every patient, and the same summary counts. The export is a
 * generated one with a file of bad lines added: cut off, not UTF-8, without a resourceType, a duplicate,
 * conflicting copies, a patient not in the export, a record the FHIR parser refuses.
 */
class ParityTest {
    private static final Instant AS_OF = Instant.parse("2026-11-25T08:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;
    private static SyntheticBulkExport.Result generated;
    private static Path export;

    @BeforeAll
    static void export() throws IOException {
        export = folder.resolve("export");
        generated = SyntheticBulkExport.write(export, new SyntheticBulkExport.Settings(600, 42, 0.05, AS_OF, 250,
                Canonicals.PLACEHOLDER));
        String patient = Files.readAllLines(export.resolve("Patient-000.ndjson")).get(3);
        String condition = Files.readAllLines(export.resolve("Condition-000.ndjson")).get(5);
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        bad.writeBytes((condition.substring(0, condition.length() / 2) + "\n").getBytes(StandardCharsets.UTF_8));
        bad.writeBytes("{\"id\":\"x1\",\"subject\":{\"reference\":\"Patient/p1\"}}\n".getBytes(StandardCharsets.UTF_8));
        bad.writeBytes(new byte[] {'{', '"', 'r', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}', '\n'});
        bad.writeBytes((patient + "\n").getBytes(StandardCharsets.UTF_8));
        bad.writeBytes((condition.replace("\"recordedDate\"", "\"onsetString\":\"x\",\"recordedDate\"") + "\n")
                .getBytes(StandardCharsets.UTF_8));
        bad.writeBytes(("{\"resourceType\":\"Condition\",\"id\":\"orphan\",\"subject\":{\"reference\":\"Patient/nobody\"},"
                + "\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10\",\"code\":\"C50.9\"}]}}\n")
                .getBytes(StandardCharsets.UTF_8));
        bad.writeBytes(("{\"resourceType\":\"Patient\",\"id\":\"bad-date\",\"birthDate\":\"1970-13-45\"}\n")
                .getBytes(StandardCharsets.UTF_8));
        bad.writeBytes("\n{\"resourceType\":\"Encounter\",\"id\":\"e\"}\r\n".getBytes(StandardCharsets.UTF_8));
        Files.write(export.resolve("Bad.ndjson"), bad.toByteArray());
        Files.delete(export.resolve("manifest.json"));
    }

    @Test
    void screenAndSpark_giveTheSameAnswers() throws IOException {
        Path screenOut = folder.resolve("screen");
        BulkScreen.Result screen = BulkScreen.run(BulkScreen.Options.of(export, screenOut, AS_OF, Urgency.SOON),
                NightPainAssessor.create(), new BulkScreen.Listener() { });
        Path sparkOut = folder.resolve("spark");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = NightPainScreening.run(SharedSpark.session(), new String[] {export.toString(), "--out",
            sparkOut.toString(), "--as-of", AS_OF.toString()}, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(3);
        assertThat(screen.summary().hasProblems()).isTrue();

        Map<String, String> byScreen = new TreeMap<>();
        for (String line : Files.readAllLines(screenOut.resolve("assessments.ndjson"))) {
            JsonNode row = JSON.readTree(line);
            JsonNode result = row.path("result");
            byScreen.put(row.get("patient").asText(), row.get("status").asText() + " " + result.path("highestUrgency").asText("-")
                    + " " + codes(result.path("findings")) + " " + texts(result.path("referrals"))
                    + " complete=" + result.path("screeningComplete").asText("-"));
        }
        Map<String, String> bySpark = new TreeMap<>();
        for (Row row : SharedSpark.session().read().parquet(sparkOut.resolve("assessments").toString()).collectAsList()) {
            bySpark.put(row.getAs("patient"), row.getAs("status") + " "
                    + (row.getAs("highestUrgency") == null ? "-" : row.getAs("highestUrgency")) + " "
                    + row.getList(row.fieldIndex("findingCodes")) + " " + row.getList(row.fieldIndex("referrals"))
                    + " complete=" + (row.getAs("screeningComplete") == null ? "-" : row.getAs("screeningComplete")));
        }
        assertThat(bySpark).hasSize(601).isEqualTo(byScreen);
        for (SyntheticBulkExport.Planted planted : generated.planted()) {
            assertThat(bySpark.get(planted.patient())).as(planted.toString())
                    .containsAnyOf(planted.plant().findings().toArray(String[]::new));
        }

        JsonNode screenSummary = counts(screenOut.resolve("summary.json"));
        JsonNode sparkSummary = counts(sparkOut.resolve("summary.json"));
        assertThat(sparkSummary).isEqualTo(screenSummary);
        assertThat(screenSummary.at("/records/invalid/byReason").toString()).contains("malformed-json", "not-utf-8",
                "no-resource-type", "conflicting-duplicate", "unreadable-fhir");
        assertThat(screenSummary.at("/records/skipped/byReason").toString()).contains("duplicate", "patient-not-in-export",
                "type-not-screened", "patient-not-assessed");
        assertThat(sparkSummary.at("/patients/notAssessed").asLong()).isEqualTo(2);
    }

    /** The summary without what names places (the export's path; lines on the command line, byte offsets in Spark). */
    private static JsonNode counts(Path summary) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(summary.toFile());
        node.remove("export");
        List<String> reasons = new ArrayList<>();
        node.get("invalidRecords").forEach(r -> reasons.add(r.get("reason").asText() + " " + r.get("record").asText()));
        reasons.sort(null);
        node.set("invalidRecords", JSON.valueToTree(reasons));
        return node;
    }

    private static String codes(JsonNode findings) {
        List<String> codes = new ArrayList<>();
        findings.forEach(f -> {
            if (!codes.contains(f.get("code").asText())) {
                codes.add(f.get("code").asText());
            }
        });
        return codes.toString();
    }

    private static String texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts.toString();
    }
}
