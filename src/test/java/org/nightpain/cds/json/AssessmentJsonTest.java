package org.nightpain.cds.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nightpain.cds.JsonTestSupport.MAPPER;
import static org.nightpain.cds.JsonTestSupport.fieldNames;
import static org.nightpain.cds.JsonTestSupport.ndjson;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.TriState;
import org.nightpain.cds.Urgency;

class AssessmentJsonTest {
    private static final AssessmentJson JSON = AssessmentJson.create(Fixtures.ASSESSOR);
    private static final JsonCodec CODEC = JsonCodec.create();
    private static final String EMERGENCY = "{\"id\": \"case-17\", \"asOf\": \"2026-11-25T08:00:00Z\", \"ageYears\": 45,"
            + " \"symptomDurationWeeks\": 1, \"radicularLegPain\": \"UNILATERAL\", \"urinaryRetention\": \"YES\","
            + " \"saddleAnaesthesia\": \"YES\", \"feverOrRigorsReported\": \"NO\"}";

    @Test
    void result_hasExactlyTheContractKeysInOrder() throws Exception {
        JsonNode result = MAPPER.readTree(JSON.assess(EMERGENCY));

        assertThat(fieldNames(result)).containsExactly("id", "highestUrgency", "screeningComplete", "referrals",
                "findings", "suppressedFindings", "questionsToAsk", "answersNotUsed", "knowledgeBase", "assessedAt");
        assertThat(fieldNames(result.get("findings").get(0))).containsExactly("code", "ruleId", "ruleVersion",
                "category", "urgency", "referrals", "diagnostics", "rationale", "inputsUsed", "inputsMissing",
                "sources", "evidence", "advice");
        assertThat(fieldNames(result.get("knowledgeBase"))).containsExactly("id", "version", "sha256");
        assertThat(result.get("screeningComplete").isBoolean()).isTrue();
        assertThat(result.get("answersNotUsed").isObject()).isTrue();
        JsonNode withheld = result.get("suppressedFindings").get(0);
        assertThat(fieldNames(withheld)).containsExactly("code", "ruleId", "ruleVersion", "category", "urgency",
                "referrals", "diagnostics", "rationale", "inputsUsed", "inputsMissing", "sources", "evidence", "advice",
                "suppressedBy");
        assertThat(fieldNames(result.get("questionsToAsk").get(0))).containsExactly("field", "question",
                "couldChange", "couldRaiseTo");
        assertThat(result.get("id").asText()).isEqualTo("case-17");
        assertThat(result.get("highestUrgency").asText()).isEqualTo("EMERGENCY");
        assertThat(result.get("assessedAt").asText()).isEqualTo("2026-11-25T08:00:00Z");
    }

    /** Text and bytes give the same answer, with or without a leading byte-order mark. */
    @Test
    void request_withAByteOrderMark_isReadTheSameAsTextAndAsBytes() {
        String withMark = "\uFEFF" + EMERGENCY;

        assertThat(JSON.assess(withMark)).isEqualTo(JSON.assess(EMERGENCY));
        assertThat(new String(JSON.assess(withMark.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                .isEqualTo(JSON.assess(EMERGENCY));
    }

    /**
     * The contract takes UTF-8 only. Jackson guessed UTF-16 or UTF-32 from the first bytes and assessed
     * such a request; now it is malformed, at the first byte that shows it.
     */
    @Test
    void request_inUtf16OrUtf32_isMalformed_atTheByteThatShowsIt() throws Exception {
        Object[][] cases = {
            {EMERGENCY.getBytes(StandardCharsets.UTF_16LE), 2},
            {EMERGENCY.getBytes(StandardCharsets.UTF_16BE), 1},
            {EMERGENCY.getBytes(StandardCharsets.UTF_16), 1},   // with the byte-order mark FE FF
            {EMERGENCY.getBytes(Charset.forName("UTF-32BE")), 1},
            {EMERGENCY.getBytes(Charset.forName("UTF-32LE")), 2},
            {concat(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, EMERGENCY.getBytes(Charset.forName("UTF-32LE"))), 1},
        };
        for (Object[] each : cases) {
            byte[] request = (byte[]) each[0];

            JsonNode error = MAPPER.readTree(JSON.assess(request));

            assertThat(error.at("/error/code").asText()).as("%s", error).isEqualTo("MALFORMED_JSON");
            JsonNode problem = error.at("/error/problems/0");
            assertThat(problem.get("message").asText()).contains("UTF-8");
            assertThat(problem.get("line").asInt()).isEqualTo(1);
            assertThat(problem.get("column").asInt()).as("%s", problem).isEqualTo(each[1]);
        }
    }

    /** Jackson decoded overlong forms: "night" C1 90 "ain" was read as the key nightPain. */
    @Test
    void request_withAnOverlongUtf8Form_isMalformed_neverReadAsTheKeyItSpells() throws Exception {
        byte[] request = concat("{\"ageYears\": 40,\n \"night".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xC1, (byte) 0x90}, "ain\": \"YES\"}".getBytes(StandardCharsets.US_ASCII));

        JsonNode error = MAPPER.readTree(JSON.assess(request));

        assertThat(error.at("/error/code").asText()).as("%s", error).isEqualTo("MALFORMED_JSON");
        assertThat(error.at("/error/problems/0/message").asText()).contains("not UTF-8", "0xC1");
        assertThat(error.at("/error/problems/0/line").asInt()).isEqualTo(2);
        assertThat(error.at("/error/problems/0/column").asInt()).isEqualTo(8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void result_writesNumbersAsNumbersAndEnumsAsNames() throws Exception {
        String request = "{\"asOf\": \"2026-11-25T08:00:00Z\", \"ageYears\": 34, \"ivDrugUse\": \"YES\","
                + " \"temperatureC\": 38.6, \"feverOrRigorsReported\": \"YES\"}";

        JsonNode result = MAPPER.readTree(JSON.assess(request));

        JsonNode used = result.get("findings").get(0).get("inputsUsed");
        assertThat(used.get("temperatureC").isDouble()).as("temperatureC in %s", used).isTrue();
        assertThat(used.get("temperatureC").asDouble()).isEqualTo(38.6);
        assertThat(used.get("ivDrugUse").asText()).isEqualTo("YES");
        assertThat(result.get("id").isNull()).isTrue();
    }

    @Test
    void result_leavesOutTheUrgencyOfInformationalFindings() throws Exception {
        // V44: core answers given, inflammatory items unanswered, so DQ-03 (informational) fires.
        Fixtures.Vignette v44 = Fixtures.vignettes().stream().filter(v -> v.id().equals("V44")).findFirst().orElseThrow();
        String request = MAPPER.writeValueAsString(v44.facts());

        JsonNode result = MAPPER.readTree(JSON.assess(request));

        List<JsonNode> informational = new ArrayList<>();
        List<JsonNode> graded = new ArrayList<>();
        result.get("findings").forEach(f -> (f.get("category").asText().equals("DATA_QUALITY")
                && f.get("ruleId").asText().equals("DQ-03") ? informational : graded).add(f));
        assertThat(informational).as("DQ-03 in %s", result.get("findings")).hasSize(1);
        assertThat(informational.get(0).has("urgency")).isFalse();
        assertThat(graded).allSatisfy(f -> assertThat(f.get("urgency").asText()).isNotEmpty());
    }

    @Test
    void request_missingKeyAndNullAreUnknown() {
        AssessmentRequest missing = CODEC.parseRequest("{\"ageYears\": 40}");
        AssessmentRequest nulls = CODEC.parseRequest("{\"ageYears\": 40, \"nightPain\": null, \"temperatureC\": null,"
                + " \"id\": null, \"asOf\": null}");

        assertThat(missing.facts().nightPain()).isEqualTo(TriState.UNKNOWN);
        assertThat(nulls).isEqualTo(missing);
        assertThat(nulls.facts().temperatureC()).isNull();
        assertThat(nulls.id()).isNull();
        assertThat(nulls.asOf()).isNull();
    }

    @Test
    void request_acceptsWholeNumbersWrittenWithAFractionAndIntegersForDecimals() {
        AssessmentRequest request = CODEC.parseRequest("{\"ageYears\": 40.0, \"painSeverityNrs\": 7e0,"
                + " \"symptomDurationWeeks\": 2, \"temperatureC\": 37}");

        assertThat(request.facts().ageYears()).isEqualTo(40);
        assertThat(request.facts().painSeverityNrs()).isEqualTo(7);
        assertThat(request.facts().symptomDurationWeeks()).isEqualTo(2.0);
        assertThat(request.facts().temperatureC()).isEqualTo(37.0);
    }

    @Test
    void request_readsIdAndAsOf() {
        AssessmentRequest request = CODEC.parseRequest("{\"id\": \"p-1\", \"asOf\": \"2026-01-02T03:04:05Z\"}");

        assertThat(request.id()).isEqualTo("p-1");
        assertThat(request.asOf()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Test
    void assess_withoutAsOfRecordsAnAssessmentTime() throws Exception {
        JsonNode result = MAPPER.readTree(JSON.assess("{\"ageYears\": 40}"));

        assertThat(Instant.parse(result.get("assessedAt").asText())).isNotNull();
    }

    @Test
    void invalid_listsTypeRangeAndCombinationProblemsTogether() {
        String request = "{\"id\": \"case-18\", \"urinaryRetension\": \"YES\", \"ageYears\": 30,"
                + " \"ageAtOnsetYears\": 45, \"temperatureC\": 101.2, \"nightPain\": true, \"sex\": \"male\","
                + " \"painSeverityNrs\": 4.5, \"symptomDurationWeeks\": \"3\"}";

        assertThatThrownBy(() -> CODEC.parseRequest(request))
                .isInstanceOfSatisfying(JsonInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                    assertThat(e.id()).isEqualTo("case-18");
                    assertThat(e.problems()).extracting(JsonProblem::field).containsExactly(
                            "urinaryRetension", "sex", "symptomDurationWeeks", "ageAtOnsetYears", "painSeverityNrs",
                            "nightPain", "temperatureC");
                    assertThat(e.problems().get(0).message()).contains("did you mean \"urinaryRetention\"");
                    assertThat(e.problems()).filteredOn(p -> "temperatureC".equals(p.field()))
                            .singleElement().satisfies(p -> {
                                assertThat(p.value()).isEqualTo(101.2);
                                assertThat(p.message()).contains("°F");
                            });
                });
    }

    @Test
    void invalid_errorObjectCarriesNoResult() throws Exception {
        JsonNode error = MAPPER.readTree(JSON.assess("{\"id\": \"x\", \"temperatureC\": \"38.5\"}"));

        assertThat(fieldNames(error)).containsExactly("id", "error");
        assertThat(error.get("id").asText()).isEqualTo("x");
        assertThat(error.at("/error/code").asText()).isEqualTo("INVALID_INPUT");
        JsonNode problem = error.at("/error/problems/0");
        assertThat(fieldNames(problem)).containsExactly("field", "value", "message");
        assertThat(problem.get("value").isTextual()).isTrue();
        assertThat(problem.get("value").asText()).isEqualTo("38.5");
    }

    @Test
    void invalid_duplicateKeyIsNamed() {
        assertThatThrownBy(() -> CODEC.parseRequest("{\"nightPain\": \"NO\", \"nightPain\": \"YES\"}"))
                .isInstanceOfSatisfying(JsonInputException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("nightPain");
                            assertThat(p.value()).isEqualTo("YES");
                        }));
    }

    /** Found by JsonRequestFuzzTest: echoing such a number threw NumberFormatException, an INTERNAL_ERROR. */
    @Test
    void invalid_numberWithAnExponentBeyondBigDecimal_isEchoedAsWritten() throws Exception {
        String request = "{\"id\": 1e-99999999999, \"painColour\": 1E99999999999, \"nightPain\": 2e+4000000000,"
                + " \"ageYears\": 40, \"ageYears\": 1e-4000000000}";

        JsonNode error = MAPPER.readTree(JSON.assess(request));

        assertThat(error.at("/error/code").asText()).as("%s", error).isEqualTo("INVALID_INPUT");
        assertThat(error.at("/error/problems").findValuesAsText("field"))
                .containsExactly("id", "painColour", "ageYears", "nightPain");
        assertThat(error.at("/error/problems").findValuesAsText("value"))
                .containsExactly("1e-99999999999", "1E99999999999", "1e-4000000000", "2e+4000000000");
    }

    /** Found by an audit: a long value cut at 100 characters could end in half a surrogate pair. */
    @Test
    void invalid_longValueIsCutBetweenCharacters_neverInsideASurrogatePair() throws Exception {
        String grin = new String(Character.toChars(0x1F600));
        String value = "x".repeat(99) + grin + "tail";

        JsonNode error = MAPPER.readTree(JSON.assess("{\"sex\": \"" + value + "\"}"));

        assertThat(error.at("/error/problems/0/field").asText()).isEqualTo("sex");
        assertThat(error.at("/error/problems/0/value").asText()).isEqualTo("x".repeat(99) + "… (105 characters)");
        assertThat(JSON.assess("{\"sex\": \"" + value + "\"}")).doesNotContain("\\uD83D");
    }

    @Test
    void malformed_givesLineAndColumn() throws Exception {
        JsonNode error = MAPPER.readTree(JSON.assess("{\n  \"ageYears\": 40,\n  \"nightPain\": \"YES\",\n}"));

        assertThat(error.at("/error/code").asText()).isEqualTo("MALFORMED_JSON");
        JsonNode problem = error.at("/error/problems/0");
        assertThat(problem.get("field").isNull()).isTrue();
        assertThat(problem.get("line").asInt()).isEqualTo(4);
        assertThat(problem.get("column").asInt()).isEqualTo(1);
    }

    @Test
    void malformed_tooLargeRequestIsRefusedWithoutParsing() {
        byte[] body = ("{\"id\": \"" + "x".repeat(JsonCodec.MAX_REQUEST_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CODEC.parseRequest(body))
                .isInstanceOfSatisfying(JsonInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_JSON);
                    assertThat(e.problems().get(0).message()).contains("longer than");
                    assertThat(e.problems().get(0).column()).isEqualTo(JsonCodec.MAX_REQUEST_BYTES + 1);
                });
    }

    @Test
    void bytesAndStringGiveTheSameAnswer() {
        String viaString = JSON.assess(EMERGENCY);
        String viaBytes = new String(JSON.assess(EMERGENCY.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);

        assertThat(viaBytes).isEqualTo(viaString);
    }

    @Test
    void internalError_isReportedAsABugAndNeverAsAResult() throws Exception {
        AssessmentJson broken = new AssessmentJson((facts, asOf) -> {
            throw new IllegalStateException("rule base broken");
        }, JsonCodec.create());

        JsonNode error = MAPPER.readTree(broken.assess("{\"id\": \"p-9\", \"urinaryRetention\": \"YES\"}"));

        assertThat(fieldNames(error)).containsExactly("id", "error");
        assertThat(error.get("id").asText()).isEqualTo("p-9");
        assertThat(error.at("/error/code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(error.at("/error/problems/0/message").asText()).contains("bug").doesNotContain("rule base broken");
    }

    @Test
    void codec_writesAnInternalErrorWithoutTheExceptionsMessage() throws Exception {
        JsonNode error = MAPPER.readTree(CODEC.writeInternalError("p-3", new IllegalArgumentException("value 38.5")));

        assertThat(error.get("id").asText()).isEqualTo("p-3");
        assertThat(error.at("/error/code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(error.at("/error/problems/0/message").asText()).contains("bug").doesNotContain("38.5");
    }

    @Test
    void internalError_inABatchIsCountedAndTheRunGoesOn() throws Exception {
        AssessmentJson flaky = new AssessmentJson((facts, asOf) -> {
            if (facts.ageYears() == 66) {
                throw new IllegalStateException("boom");
            }
            return Fixtures.ASSESSOR.assess(facts, asOf);
        }, JsonCodec.create());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        BatchSummary summary = flaky.assessNdjson(input("{\"ageYears\": 40}\n{\"ageYears\": 66}\n{\"ageYears\": 50}\n"),
                out, done -> { });

        assertThat(summary).isEqualTo(new BatchSummary(3, 0, 1));
        List<JsonNode> lines = lines(out);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).at("/error/code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(lines.get(1).at("/error/line").asInt()).isEqualTo(2);
        assertThat(lines.get(2).has("highestUrgency")).isTrue();
    }

    @Test
    void ndjson_keepsOrderAndCountSkipsBlankLinesAndNumbersBadLines() throws Exception {
        String input = "{\"id\": \"a\", \"ageYears\": 40}\r\n"
                + "\n"
                + "   \n"
                + "{\"id\": \"b\", \"nightPain\": \"yes\"}\n"
                + "{\"id\": \"c\", \"urinaryRetention\": \"YES\"}\n"
                + "{\"id\": \"d\", \n"
                + "{\"id\": \"e\", \"ageYears\": 50}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> progress = new ArrayList<>();

        BatchSummary summary = JSON.assessNdjson(input(input), out, progress::add);

        assertThat(summary).isEqualTo(new BatchSummary(5, 2, 0));
        assertThat(progress).containsExactly(1L, 2L, 3L, 4L, 5L);
        List<JsonNode> lines = lines(out);
        assertThat(lines).extracting(line -> line.get("id").asText()).containsExactly("a", "b", "c", "null", "e");
        assertThat(lines.get(1).at("/error/code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(lines.get(1).at("/error/line").asInt()).isEqualTo(4);
        assertThat(lines.get(2).get("highestUrgency").asText()).isEqualTo(Urgency.EMERGENCY.name());
        assertThat(lines.get(3).at("/error/code").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(lines.get(3).at("/error/line").asInt()).isEqualTo(6);
        assertThat(lines.get(3).at("/error/problems/0/line").asInt()).isEqualTo(6);
    }

    @Test
    void ndjson_badBytesSpoilOnlyTheirOwnLine() throws Exception {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes("{\"id\": \"a\"}\n{\"id\": \"".getBytes(StandardCharsets.UTF_8));
        input.write(0xC3);
        input.write(0x28);
        input.writeBytes("\"}\n{\"id\": \"c\"}\n".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        JSON.assessNdjson(new ByteArrayInputStream(input.toByteArray()), out, done -> { });

        List<JsonNode> lines = lines(out);
        assertThat(lines).extracting(line -> line.get("id").asText()).containsExactly("a", "null", "c");
        assertThat(lines.get(1).at("/error/code").asText()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void ndjson_aLineInUtf16IsMalformed_withItsLineNumber_andTheOthersAreAssessed() throws Exception {
        byte[] input = concat("{\"id\": \"a\"}\n".getBytes(StandardCharsets.UTF_8),
                "{\"id\": \"b\"}".getBytes(StandardCharsets.UTF_16LE),
                "\n\uFEFF{\"id\": \"c\"}\n".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        BatchSummary summary = JSON.assessNdjson(new ByteArrayInputStream(input), out, done -> { });

        List<JsonNode> lines = lines(out);
        assertThat(lines).extracting(line -> line.get("id").asText()).containsExactly("a", "null", "c");
        assertThat(lines.get(1).at("/error/code").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(lines.get(1).at("/error/line").asInt()).isEqualTo(2);
        assertThat(lines.get(1).at("/error/problems/0/line").asInt()).isEqualTo(2);
        assertThat(lines.get(1).at("/error/problems/0/column").asInt()).isEqualTo(2);
        assertThat(summary.invalid()).isEqualTo(1);
    }

    @Test
    void ndjson_tooLongLineIsAnErrorAndTheNextLineIsRead() throws Exception {
        String longLine = "{\"id\": \"" + "x".repeat(3 * JsonCodec.MAX_REQUEST_BYTES) + "\"}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        BatchSummary summary = JSON.assessNdjson(input("{\"id\": \"a\"}\n" + longLine + "\n{\"id\": \"c\"}\n"), out, d -> { });

        assertThat(summary).isEqualTo(new BatchSummary(3, 1, 0));
        List<JsonNode> lines = lines(out);
        assertThat(lines.get(1).at("/error/problems/0/message").asText()).contains("longer than");
        assertThat(lines.get(1).at("/error/line").asInt()).isEqualTo(2);
        assertThat(lines.get(2).get("id").asText()).isEqualTo("c");
    }

    @Test
    void ndjson_writesEachResultBeforeWaitingForMoreInput() throws Exception {
        // Hands out one line per read; before each further line, every earlier result must have been
        // flushed: the batch streams instead of collecting its output.
        List<String> requests = List.of("{\"id\": \"1\"}\n", "{\"id\": \"2\"}\n", "{\"id\": \"3\"}\n");
        ByteArrayOutputStream flushed = new ByteArrayOutputStream();
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        java.io.OutputStream out = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                pending.write(b);
            }

            @Override
            public void flush() {
                flushed.writeBytes(pending.toByteArray());
                pending.reset();
            }
        };
        List<Integer> linesOutBeforeRead = new ArrayList<>();
        java.io.InputStream in = new java.io.InputStream() {
            private int next;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                linesOutBeforeRead.add(flushed.toString(StandardCharsets.UTF_8).split("\n", -1).length - 1);
                if (next == requests.size()) {
                    return -1;
                }
                byte[] line = requests.get(next++).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(line, 0, buffer, offset, line.length);
                return line.length;
            }
        };

        JSON.assessNdjson(in, out, done -> { });

        assertThat(linesOutBeforeRead).containsExactly(0, 1, 2, 3);
    }

    private static java.io.InputStream input(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> lines(ByteArrayOutputStream out) throws Exception {
        return ndjson(out.toString(StandardCharsets.UTF_8));
    }
}
