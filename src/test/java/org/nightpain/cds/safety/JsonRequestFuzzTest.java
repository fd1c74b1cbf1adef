package org.nightpain.cds.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nightpain.cds.JsonTestSupport.fieldNames;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightpain.cds.BadInputs;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.JsonTestSupport;
import org.nightpain.cds.Urgency;
import org.nightpain.cds.json.AssessmentJson;
import org.nightpain.cds.json.BatchSummary;
import org.nightpain.cds.json.JsonTestAccess;

/**
 * Fuzzes the JSON request path (hazards H-05, H-06 and H-09 of {@code docs/safety.md}) with Jazzer. Every
 * input, however broken, must give one of two answers: a result that has at least one finding and a
 * highest urgency, or an error object whose code is {@code INVALID_INPUT} or {@code MALFORMED_JSON}.
 * Never an exception, never {@code INTERNAL_ERROR}, and never a result for a request with a problem: a
 * result is compared byte for byte with the Java API's result for what {@link RequestOracle} reads the
 * request to mean, so a request that the oracle refuses, or whose facts the codec misread, fails.
 *
 * <p>In a normal build the tests only replay their seeds: the case corpus and vignettes as requests, the
 * bad inputs shared with the command line's tests, the examples, and the hand-made malformed variants in
 * {@code JsonRequestFuzzTestInputs/} beside this class's package in the test resources (where Jazzer
 * also writes any input that fails while fuzzing). {@code docs/safety.md} gives the command for a
 * fuzzing run and records the runs made.
 */
class JsonRequestFuzzTest {
    private static final AssessmentJson JSON = AssessmentJson.create(Fixtures.ASSESSOR);
    private static final ObjectMapper MAPPER = JsonTestSupport.MAPPER;
    private static final List<String> RESULT_KEYS = List.of("id", "highestUrgency", "screeningComplete",
            "referrals", "findings", "suppressedFindings", "questionsToAsk", "answersNotUsed", "knowledgeBase", "assessedAt");
    private static final List<String> ERROR_CODES = List.of("INVALID_INPUT", "MALFORMED_JSON");

    /** The case corpus and vignettes as requests, the bad inputs, and the examples. */
    static Stream<Arguments> seeds() throws IOException {
        List<Arguments> seeds = new ArrayList<>();
        for (CorpusCase corpusCase : CorpusCase.all()) {
            String request = CorpusCase.asRequest(corpusCase.id(), corpusCase.facts());
            seeds.add(seed("case " + corpusCase.id(), request.getBytes(StandardCharsets.UTF_8)));
        }
        BadInputs.all().forEach(badInput -> seeds.add(seed("bad input " + badInput.file(), badInput.bytes())));
        try (Stream<Path> examples = Files.list(Path.of(System.getProperty("examples.dir", "examples")))) {
            // Files only: examples/bulk/ is a Bulk Data export for screening, not a request.
            for (Path example : examples.filter(Files::isRegularFile).sorted().toList()) {
                seeds.add(seed("example " + example.getFileName(), Files.readAllBytes(example)));
            }
        }
        return seeds.stream();
    }

    private static Arguments seed(String name, byte[] bytes) {
        return Arguments.of(Named.of(name, bytes));
    }

    /** One request, as bytes and as the text those bytes decode to. */
    @MethodSource("seeds")
    @FuzzTest(maxDuration = "10m")
    void singleRequest(byte[] input) {
        String fromBytes = new String(JSON.assess(input), StandardCharsets.UTF_8);
        checkAnswer(fromBytes, () -> RequestOracle.read(input));

        String text = new String(input, StandardCharsets.UTF_8);
        checkAnswer(JSON.assess(text), () -> RequestOracle.read(text));
    }

    /**
     * The input as a batch: one answer per non-blank line, in order, each as that line would get on its
     * own (the error carrying its line number), and a summary that counts them.
     */
    @MethodSource("seeds")
    @FuzzTest(maxDuration = "10m")
    void batch(byte[] input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchSummary summary = JSON.assessNdjson(new ByteArrayInputStream(input), out, done -> { });

        List<JsonNode> answers = JsonTestSupport.ndjson(out.toString(StandardCharsets.UTF_8));
        List<Line> requests = nonBlankLines(input);
        assertThat(answers).as("one answer per request line").hasSize(requests.size());
        assertThat(summary.records()).isEqualTo(requests.size());
        assertThat(summary.internalErrors()).isZero();
        assertThat(summary.invalid()).isEqualTo(answers.stream().filter(a -> a.has("error")).count());
        for (int i = 0; i < requests.size(); i++) {
            Line line = requests.get(i);
            JsonNode batched = answers.get(i);
            JsonNode alone = parse(new String(JSON.assess(Arrays.copyOfRange(input, line.start(), line.end())),
                    StandardCharsets.UTF_8));
            if (alone.has("error")) {
                assertThat(fieldNames(batched)).as("line %d: %s", line.number(), batched).containsExactly("id", "error");
                checkError(batched.get("error"), line.number());
                assertThat(batched.at("/error/code")).as("line %d", line.number()).isEqualTo(alone.at("/error/code"));
                assertThat(batched.get("id")).isEqualTo(alone.get("id"));
            } else {
                checkResult(batched);
                assertThat(withoutTime(batched)).as("line %d", line.number()).isEqualTo(withoutTime(alone));
            }
        }
    }

    /** A result that is exactly the Java API's for the request's facts, or a documented error. */
    private static void checkAnswer(String output, Supplier<Optional<RequestOracle.Request>> meaning) {
        JsonNode answer = parse(output);
        if (answer.has("error")) {
            assertThat(fieldNames(answer)).as("error object: %s", output).containsExactly("id", "error");
            checkError(answer.get("error"), null);
            return;
        }
        checkResult(answer);
        RequestOracle.Request request = meaning.get()
                .orElseThrow(() -> new AssertionError("a result for a request that has a problem: " + shorten(output)));
        Instant asOf = request.asOf() != null ? request.asOf() : Instant.parse(answer.get("assessedAt").asText());
        assertThat(output).as("the result of the request's facts")
                .isEqualTo(JsonTestAccess.writeResult(request.id(), Fixtures.ASSESSOR.assess(request.facts(), asOf)));
    }

    private static void checkResult(JsonNode result) {
        assertThat(fieldNames(result)).as("result keys: %s", result).isEqualTo(RESULT_KEYS);
        JsonNode findings = result.get("findings");
        assertThat(findings.isArray() && !findings.isEmpty()).as("findings of %s", result).isTrue();
        Urgency highest = Urgency.valueOf(result.get("highestUrgency").asText());
        List<Urgency> urgencies = new ArrayList<>();
        findings.forEach(f -> {
            if (f.has("urgency")) {
                urgencies.add(Urgency.valueOf(f.get("urgency").asText()));
            }
        });
        assertThat(urgencies).as("finding urgencies").contains(highest).allMatch(u -> u.compareTo(highest) >= 0);
    }

    private static void checkError(JsonNode error, Long line) {
        List<String> keys = line == null ? List.of("code", "problems") : List.of("code", "line", "problems");
        assertThat(fieldNames(error)).as("error: %s", error).isEqualTo(keys);
        String code = error.get("code").asText();
        assertThat(code).as("error code").isIn(ERROR_CODES);
        if (line != null) {
            assertThat(error.get("line").asLong()).isEqualTo(line);
        }
        JsonNode problems = error.get("problems");
        assertThat(problems.isArray() && !problems.isEmpty()).as("problems of %s", error).isTrue();
        for (JsonNode problem : problems) {
            assertThat(problem.get("field").isNull() || problem.get("field").isTextual()).as("field of %s", problem).isTrue();
            assertThat(problem.has("value")).as("value of %s", problem).isTrue();
            assertThat(problem.get("message").asText()).as("message of %s", problem).isNotBlank();
            if (code.equals("MALFORMED_JSON")) {
                assertThat(problem.get("line").asInt()).as("line of %s", problem).isPositive();
                assertThat(problem.get("column").asInt()).as("column of %s", problem).isPositive();
            }
        }
    }

    /** A line of a batch: its number from 1, and where its bytes start and end (a final CR left out). */
    private record Line(long number, int start, int end) {
    }

    /** The non-blank lines, split as the batch reader splits them. */
    private static List<Line> nonBlankLines(byte[] input) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        long number = 0;
        while (start < input.length) {
            int end = start;
            while (end < input.length && input[end] != '\n') {
                end++;
            }
            number++;
            int stop = end > start && input[end - 1] == '\r' ? end - 1 : end;
            boolean blank = true;
            for (int i = start; i < stop && blank; i++) {
                blank = input[i] == ' ' || input[i] == '\t' || input[i] == '\r';
            }
            if (!blank) {
                lines.add(new Line(number, start, stop));
            }
            start = end + 1;
        }
        return lines;
    }

    private static JsonNode withoutTime(JsonNode result) {
        JsonNode copy = result.deepCopy();
        ((ObjectNode) copy).remove("assessedAt");
        return copy;
    }

    private static JsonNode parse(String output) {
        try {
            JsonNode answer = MAPPER.readTree(output);
            assertThat(answer.isObject()).as("one JSON object: %s", shorten(output)).isTrue();
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException("the answer is not JSON: " + shorten(output), e);
        }
    }

    private static String shorten(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
