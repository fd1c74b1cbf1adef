package org.nightpain.cds.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nightpain.cds.JsonTestSupport.MAPPER;
import static org.nightpain.cds.JsonTestSupport.fieldNames;
import static org.nightpain.cds.JsonTestSupport.ndjson;
import static org.nightpain.cds.cli.CliProcess.NO_INPUT;
import static org.nightpain.cds.cli.CliProcess.example;
import static org.nightpain.cds.cli.CliProcess.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: the built jar in its own JVM, one test per command and exit code. */
class CliIT {
    @Test
    void assess_file_writesOneResultAndExitsZero() throws Exception {
        CliProcess.Run run = run(NO_INPUT, "assess", example("night-pain.json").toString());

        assertThat(run.exitCode()).as("%s", run).isZero();
        JsonNode result = MAPPER.readTree(run.stdout());
        assertThat(fieldNames(result)).containsExactly("id", "highestUrgency", "screeningComplete",
                "referrals", "findings", "suppressedFindings", "questionsToAsk", "answersNotUsed", "knowledgeBase",
                "assessedAt");
        assertThat(result.get("id").asText()).isEqualTo("night-pain-1");
        assertThat(result.get("highestUrgency").asText()).isEqualTo("ROUTINE");
        assertThat(result.get("findings").findValuesAsText("code")).contains("INFLAMMATORY_BACK_PAIN");
        assertThat(run.stderr()).as("nothing on standard error, not even logs").isEmpty();
    }

    @Test
    void assess_readsStandardInputWhenFileIsAbsentOrDash() throws Exception {
        byte[] request = Files.readAllBytes(example("red-flag.json"));

        CliProcess.Run absent = run(request, "assess");
        CliProcess.Run dash = run(request, "assess", "-");

        for (CliProcess.Run run : List.of(absent, dash)) {
            assertThat(run.exitCode()).as("%s", run).isZero();
            assertThat(MAPPER.readTree(run.stdout()).get("highestUrgency").asText()).isEqualTo("EMERGENCY");
        }
    }

    @Test
    void assess_invalidRequest_writesItsErrorAndExitsThree() throws Exception {
        CliProcess.Run run = run(NO_INPUT, "assess", example("invalid.json").toString());

        assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
        JsonNode error = MAPPER.readTree(run.stdout());
        assertThat(fieldNames(error)).containsExactly("id", "error");
        assertThat(error.at("/error/code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(error.at("/error/problems").findValuesAsText("field"))
                .contains("urinaryRetension", "temperatureC", "nightPain", "ageAtOnsetYears", "painSeverityNrs");
    }

    @Test
    void assess_tooLargeRequest_isMalformedAndExitsThree() throws Exception {
        byte[] request = ("{\"id\": \"" + "x".repeat(1_200_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        CliProcess.Run run = run(request, "assess");

        assertThat(run.exitCode()).as("%s", run.stderr()).isEqualTo(3);
        assertThat(MAPPER.readTree(run.stdout()).at("/error/code").asText()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void assessText_putsUrgencyFirstThenFindingsWithReasonsAndSourcesThenQuestions() {
        CliProcess.Run run = run(NO_INPUT, "assess", "--format", "text", example("night-pain.json").toString());

        assertThat(run.exitCode()).as("%s", run).isZero();
        String report = run.out();
        assertThat(report).contains("URGENCY:   ROUTINE", "REFER TO:  RHEUMATOLOGY", "INFLAMMATORY_BACK_PAIN",
                "Because:   ", "Sources:", "Advice:", "QUESTIONS STILL TO ASK");
        assertThat(report.indexOf("URGENCY:")).isLessThan(report.indexOf("FINDINGS"));
        assertThat(report.indexOf("REFER TO:")).isLessThan(report.indexOf("FINDINGS"));
        assertThat(report.indexOf("FINDINGS")).isLessThan(report.indexOf("Because:"));
        assertThat(report.indexOf("Sources:")).isLessThan(report.indexOf("QUESTIONS STILL TO ASK"));
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void assessText_invalidRequest_saysNothingWasAssessedAndExitsThree() {
        CliProcess.Run run = run(NO_INPUT, "assess", "--format", "text", example("invalid.json").toString());

        assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
        assertThat(run.out()).startsWith("NOT ASSESSED").contains("temperatureC = 101.2", "°F");
        assertThat(run.out()).doesNotContain("URGENCY:");
    }

    @Test
    void assessNdjson_answersEveryLineInOrderAndExitsThreeForABadLine() throws Exception {
        CliProcess.Run run = run(NO_INPUT, "assess", "--ndjson", example("batch.ndjson").toString());

        assertThat(run.exitCode()).as("%s", run).isEqualTo(3);
        List<JsonNode> lines = lines(run);
        assertThat(lines).extracting(line -> line.get("id").asText())
                .containsExactly("night-pain-1", "red-flag-1", "bad-line", "benign-1");
        assertThat(lines.get(2).at("/error/code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(lines.get(2).at("/error/line").asInt()).isEqualTo(3);
        assertThat(lines.get(1).get("highestUrgency").asText()).isEqualTo("EMERGENCY");
        assertThat(run.stderr()).contains("1 of 4 records could not be assessed");
    }

    @Test
    void assessNdjson_fromStandardInputWithProgress_exitsZeroAndReportsOnStandardErrorOnly() throws Exception {
        byte[] batch = String.join("\n",
                compact(example("night-pain.json")), "", compact(example("benign.json")), "").getBytes(StandardCharsets.UTF_8);

        CliProcess.Run run = run(batch, "assess", "--ndjson", "--progress");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(lines(run)).extracting(line -> line.get("id").asText()).containsExactly("night-pain-1", "benign-1");
        assertThat(run.stderr()).contains("2 records in", "records/s", "2 assessed, 0 invalid");
    }

    @Test
    void rules_listsTheCatalogueAsTextAndAsJson() throws Exception {
        CliProcess.Run text = run(NO_INPUT, "rules");
        CliProcess.Run json = run(NO_INPUT, "rules", "--format", "json");

        assertThat(text.exitCode()).as("%s", text).isZero();
        assertThat(json.exitCode()).as("%s", json).isZero();
        JsonNode catalogue = MAPPER.readTree(json.stdout());
        List<String> ids = new ArrayList<>();
        for (JsonNode rule : catalogue.get("rules")) {
            ids.add(rule.get("id").asText());
        }
        assertThat(ids).contains("EMR-01", "FB-01", "SLP-05");
        List<String> textIds = text.out().lines().skip(3).map(line -> line.split("\\s+")[0]).collect(Collectors.toList());
        assertThat(textIds).isEqualTo(ids);
        assertThat(text.out()).contains("EMERGENCY_DEPARTMENT").contains("GIRFT-CES-2023");
    }

    @Test
    void version_showsLibraryAndKnowledgeBase() throws Exception {
        CliProcess.Run version = run(NO_INPUT, "version");
        CliProcess.Run assess = run(NO_INPUT, "assess", example("benign.json").toString());

        assertThat(version.exitCode()).as("%s", version).isZero();
        String sha256 = MAPPER.readTree(assess.stdout()).at("/knowledgeBase/sha256").asText();
        assertThat(version.out()).matches("(?s)nightpain-cds \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"
                + "knowledge base nightpain-lbp \\S+\nsha256 [0-9a-f]{64}\n");
        assertThat(version.out()).contains("sha256 " + sha256);
    }

    @Test
    void help_goesToStandardOutputAndExitsZero() {
        CliProcess.Run run = run(NO_INPUT, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("assess", "rules", "version", "Exit codes:");
    }

    @Test
    void usageErrors_exitTwoWithAMessageOnStandardErrorAndNothingOnStandardOutput(@TempDir Path folder) {
        List<String[]> usages = List.of(
                new String[] {},
                new String[] {"diagnose"},
                new String[] {"assess", "--bogus"},
                new String[] {"assess", "--format", "xml"},
                new String[] {"assess", "--ndjson", "--format", "text"},
                new String[] {"assess", "a.json", "b.json"},
                new String[] {"assess", folder.resolve("missing.json").toString()},
                new String[] {"assess", folder.toString()},
                new String[] {"assess", "--ndjson", folder.resolve("missing.ndjson").toString()});

        for (String[] args : usages) {
            CliProcess.Run run = run(NO_INPUT, args);
            assertThat(run.exitCode()).as("%s: %s", List.of(args), run).isEqualTo(2);
            assertThat(run.stdout()).as("%s", List.of(args)).isEmpty();
            assertThat(run.stderr()).as("%s", List.of(args)).isNotBlank();
        }
        assertThat(run(NO_INPUT, "assess", folder.resolve("missing.json").toString()).stderr()).contains("no such file");
    }

    @Test
    void internalError_exitsOneWithAnInternalErrorObjectAndNeverAResult(@TempDir Path folder) throws IOException {
        // A damaged installation: the index of the precompiled rule base names a class that is not there.
        Path index = folder.resolve("META-INF/kie/org.nightpain/nightpain-cds/drools-model");
        Files.createDirectories(index.getParent());
        Files.writeString(index, "Drools-Model-Version:10.2.0\norg.nightpain.cds.rules.NoSuchRules\n");
        String classPath = folder + java.io.File.pathSeparator + CliProcess.JAR;

        CliProcess.Run assess = CliProcess.runWithClassPath(classPath, NO_INPUT, "assess", example("red-flag.json").toString());
        CliProcess.Run rules = CliProcess.runWithClassPath(classPath, NO_INPUT, "rules");

        assertThat(assess.exitCode()).as("%s", assess).isEqualTo(1);
        JsonNode error = MAPPER.readTree(assess.stdout());
        assertThat(fieldNames(error)).containsExactly("id", "error");
        assertThat(error.get("id").asText()).isEqualTo("red-flag-1");
        assertThat(error.at("/error/code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(error.at("/error/problems/0/message").asText()).contains("bug");
        assertThat(assess.stderr()).contains("internal error");
        assertThat(rules.exitCode()).as("%s", rules).isEqualTo(1);
        assertThat(rules.stdout()).isEmpty();
        assertThat(rules.stderr()).contains("internal error", "bug");
    }

    private static String compact(Path file) throws IOException {
        return MAPPER.readTree(file.toFile()).toString();
    }

    private static List<JsonNode> lines(CliProcess.Run run) throws IOException {
        return ndjson(run.out());
    }
}
