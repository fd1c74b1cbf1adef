package org.nightpain.cds.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.KnowledgeBaseInfo;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.RuleInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON face of {@link NightPainAssessor}: requests, results and errors in the shapes of the
 * project's contract.
 *
 * <p>One call turns a request body into a result body, for example in a REST endpoint:
 * <pre>{@code
 * AssessmentJson json = AssessmentJson.create(NightPainAssessor.create());   // once; thread-safe
 * String response = json.assess(requestBody);   // a result, or an error object; never throws
 * }</pre>
 *
 * <p>Reading is strict. An unknown or misspelt key, a value of the wrong type, an enum name that is
 * not exact, a number out of range and a key given twice are {@link ErrorCode#INVALID_INPUT} errors
 * that list every problem at once; text that is not JSON is {@link ErrorCode#MALFORMED_JSON} with a
 * line and a column. Nothing is assessed from a request with any problem. A missing key, or
 * {@code null}, is an unknown answer. A bug inside the library gives an {@link ErrorCode#INTERNAL_ERROR}
 * object, never a result.
 *
 * <p>Needs {@code com.fasterxml.jackson.core:jackson-core}, an optional dependency of this library
 * that an application using this class adds itself.
 */
public final class AssessmentJson {
    /** The longest request read, in bytes (in characters for a {@code String}); longer ones are refused. */
    public static final int MAX_REQUEST_BYTES = RequestReader.MAX_REQUEST_BYTES;

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentJson.class);

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(RequestReader.MAX_NESTING_DEPTH)
                    // Long numbers and strings are reported by the reader as INVALID_INPUT with their
                    // key, so the parser itself is only bounded by the request size.
                    .maxNumberLength(RequestReader.MAX_REQUEST_BYTES)
                    .maxStringLength(RequestReader.MAX_REQUEST_BYTES)
                    .build())
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private enum Outcome { ASSESSED, INVALID, INTERNAL_ERROR }

    private interface RequestSource {
        AssessmentRequest read();
    }

    private interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    private final BiFunction<PatientFacts, Instant, Assessment> assessor;
    private final RequestReader reader = new RequestReader(FACTORY);
    private final boolean pretty;

    AssessmentJson(BiFunction<PatientFacts, Instant, Assessment> assessor, boolean pretty) {
        this.assessor = assessor;
        this.pretty = pretty;
    }

    /** A codec that assesses with this assessor and writes compact JSON. */
    public static AssessmentJson create(NightPainAssessor assessor) {
        Objects.requireNonNull(assessor, "assessor");
        return new AssessmentJson(assessor::assess, false);
    }

    /** The same codec writing indented JSON (batches stay one object per line). */
    public AssessmentJson withPrettyPrinting() {
        return new AssessmentJson(assessor, true);
    }

    /**
     * Assesses one request.
     *
     * @param requestBody one JSON object
     * @return the result object, or an error object when the request is not valid; never null
     */
    public String assess(String requestBody) {
        Objects.requireNonNull(requestBody, "requestBody");
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        respond(() -> reader.read(requestBody), out, null, pretty);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Assesses one request given as UTF-8 bytes and returns the result or error object as UTF-8. */
    public byte[] assess(byte[] requestBody) {
        Objects.requireNonNull(requestBody, "requestBody");
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        respond(() -> reader.read(requestBody, 0, requestBody.length, 1), out, null, pretty);
        return out.toByteArray();
    }

    /**
     * Reads one request from {@code in} (at most {@link #MAX_REQUEST_BYTES} of it) and writes its result
     * or error object, and a line break, to {@code out}.
     *
     * @throws IOException when {@code in} cannot be read or {@code out} written
     */
    public BatchSummary assess(InputStream in, OutputStream out) throws IOException {
        byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
        ByteArrayOutputStream response = new ByteArrayOutputStream(8192);
        Outcome outcome = respond(() -> reader.read(body, 0, body.length, 1), response, null, pretty);
        response.write('\n');
        response.writeTo(out);
        out.flush();
        return new BatchSummary(1, outcome == Outcome.INVALID ? 1 : 0, outcome == Outcome.INTERNAL_ERROR ? 1 : 0);
    }

    /**
     * Assesses newline-delimited JSON: one request per line in, one result or error object per line out,
     * in the same order. Blank lines are skipped. A bad line gets an error object that carries its line
     * number, and the run goes on. Reads and writes as it goes, so memory does not grow with the input;
     * output is flushed whenever more input has to be waited for, and at the end.
     *
     * @param progress told the number of requests done after each one; may be a no-op
     * @throws IOException when {@code in} cannot be read or {@code out} written
     */
    public BatchSummary assessNdjson(InputStream in, OutputStream out, LongConsumer progress) throws IOException {
        LineReader lines = new LineReader(in, MAX_REQUEST_BYTES + 1, out::flush);
        ByteArrayOutputStream response = new ByteArrayOutputStream(8192);
        long records = 0;
        long invalid = 0;
        long internalErrors = 0;
        while (lines.next()) {
            if (lines.isBlank()) {
                continue;
            }
            long line = lines.lineNumber();
            response.reset();
            Outcome outcome = respond(() -> reader.read(lines.bytes(), 0, lines.length(), line), response, line, false);
            response.write('\n');
            response.writeTo(out);
            records++;
            invalid += outcome == Outcome.INVALID ? 1 : 0;
            internalErrors += outcome == Outcome.INTERNAL_ERROR ? 1 : 0;
            progress.accept(records);
        }
        out.flush();
        return new BatchSummary(records, invalid, internalErrors);
    }

    /**
     * Reads one request without assessing it.
     *
     * @throws JsonInputException listing every problem when the request is not valid
     */
    public AssessmentRequest parseRequest(byte[] body) {
        return reader.read(body, 0, body.length, 1);
    }

    /**
     * Reads one request without assessing it.
     *
     * @throws JsonInputException listing every problem when the request is not valid
     */
    public AssessmentRequest parseRequest(String body) {
        return reader.read(body);
    }

    /** The result object of an assessment; {@code id} is echoed and may be null. */
    public String writeResult(String id, Assessment assessment) {
        Objects.requireNonNull(assessment, "assessment");
        return write(out -> JsonWriter.result(out, id, assessment), pretty);
    }

    /** The error object for a request that could not be read. */
    public String writeError(JsonInputException error) {
        return write(out -> JsonWriter.error(out, error.id(), error.code(), null, error.problems()), pretty);
    }

    /** The rule catalogue: the knowledge base's identity and every rule that can raise a finding. */
    public String writeRules(KnowledgeBaseInfo knowledgeBase, List<RuleInfo> rules) {
        return write(out -> JsonWriter.rules(out, knowledgeBase, rules), pretty);
    }

    private Outcome respond(RequestSource source, ByteArrayOutputStream out, Long line, boolean indent) {
        String id = null;
        try {
            AssessmentRequest request = source.read();
            id = request.id();
            Instant asOf = request.asOf() != null ? request.asOf() : Instant.now();
            Assessment assessment = assessor.apply(request.facts(), asOf);
            String requestId = id;
            writeTo(out, json -> JsonWriter.result(json, requestId, assessment), indent);
            return Outcome.ASSESSED;
        } catch (JsonInputException e) {
            out.reset();
            writeTo(out, json -> JsonWriter.error(json, e.id(), e.code(), line, e.problems()), indent);
            return Outcome.INVALID;
        } catch (RuntimeException e) {
            // A bug: say so, and never let it look like a result. Only the exception's class and where it
            // was thrown are logged, because its message could carry a patient's values.
            StackTraceElement[] stack = e.getStackTrace();
            LOG.error("Internal error while assessing a JSON request: {} at {}", e.getClass().getName(),
                    stack.length > 0 ? stack[0] : "unknown place");
            out.reset();
            List<JsonProblem> problems = List.of(JsonProblem.of(null, null, "internal error ("
                    + e.getClass().getSimpleName() + "): this is a bug in nightpain-cds, not a problem with the "
                    + "request; nothing was assessed. Please report it."));
            String requestId = id;
            writeTo(out, json -> JsonWriter.error(json, requestId, ErrorCode.INTERNAL_ERROR, line, problems), indent);
            return Outcome.INTERNAL_ERROR;
        }
    }

    private static String write(Body body, boolean indent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        writeTo(out, body, indent);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void writeTo(ByteArrayOutputStream out, Body body, boolean indent) {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.setPrettyPrinter(indent ? PRETTY.createInstance() : new MinimalPrettyPrinter(""));
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
    }
}
