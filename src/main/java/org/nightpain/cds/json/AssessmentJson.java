package org.nightpain.cds.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.LongConsumer;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.PatientFacts;

/**
 * The JSON face of {@link NightPainAssessor}: a request body in, a result or error body out.
 *
 * <p>One call is enough in a REST endpoint:
 * <pre>{@code
 * AssessmentJson json = AssessmentJson.create(NightPainAssessor.create());   // once; thread-safe
 * String response = json.assess(requestBody);   // a result, or an error object; never throws
 * }</pre>
 *
 * <p>Requests are read strictly by {@link JsonCodec}: nothing is assessed from a request with any
 * problem, and the error object lists every problem. A request without {@code "asOf"} is assessed as of
 * now. A bug inside the library gives an {@link ErrorCode#INTERNAL_ERROR} object, never a result.
 *
 * <p>Needs {@code com.fasterxml.jackson.core:jackson-core}, an optional dependency of this library
 * that an application using this package adds itself.
 */
public final class AssessmentJson {
    enum Outcome { ASSESSED, INVALID, INTERNAL_ERROR }

    private interface RequestSource {
        AssessmentRequest read();
    }

    private final BiFunction<PatientFacts, Instant, Assessment> assessor;
    private final JsonCodec codec;
    private final ParallelBatch.Shape batchShape;

    AssessmentJson(BiFunction<PatientFacts, Instant, Assessment> assessor, JsonCodec codec) {
        this(assessor, codec, ParallelBatch.Shape.forThisMachine());
    }

    private AssessmentJson(BiFunction<PatientFacts, Instant, Assessment> assessor, JsonCodec codec,
            ParallelBatch.Shape batchShape) {
        this.assessor = assessor;
        this.codec = codec;
        this.batchShape = batchShape;
    }

    /** Assesses with this assessor and writes compact JSON. */
    public static AssessmentJson create(NightPainAssessor assessor) {
        Objects.requireNonNull(assessor, "assessor");
        return new AssessmentJson(assessor::assess, JsonCodec.create());
    }

    /** The same, writing indented JSON (batches stay one object per line). */
    public AssessmentJson withPrettyPrinting() {
        return new AssessmentJson(assessor, codec.withPrettyPrinting(), batchShape);
    }

    /** The same, spreading batches over threads and chunks of this shape (tests try small ones). */
    AssessmentJson withBatchShape(ParallelBatch.Shape shape) {
        return new AssessmentJson(assessor, codec, shape);
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
        respond(() -> codec.reader().read(requestBody), out, null, codec.pretty());
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Assesses one request given as UTF-8 bytes and returns the result or error object as UTF-8. */
    public byte[] assess(byte[] requestBody) {
        Objects.requireNonNull(requestBody, "requestBody");
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        respond(() -> codec.reader().read(requestBody, 0, requestBody.length, 1), out, null, codec.pretty());
        return out.toByteArray();
    }

    /**
     * Assesses newline-delimited JSON: one request per line in, one result or error object per line out,
     * in the same order. Blank lines are skipped. A bad line gets an error object that carries its line
     * number, and the run goes on. Reads and writes as it goes, so memory does not grow with the input;
     * output is flushed whenever more input has to be waited for, and at the end. Records are assessed on
     * one thread per processor, a few hundred at a time; the output keeps the input's order all the same.
     *
     * @param progress told the number of requests done after each one; may do nothing
     * @throws IOException when {@code in} cannot be read or {@code out} written
     */
    public BatchSummary assessNdjson(InputStream in, OutputStream out, LongConsumer progress) throws IOException {
        ParallelBatch batch = new ParallelBatch(batchShape, (bytes, offset, length, line, response) ->
                respond(() -> codec.reader().read(bytes, offset, length, line), response, line, false));
        return batch.run(in, out, progress);
    }

    private Outcome respond(RequestSource source, ByteArrayOutputStream out, Long line, boolean indent) {
        String id = null;
        try {
            AssessmentRequest request = source.read();
            id = request.id();
            Instant asOf = request.asOf() != null ? request.asOf() : Instant.now();
            Assessment assessment = assessor.apply(request.facts(), asOf);
            String requestId = id;
            JsonCodec.writeTo(out, json -> JsonWriter.result(json, requestId, assessment), indent);
            return Outcome.ASSESSED;
        } catch (JsonInputException e) {
            out.reset();
            JsonCodec.writeTo(out, json -> JsonWriter.error(json, e.id(), e.code(), line, e.problems()), indent);
            return Outcome.INVALID;
        } catch (RuntimeException e) {
            out.reset();
            List<JsonProblem> problems = JsonCodec.internalError(e);
            String requestId = id;
            JsonCodec.writeTo(out, json -> JsonWriter.error(json, requestId, ErrorCode.INTERNAL_ERROR, line, problems),
                    indent);
            return Outcome.INTERNAL_ERROR;
        }
    }
}
