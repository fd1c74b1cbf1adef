package org.nightpain.cds.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nightpain.cds.screening.Exports.AS_OF;
import static org.nightpain.cds.screening.Exports.answers;
import static org.nightpain.cds.screening.Exports.condition;
import static org.nightpain.cds.screening.Exports.file;
import static org.nightpain.cds.screening.Exports.patient;
import static org.nightpain.cds.screening.Exports.screen;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nightpain.cds.FactField;
import org.nightpain.cds.TriState;
import org.nightpain.cds.fhir.Canonicals;
import org.nightpain.cds.fhir.FhirFactMapper;

/**
 * The bad input of issue 14, each on its own: every record read is used, skipped with a reason or
 * reported invalid, the counts add up, the run goes on, and a patient whose records are not valid gets
 * an error row, never a result.
 */
class BulkScreenTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private Path export() {
        return folder.resolve("export");
    }

    private Path out() {
        return folder.resolve("out");
    }

    @Test
    void aTruncatedLine_isInvalid_namedByFileAndLine_andTheRunGoesOn() throws IOException {
        String cancer = condition("c1", "Patient/p1", "http://hl7.org/fhir/sid/icd-10", "C50.9");
        file(export(), "Patient.ndjson", patient("p1", "1960-05-01"), patient("p2", "1970-05-01"));
        file(export(), "Condition.ndjson", cancer, cancer.substring(0, 40));

        ScreeningSummary summary = screen(export(), out()).summary();

        assertThat(summary.reasons()).containsEntry(RecordReason.MALFORMED_JSON, 1L);
        assertThat(summary.listedInvalidRecords()).containsExactly(
                new ScreeningSummary.InvalidRecord("Condition.ndjson:2", RecordReason.MALFORMED_JSON, null));
        assertThat(rows().keySet()).containsExactly("Patient/p1", "Patient/p2");
        assertThat(rows().get("Patient/p1").at("/result/findings").findValuesAsText("code")).contains("CANCER_HISTORY_REVIEW");
        assertCountsAddUp(summary, 2);
        assertThat(summary.hasProblems()).isTrue();
    }

    @Test
    void aResourceWithoutResourceType_isInvalid() throws IOException {
        file(export(), "Patient.ndjson", patient("p1", "1960-05-01"),
                "{\"id\":\"c9\",\"subject\":{\"reference\":\"Patient/p1\"}}", "[1,2]", "\"text\"");

        ScreeningSummary summary = screen(export(), out()).summary();

        assertThat(summary.reasons()).containsExactly(Map.entry(RecordReason.NO_RESOURCE_TYPE, 3L));
        assertThat(summary.listedInvalidRecords()).extracting(ScreeningSummary.InvalidRecord::where)
                .containsExactly("Patient.ndjson:2", "Patient.ndjson:3", "Patient.ndjson:4");
        assertCountsAddUp(summary, 1);
    }

    @Test
    void recordsOfAPatientNotInTheExport_areSkippedWithTheirReason_andGiveNoRow() throws IOException {
        file(export(), "Patient.ndjson", patient("p1", "1960-05-01"));
        file(export(), "Condition.ndjson", condition("c1", "Patient/p1", "http://snomed.info/sct", "64859006"),
                condition("c2", "Patient/ghost", "http://snomed.info/sct", "363346000"),
                condition("c3", "https://ehr.example.org/fhir/Patient/ghost", "http://snomed.info/sct", "64859006"));

        ScreeningSummary summary = screen(export(), out()).summary();

        assertThat(summary.reasons()).containsExactly(Map.entry(RecordReason.PATIENT_NOT_IN_EXPORT, 2L));
        assertThat(rows().keySet()).containsExactly("Patient/p1");
        assertThat(summary.hasProblems()).isFalse();
        assertCountsAddUp(summary, 1);
    }

    @Test
    void aConditionWithAnUnknownCode_leavesItsFactUnknown_neverNo() throws IOException {
        file(export(), "Patient.ndjson", patient("p1", "1960-05-01"));
        file(export(), "Condition.ndjson", condition("c1", "Patient/p1", "http://snomed.info/sct", "999999999"),
                condition("c2", "Patient/p1", "http://example.org/local-codes", "CANCER"));

        ScreeningSummary summary = screen(export(), out()).summary();

        JsonNode row = rows().get("Patient/p1");
        assertThat(row.get("status").asText()).isEqualTo("assessed");
        assertThat(row.get("factSources").has("historyOfCancer")).isFalse();
        assertThat(texts(row.get("records"))).containsExactly("Patient/p1", "Condition/c1", "Condition/c2");
        // The facts themselves: the history facts the codes could have set are unknown, not NO.
        PatientOutcome outcome = PatientRecords.create(FhirContext.forR4Cached(), FhirFactMapper.create(Canonicals.PLACEHOLDER))
                .read("Patient/p1", raw(), AS_OF);
        for (FactField fact : List.of(FactField.HISTORY_OF_CANCER, FactField.OSTEOPOROSIS, FactField.IMMUNOSUPPRESSION)) {
            assertThat(fact.read(outcome.facts().facts())).as(fact.fieldName()).isEqualTo(TriState.UNKNOWN);
        }
        assertCountsAddUp(summary, 1);
    }

    @Test
    void anExactCopy_isReadOnce_andConflictingCopies_makeThePatientNotAssessed() throws IOException {
        String fracture = condition("c1", "Patient/p1", "http://snomed.info/sct", "64859006");
        file(export(), "Patient.ndjson", patient("p1", "1960-05-01"), patient("p2", "1950-05-01"));
        file(export(), "Condition-1.ndjson", fracture, condition("c2", "Patient/p2", "http://snomed.info/sct", "64859006"));
        file(export(), "Condition-2.ndjson", fracture, condition("c2", "Patient/p2", "http://snomed.info/sct", "363346000"));
        file(export(), "Patient-again.ndjson", patient("p1", "1960-05-01"));

        ScreeningSummary summary = screen(export(), out()).summary();

        assertThat(summary.reasons()).containsEntry(RecordReason.DUPLICATE, 2L)
                .containsEntry(RecordReason.CONFLICTING_DUPLICATE, 1L)
                .containsEntry(RecordReason.PATIENT_NOT_ASSESSED, 2L);
        assertThat(rows().get("Patient/p1").get("status").asText()).isEqualTo("assessed");
        JsonNode p2 = rows().get("Patient/p2");
        assertThat(p2.get("status").asText()).isEqualTo("not-assessed");
        assertThat(p2.has("result")).isFalse();
        assertThat(p2.at("/error/error/code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(p2.at("/error/error/problems/0/message").asText())
                .contains("Condition/c2", "Condition-1.ndjson:2", "different contents");
        assertThat(Files.readAllLines(out().resolve("flagged.csv"))).contains("Patient/p2,NOT_ASSESSED,,,");
        assertCountsAddUp(summary, 2);
        assertThat(summary.hasProblems()).isTrue();
    }

    @Test
    void aManifestNamingAMissingFile_isRefusedWithTheFilesName_andNothingIsWritten() throws IOException {
        file(export(), "Patient.ndjson", patient("p1", "1960-05-01"));
        file(export(), "manifest.json", "{\"transactionTime\":\"2026-11-25T08:00:00Z\",\"output\":["
                + "{\"type\":\"Patient\",\"url\":\"Patient.ndjson\"},{\"type\":\"Condition\",\"url\":\"Condition-7.ndjson\"}]}");

        assertThatThrownBy(() -> screen(export().resolve("manifest.json"), out()))
                .isInstanceOf(BulkExportException.class).hasMessageContaining("Condition-7.ndjson");
        assertThat(out()).doesNotExist();
    }

    @Test
    void aManifestNamingAServersUrl_asksForTheFilesToBeDownloaded() throws IOException {
        file(export(), "manifest.json", "{\"output\":[{\"type\":\"Patient\",\"url\":\"https://ehr.example.org/files/1.ndjson\"}]}");

        assertThatThrownBy(() -> screen(export(), out())).isInstanceOf(BulkExportException.class)
                .hasMessageContaining("https://ehr.example.org/files/1.ndjson").hasMessageContaining("download");
    }

    @Test
    void anEmptyExport_givesASummaryOfZeros() throws IOException {
        Files.createDirectories(export());

        ScreeningSummary summary = screen(export(), out()).summary();

        JsonNode written = JSON.readTree(out().resolve("summary.json").toFile());
        assertThat(written.at("/records/read").asLong()).isZero();
        assertThat(written.at("/patients/total").asLong()).isZero();
        written.get("highestUrgency").forEach(count -> assertThat(count.asLong()).isZero());
        assertThat(written.get("asOf").asText()).isEqualTo(AS_OF.toString());
        assertThat(Files.readString(out().resolve("assessments.ndjson"))).isEmpty();
        assertThat(Files.readAllLines(out().resolve("flagged.csv"))).containsExactly(String.join(",", FlaggedCsv.COLUMNS));
        assertThat(summary.hasProblems()).isFalse();
    }

    @Test
    void bytesThatAreNotUtf8_spoilOnlyTheirLine() throws IOException {
        Files.createDirectories(export());
        byte[] good = (patient("p1", "1960-05-01") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "{\"resourceType\":\"Patient\",\"id\":\"p2\",\"name\":[{\"family\":\"Mu\u00f1oz\"}]}\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf16 = "{\"resourceType\":\"Patient\"}\n".getBytes(StandardCharsets.UTF_16LE);
        Files.write(export().resolve("Patient.ndjson"), concat(latin1, good, utf16));

        ScreeningSummary summary = screen(export(), out()).summary();

        // UTF-16's line feed is 0A 00: its NUL byte starts a line of its own.
        assertThat(summary.reasons()).containsEntry(RecordReason.NOT_UTF8, 3L);
        assertThat(summary.listedInvalidRecords()).extracting(ScreeningSummary.InvalidRecord::where)
                .containsExactly("Patient.ndjson:1", "Patient.ndjson:3", "Patient.ndjson:4");
        assertThat(rows().keySet()).containsExactly("Patient/p1");
        assertCountsAddUp(summary, 1);
    }

    @Test
    void aRecordTheFhirParserRefuses_makesThePatientNotAssessed_neverBenign() throws IOException {
        file(export(), "Patient.ndjson", patient("p1", "1960-13-45"), patient("p2", "1960-05-01"));
        file(export(), "QuestionnaireResponse.ndjson", answers("q1", "subject", "Patient/p1", "nightPain=true"),
                answers("q2", "subject", "Patient/p2", "urinaryRetention=maybe"));

        ScreeningSummary summary = screen(export(), out()).summary();

        assertThat(rows().get("Patient/p1").get("status").asText()).isEqualTo("not-assessed");
        assertThat(rows().get("Patient/p2").get("status").asText()).isEqualTo("not-assessed");
        assertThat(summary.reasons()).containsEntry(RecordReason.UNREADABLE_FHIR, 2L);
        assertThat(summary.notAssessed()).isEqualTo(2);
        assertThat(summary.assessed()).isZero();
        assertCountsAddUp(summary, 2);
    }

    /** HAPI FHIR's parser throws a NullPointerException on an extension array of other than objects. */
    @Test
    void aRecordThatBreaksTheFhirParser_makesItsPatientNotAssessed_andTheRunGoesOn() throws IOException {
        file(export(), "Patient.ndjson", patient("p1", "1960-05-01"), patient("p2", "1970-05-01"));
        file(export(), "Condition.ndjson", "{\"resourceType\":\"Condition\",\"id\":\"c1\","
                + "\"subject\":{\"reference\":\"Patient/p1\"},\"extension\":[1]}");

        ScreeningSummary summary = screen(export(), out()).summary();

        assertThat(rows().get("Patient/p1").get("status").asText()).isEqualTo("not-assessed");
        assertThat(rows().get("Patient/p2").has("result")).isTrue();
        assertThat(summary.reasons()).containsEntry(RecordReason.UNREADABLE_FHIR, 1L);
        assertThat(summary.listedInvalidRecords()).extracting(ScreeningSummary.InvalidRecord::where)
                .containsExactly("Condition.ndjson:1");
        assertCountsAddUp(summary, 2);
    }

    @Test
    void aQuestionnaireResponseMayNameItsPatientAsSourceOrAuthor() throws IOException {
        file(export(), "Patient.ndjson", patient("p1", "1960-05-01"), patient("p2", "1960-05-01"),
                patient("p3", "1960-05-01"));
        file(export(), "QuestionnaireResponse.ndjson",
                answers("q1", "source", "Patient/p1", "urinaryRetention=true"),
                answers("q2", "author", "urn:uuid:p2", "urinaryRetention=true"),
                answers("q3", "author", "Practitioner/d1", "urinaryRetention=true"));

        ScreeningSummary summary = screen(export(), out()).summary();

        assertThat(rows().get("Patient/p1").at("/result/highestUrgency").asText()).isEqualTo("EMERGENCY");
        assertThat(rows().get("Patient/p2").at("/result/highestUrgency").asText()).isEqualTo("EMERGENCY");
        assertThat(rows().get("Patient/p3").get("answered").asBoolean()).isFalse();
        assertThat(summary.reasons()).containsExactly(Map.entry(RecordReason.NOT_A_PATIENT, 1L));
        assertCountsAddUp(summary, 3);
    }

    @Test
    void aPatientWithoutAnswers_isAssessedFromTheRecords_andSaidToBe() throws IOException {
        file(export(), "Patient.ndjson", patient("p1", "1950-05-01"));

        ScreeningSummary summary = screen(export(), out()).summary();

        JsonNode row = rows().get("Patient/p1");
        assertThat(row.get("answered").asBoolean()).isFalse();
        assertThat(row.at("/result/highestUrgency").asText()).isNotEqualTo("SELF_CARE");
        assertThat(row.at("/result/findings").findValuesAsText("code")).contains("INSUFFICIENT_INFORMATION");
        JsonNode written = JSON.readTree(out().resolve("summary.json").toFile());
        assertThat(written.at("/patients/assessedWithoutAnswers").asLong()).isEqualTo(1);
        assertCountsAddUp(summary, 1);
    }

    /** Every record read is used, skipped or invalid; every patient row is assessed or not; both in summary.json too. */
    private void assertCountsAddUp(ScreeningSummary summary, long patients) throws IOException {
        assertThat(summary.used() + summary.skipped() + summary.invalidRecords()).isEqualTo(summary.read());
        assertThat(summary.assessed() + summary.notAssessed()).isEqualTo(patients);
        JsonNode written = JSON.readTree(out().resolve("summary.json").toFile());
        assertThat(written.at("/records/used").asLong() + written.at("/records/skipped/total").asLong()
                + written.at("/records/invalid/total").asLong()).isEqualTo(written.at("/records/read").asLong());
        long byType = 0;
        for (JsonNode n : written.at("/records/readByResourceType")) {
            byType += n.asLong();
        }
        assertThat(byType).isEqualTo(written.at("/records/read").asLong());
        long byUrgency = 0;
        for (JsonNode n : written.get("highestUrgency")) {
            byUrgency += n.asLong();
        }
        assertThat(byUrgency).isEqualTo(written.at("/patients/assessed").asLong());
        assertThat(Files.readAllLines(out().resolve("assessments.ndjson"))).hasSize((int) patients);
    }

    private Map<String, JsonNode> rows() throws IOException {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out().resolve("assessments.ndjson"))) {
            JsonNode row = JSON.readTree(line);
            rows.put(row.get("patient").asText(), row);
        }
        return rows;
    }

    /** The screened records of the export, as the second pass hands them over. */
    private List<RawRecord> raw() throws IOException {
        List<RawRecord> records = new ArrayList<>();
        for (Path file : ExportFiles.locate(export()).files()) {
            int number = 0;
            for (String line : Files.readAllLines(file)) {
                number++;
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                RecordClassifier.Line classified = RecordClassifier.classify(bytes, 0, bytes.length);
                records.add(new RawRecord(classified.resourceType(), classified.id(), bytes, file.getFileName().toString(),
                        number, file.getFileName() + ":" + number));
            }
        }
        return records;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
