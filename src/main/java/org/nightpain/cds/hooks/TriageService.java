package org.nightpain.cds.hooks;

import org.nightpain.cds.fhir.Canonicals;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.Problem;
import org.nightpain.cds.json.Utf8;

/**
 * The CDS Hooks service without the HTTP server: discovery, the Questionnaire, and one call turned into
 * cards or an error. Thread-safe; the server shares one instance.
 */
final class TriageService {
    static final String SERVICE_ID = "nightpain-triage";
    static final String HOOK = "patient-view";
    static final String FHIR_JSON = "application/fhir+json; charset=utf-8";
    static final String JSON_TYPE = "application/json; charset=utf-8";

    /** An HTTP answer: status, content type and body. */
    record Reply(int status, String contentType, String body) {
    }

    /** How long a call waits for the rule base and the FHIR model while the service is starting. */
    static final Duration STARTUP_WAIT = Duration.ofSeconds(30);
    /** What a 503 asks the client to wait before it calls again, in seconds. */
    static final int RETRY_AFTER_SECONDS = 5;

    private volatile ObjectMapper mapper;
    private final CompletableFuture<NightPainAssessor> assessor;
    private final Clock clock;
    private final CompletableFuture<FhirSupport> fhir;
    private final Canonicals canonicals;
    private final Duration startupWait;
    private final String discovery;
    private volatile String questionnaire;

    /** The service with a loaded assessor and the placeholder canonical URLs. */
    TriageService(NightPainAssessor assessor, Clock clock, CompletableFuture<FhirSupport> fhir) {
        this(CompletableFuture.completedFuture(assessor), clock, fhir, Canonicals.PLACEHOLDER, STARTUP_WAIT);
    }

    /**
     * @param assessor    the assessor, possibly still loading its rule base
     * @param fhir        the FHIR side, possibly still loading
     * @param canonicals  the canonical URLs of the Questionnaire and code systems; those of {@code fhir}
     * @param startupWait how long a call waits for the two to be ready before it is answered 503
     */
    TriageService(CompletableFuture<NightPainAssessor> assessor, Clock clock, CompletableFuture<FhirSupport> fhir,
                  Canonicals canonicals, Duration startupWait) {
        this.assessor = assessor;
        this.clock = clock;
        this.canonicals = canonicals;
        this.startupWait = startupWait;
        this.fhir = fhir;
        // Written with the streaming generator: the data-binding mapper costs a thousand classes to set up,
        // which serve leaves to a background thread so that discovery answers sooner.
        this.discovery = discoveryDocument(canonicals);
    }

    /**
     * The data-binding mapper of the CDS Hooks JSON, set up on first use: strict about duplicate keys and
     * text after the object.
     */
    private ObjectMapper json() {
        ObjectMapper json = mapper;
        if (json == null) {
            synchronized (this) {
                json = mapper;
                if (json == null) {
                    json = JsonMapper.builder()
                            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                            .build();
                    mapper = json;
                }
            }
        }
        return json;
    }

    /** Sets up the mapper and uses it once each way, so that the first request does not pay for it. */
    void warmUp() {
        write(parseOwn("{\"warm\": [1, \"up\", {\"nested\": null}]}"));
    }

    /** {@code GET /cds-services}: at once, whatever is still loading. */
    Reply discovery() {
        return new Reply(200, JSON_TYPE, discovery);
    }

    /**
     * {@code GET /questionnaire}: the Questionnaire whose answers the service reads. It is written without
     * HAPI FHIR, so it needs neither the FHIR model nor the rule base to be loaded.
     */
    Reply questionnaire() {
        String body = questionnaire;
        if (body == null) {
            body = write(TriageQuestionnaire.json(canonicals));
            questionnaire = body;
        }
        return new Reply(200, FHIR_JSON, body);
    }

    /**
     * {@code POST /cds-services/nightpain-triage}: cards, or an error naming what is wrong. A request that
     * is malformed or not a valid call is answered at once; a valid one that comes while the service is
     * starting waits for the FHIR model and the rule base, at most {@code startupWait} in all, and is then
     * answered 503 if they are still not ready.
     */
    Reply call(byte[] body) {
        return call(body, CallSteps.NONE);
    }

    /** As {@link #call(byte[])}, with a deployment's steps: the prefetch it fills in, the record it keeps. */
    Reply call(byte[] body, CallSteps steps) {
        try {
            long deadline = System.nanoTime() + startupWait.toNanos();
            JsonNode request = parse(body);
            String patientId = checkRequest(request);
            Instant now = clock.instant();
            FhirSupport fhir = ready(this.fhir, "the FHIR model", deadline);
            FhirFacts input = fhir.reader().read(patientId, steps.prefetch(request, patientId), now);
            NightPainAssessor assessor = ready(this.assessor, "the rule base", deadline);
            if (!input.assessable()) {
                ObjectNode cards = Cards.notAssessed(assessor.knowledgeBase(), input, canonicals);
                steps.answered(request, patientId, assessor.knowledgeBase(), null, cards);
                return new Reply(200, JSON_TYPE, write(cards));
            }
            Assessment assessment = assessor.assess(input.facts(), now);
            ObjectNode record = TriageRecord.of(assessment, input, patientId, canonicals);
            ObjectNode cards = Cards.response(assessment, input, record, canonicals);
            steps.answered(request, patientId, assessor.knowledgeBase(), assessment, cards);
            return new Reply(200, JSON_TYPE, write(cards));
        } catch (HookException e) {
            return error(e);
        }
    }

    /**
     * What a loading part gives once it is ready. A part that failed to load is a failure of the service
     * (a 500); one still loading at the deadline makes the call a 503 that asks the client to call again.
     */
    private static <T> T ready(CompletableFuture<T> part, String what, long deadline) {
        try {
            return part.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new HookException(503, "UNAVAILABLE", "The service is still starting (loading " + what
                    + "); call again in a few seconds.", List.of());
        } catch (ExecutionException e) {
            throw new IllegalStateException("the service could not load " + what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HookException(503, "UNAVAILABLE", "The service is stopping.", List.of());
        }
    }

    /** The error body: {@code {"error": {"code", "message", "problems": [{field, value, message}]}}}. */
    Reply error(HookException e) {
        ObjectMapper json = json();
        ObjectNode body = json.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", e.code());
        error.put("message", e.getMessage());
        ArrayNode problems = error.putArray("problems");
        for (Problem problem : e.problems()) {
            ObjectNode node = problems.addObject();
            node.put("field", problem.field());
            node.set("value", json.valueToTree(problem.value()));
            node.put("message", problem.message());
        }
        return new Reply(e.status(), JSON_TYPE, write(body));
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode request = json().readTree(utf8(body));
            if (request == null) {
                throw HookException.invalid(null, null, "the request body is empty; send a CDS Hooks request object");
            }
            return request;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new HookException(400, "MALFORMED_JSON", "The request body is not valid JSON" + where + ".",
                    List.of(new Problem(null, null, "not valid JSON" + where + ": " + e.getOriginalMessage())));
        }
    }

    /**
     * The body as text. JSON between systems is UTF-8 (RFC 8259), and the JSON codec takes nothing else:
     * bytes that are not UTF-8 are refused here, with the codec's check, where Jackson would guess UTF-16
     * or UTF-32 from the first bytes and decode some malformed sequences. A leading byte-order mark is
     * dropped, as the codec does.
     */
    private static String utf8(byte[] body) {
        Utf8.Fault fault = Utf8.check(body, 0, body.length);
        if (fault != null) {
            String where = " at line " + fault.line() + ", column " + fault.column();
            throw new HookException(400, "MALFORMED_JSON", "The request body is not UTF-8" + where + ".",
                    List.of(new Problem(null, null, "not valid JSON" + where + ": the body has " + fault.reason())));
        }
        String decoded = new String(body, StandardCharsets.UTF_8);
        return decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
    }

    /** Checks the envelope of a call and returns the patient id of its context. */
    private static String checkRequest(JsonNode request) {
        if (!request.isObject()) {
            throw HookException.invalid(null, null, "the request must be a JSON object with hook, hookInstance,"
                    + " context and prefetch");
        }
        List<Problem> problems = new ArrayList<>();
        JsonNode hook = request.get("hook");
        if (hook == null || !hook.isTextual()) {
            problems.add(new Problem("hook", null, "is required: the hook that triggered the call, '" + HOOK + "'"));
        } else if (!HOOK.equals(hook.asText())) {
            problems.add(new Problem("hook", hook.asText(), "must be '" + HOOK + "'; this service answers no other hook"));
        }
        JsonNode instance = request.get("hookInstance");
        if (instance == null || !instance.isTextual() || instance.asText().isBlank()) {
            problems.add(new Problem("hookInstance", null, "is required: a unique id (UUID) of this call"));
        }
        JsonNode context = request.get("context");
        String patientId = null;
        if (context == null || !context.isObject()) {
            problems.add(new Problem("context", null, "is required: an object with the patientId of the"
                    + " patient being viewed"));
        } else {
            JsonNode id = context.get("patientId");
            if (id == null || !id.isTextual() || id.asText().isBlank()) {
                problems.add(new Problem("context.patientId", null, "is required: the FHIR id of the patient"));
            } else if (!PrefetchReader.FHIR_ID.matcher(id.asText()).matches()) {
                // It becomes the subject reference of the offered RiskAssessment, which must be valid FHIR.
                problems.add(new Problem("context.patientId", id.asText(), "must be a FHIR id (1-64 letters, digits,"
                        + " '-' or '.')"));
            } else {
                patientId = id.asText();
            }
        }
        if (!problems.isEmpty()) {
            throw HookException.invalid(problems);
        }
        return patientId;
    }

    private static String discoveryDocument(Canonicals canonicals) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = new JsonFactory().createGenerator(text)) {
            out.useDefaultPrettyPrinter();
            out.writeStartObject();
            out.writeArrayFieldStart("services");
            out.writeStartObject();
            out.writeStringField("hook", HOOK);
            out.writeStringField("title", "Night-time low back pain triage");
            out.writeStringField("description", "Triages low back pain that is worse at night or on lying down from"
                    + " the patient's answers to the nightpain-triage questionnaire and the EHR's conditions, medicines,"
                    + " body temperature and pregnancy records. Returns one card per finding (urgency, referral, the"
                    + " facts that fired it and the guideline), most urgent first, and the questions still to ask. "
                    + NightPainAssessor.INTENDED_USE);
            out.writeStringField("id", SERVICE_ID);
            out.writeObjectFieldStart("prefetch");
            for (PrefetchKey key : PrefetchKey.values()) {
                out.writeStringField(key.key(), key.template(canonicals));
            }
            out.writeEndObject();
            out.writeEndObject();
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return text.toString();
    }

    private JsonNode parseOwn(String text) {
        try {
            return json().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the service wrote JSON it cannot read", e);
        }
    }

    private String write(JsonNode node) {
        try {
            return json().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a JSON tree", e);
        }
    }
}
