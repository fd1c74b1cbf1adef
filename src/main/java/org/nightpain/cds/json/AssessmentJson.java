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
import java.util.function.Supplier;
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
 * <p>This is the one way into the JSON contract: the command line and any REST endpoint use it. Requests
 * are read strictly: an unknown or misspelt key, a value of the wrong type, an enum name that is not
 * exact, a number out of range and a key given twice are {@link ErrorCode#INVALID_INPUT} problems, all
 * reported at once; text that is not JSON is {@link ErrorCode#MALFORMED_JSON} with a line and a column.
 * Nothing is assessed from a request with any problem. A request without {@code "asOf"} is assessed as of
 * now. A bug inside the library gives an {@link ErrorCode#INTERNAL_ERROR} object, never a result.
 *
 * <p>Needs {@code com.fasterxml.jackson.core:jackson-core}, an optional dependency of this library
 * that an application using this package adds itself.
 */
public final class AssessmentJson {
    enum Outcome { ASSESSED, INVALID, INTERNAL_ERROR }

    /** The longest request read, in bytes (in characters for a {@code String}); longer ones are refused. */
    public static final int MAX_REQUEST_BYTES = RequestReader.MAX_REQUEST_BYTES;

    /**
     * One request's answer: the JSON body, and what it holds for a caller that also shows it another way.
     *
     * @param json       the result or error object
     * @param id         the request's {@code "id"}, or null when it has none or it could not be read
     * @param assessment the assessment; null when the request was not assessed
     * @param error      why the request was not assessed; null when it was
     * @param problems   every problem found; empty when the request was assessed
     */
    public record Answer(String json, String id, Assessment assessment, ErrorCode error, List<JsonProblem> problems) {
        /**
         * Copies the list of problems, so that the answer is immutable.
         *
         * @param json the result or error object
         * @param id the request's {@code "id"}, or null when it has none or it could not be read
         * @param assessment the assessment; null when the request was not assessed
         * @param error why the request was not assessed; null when it was
         * @param problems every problem found; empty when the request was assessed
         * @throws NullPointerException when json is null
         */
        public Answer {
            Objects.requireNonNull(json, "json");
            problems = List.copyOf(problems);
        }
    }

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

    /**
     * Assesses with this assessor and writes compact JSON.
     *
     * @param assessor the assessor to assess with
     * @return the JSON entry
     */
    public static AssessmentJson create(NightPainAssessor assessor) {
        Objects.requireNonNull(assessor, "assessor");
        return new AssessmentJson(assessor::assess, JsonCodec.create());
    }

    /**
     * Assesses with the assessor the supplier gives, asked for only when a valid request is to be assessed,
     * so that a command that meets a bad request first answers it without loading the rules.
     *
     * @param assessor gives the assessor to assess with; called at most once per valid request
     * @return the JSON entry
     */
    public static AssessmentJson create(Supplier<NightPainAssessor> assessor) {
        Objects.requireNonNull(assessor, "assessor");
        return new AssessmentJson((facts, asOf) -> assessor.get().assess(facts, asOf), JsonCodec.create());
    }

    /** {@return the same entry, writing indented JSON (batches stay one object per line)} */
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
        return respond(() -> codec.reader().read(requestBody)).json();
    }

    /**
     * Assesses one request given as UTF-8 bytes.
     *
     * @param requestBody one JSON object, as UTF-8
     * @return the result object, or an error object when the request is not valid, as UTF-8
     */
    public byte[] assess(byte[] requestBody) {
        return answer(requestBody).json().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Assesses one request given as UTF-8 bytes; never throws.
     *
     * @param requestBody one JSON object, as UTF-8
     * @return the answer: the JSON body and what it holds
     */
    public Answer answer(byte[] requestBody) {
        Objects.requireNonNull(requestBody, "requestBody");
        return respond(() -> codec.reader().read(requestBody, 0, requestBody.length, 1));
    }

    /**
     * Writes the rule catalogue of an assessor as JSON.
     *
     * @param assessor the assessor whose rules to list
     * @return the knowledge base's identity and every rule that can raise a finding
     */
    public String rules(NightPainAssessor assessor) {
        return codec.writeRules(assessor.knowledgeBase(), assessor.rules());
    }

    /**
     * Assesses newline-delimited JSON: one request per line in, one result or error object per line out,
     * in the same order. Blank lines are skipped. A bad line gets an error object that carries its line
     * number, and the run goes on. Reads and writes as it goes, so memory does not grow with the input;
     * output is flushed whenever more input has to be waited for, and at the end. Records are assessed on
     * one thread per processor, a few hundred at a time; the output keeps the input's order all the same.
     *
     * @param in       the requests, one per line, as UTF-8
     * @param out      where the results and errors go, one per line, as UTF-8
     * @param progress told the number of requests done after each one; may do nothing
     * @return how many requests were read, assessed and refused
     * @throws IOException when {@code in} cannot be read or {@code out} written
     */
    public BatchSummary assessNdjson(InputStream in, OutputStream out, LongConsumer progress) throws IOException {
        ParallelBatch batch = new ParallelBatch(batchShape, (bytes, offset, length, line, response) ->
                outcome(respond(() -> codec.reader().read(bytes, offset, length, line), response, line, false)));
        return batch.run(in, out, progress);
    }

    private Answer respond(RequestSource source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        Answer answer = respond(source, out, null, codec.pretty());
        return new Answer(out.toString(StandardCharsets.UTF_8), answer.id(), answer.assessment(), answer.error(),
                answer.problems());
    }

    /** Writes the answer to {@code out}; the answer returned carries no JSON of its own. */
    private Answer respond(RequestSource source, ByteArrayOutputStream out, Long line, boolean indent) {
        String id = null;
        try {
            AssessmentRequest request = source.read();
            id = request.id();
            Instant asOf = request.asOf() != null ? request.asOf() : Instant.now();
            Assessment assessment = assessor.apply(request.facts(), asOf);
            String requestId = id;
            JsonCodec.writeTo(out, json -> JsonWriter.result(json, requestId, assessment), indent);
            return new Answer("", id, assessment, null, List.of());
        } catch (JsonInputException e) {
            out.reset();
            JsonCodec.writeTo(out, json -> JsonWriter.error(json, e.id(), e.code(), line, e.problems()), indent);
            return new Answer("", e.id(), null, e.code(), e.problems());
        } catch (RuntimeException e) {
            out.reset();
            List<JsonProblem> problems = JsonCodec.internalError(e);
            String requestId = id;
            JsonCodec.writeTo(out, json -> JsonWriter.error(json, requestId, ErrorCode.INTERNAL_ERROR, line, problems),
                    indent);
            return new Answer("", id, null, ErrorCode.INTERNAL_ERROR, problems);
        }
    }

    /** What a batch counts an answer as. */
    static Outcome outcome(Answer answer) {
        return answer.error() == null ? Outcome.ASSESSED
                : answer.error() == ErrorCode.INTERNAL_ERROR ? Outcome.INTERNAL_ERROR : Outcome.INVALID;
    }
}
