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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.KnowledgeBaseInfo;
import org.nightpain.cds.RuleInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads requests and writes results and errors in the JSON shapes of the project's contract, without
 * assessing anything; {@link AssessmentJson}, the package's one entry, puts it together with an assessor.
 * Immutable and thread-safe.
 *
 * <p>Reading is strict. An unknown or misspelt key, a value of the wrong type, an enum name that is
 * not exact, a number out of range and a key given twice are {@link ErrorCode#INVALID_INPUT} problems,
 * all reported at once; text that is not JSON is {@link ErrorCode#MALFORMED_JSON} with a line and a
 * column. A missing key, or {@code null}, is an unknown answer. Results have the contract's keys in the
 * contract's order; enums are written as their names and numbers as numbers.
 */
final class JsonCodec {
    /** The longest request read, in bytes (in characters for a {@code String}); longer ones are refused. */
    static final int MAX_REQUEST_BYTES = RequestReader.MAX_REQUEST_BYTES;

    private static final Logger LOG = LoggerFactory.getLogger(JsonCodec.class);

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

    private static final JsonCodec COMPACT = new JsonCodec(false);

    /** Writes one JSON value. */
    interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    private final RequestReader reader = new RequestReader(FACTORY);
    private final boolean pretty;

    private JsonCodec(boolean pretty) {
        this.pretty = pretty;
    }

    /** A codec that writes compact JSON. */
    static JsonCodec create() {
        return COMPACT;
    }

    /** The same codec writing indented JSON. */
    JsonCodec withPrettyPrinting() {
        return new JsonCodec(true);
    }

    /**
     * Reads one request from UTF-8 bytes.
     *
     * @throws JsonInputException listing every problem when the request is not valid
     */
    AssessmentRequest parseRequest(byte[] body) {
        return reader.read(body, 0, body.length, 1);
    }

    /**
     * Reads one request.
     *
     * @throws JsonInputException listing every problem when the request is not valid
     */
    AssessmentRequest parseRequest(String body) {
        return reader.read(body);
    }

    /** The result object of an assessment; {@code id} is echoed and may be null. */
    String writeResult(String id, Assessment assessment) {
        Objects.requireNonNull(assessment, "assessment");
        return write(out -> JsonWriter.result(out, id, assessment));
    }

    /** The error object for a request that could not be read. */
    String writeError(JsonInputException error) {
        return write(out -> JsonWriter.error(out, error.id(), error.code(), null, error.problems()));
    }

    /**
     * The {@link ErrorCode#INTERNAL_ERROR} object for a request that failed because of a bug, and an
     * ERROR log line naming the exception's class and where it was thrown (never its message, which
     * could carry a patient's values).
     *
     * @param id    the request's id, or null
     * @param cause the unexpected exception
     */
    String writeInternalError(String id, Throwable cause) {
        List<JsonProblem> problems = internalError(cause);
        return write(out -> JsonWriter.error(out, id, ErrorCode.INTERNAL_ERROR, null, problems));
    }

    /** The rule catalogue: the knowledge base's identity and every rule that can raise a finding. */
    String writeRules(KnowledgeBaseInfo knowledgeBase, List<RuleInfo> rules) {
        return write(out -> JsonWriter.rules(out, knowledgeBase, rules));
    }

    RequestReader reader() {
        return reader;
    }

    boolean pretty() {
        return pretty;
    }

    static List<JsonProblem> internalError(Throwable cause) {
        LOG.error("Internal error while assessing a JSON request: {}", BugReport.describe(cause));
        return List.of(JsonProblem.of(null, null, "internal error (" + cause.getClass().getSimpleName()
                + "): this is a bug in nightpain-cds, not a problem with the request; nothing was assessed."
                + " Please report it."));
    }

    private String write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        writeTo(out, body, pretty);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes one value to memory, indented or compact. */
    static void writeTo(ByteArrayOutputStream out, Body body, boolean indent) {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.setPrettyPrinter(indent ? PRETTY.createInstance() : new MinimalPrettyPrinter(""));
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
    }
}
