package org.nightpain.cds.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Finding;
import org.nightpain.cds.KnowledgeBaseInfo;
import org.nightpain.cds.Question;
import org.nightpain.cds.RuleInfo;
import org.nightpain.cds.Source;

/**
 * Writes results, errors and the rule catalogue in the shapes of the contract, key by key, so that the
 * order of keys is fixed and nothing is added by accident. Enums are written as their names.
 */
final class JsonWriter {
    /**
     * The texts of the knowledge base (rationales, advice, citations, questions, codes, names and keys),
     * each escaped and encoded once and then copied into every result that carries it: most of a
     * result's bytes are such texts. Only knowledge-base texts go in, never a value from a request, so
     * the map stays as small as the knowledge base; the cap guards against a future misuse.
     */
    private static final Map<String, SerializedString> KNOWLEDGE_TEXTS = new ConcurrentHashMap<>();
    private static final int MAX_KNOWLEDGE_TEXTS = 10_000;

    // The keys of the result's objects, encoded once.
    private static final SerializedString KEY_ADVICE = new SerializedString("advice");
    private static final SerializedString KEY_ANSWERS_NOT_USED = new SerializedString("answersNotUsed");
    private static final SerializedString KEY_COULD_RAISE_TO = new SerializedString("couldRaiseTo");
    private static final SerializedString KEY_SCREENING_COMPLETE = new SerializedString("screeningComplete");
    private static final SerializedString KEY_SUPPRESSED_BY = new SerializedString("suppressedBy");
    private static final SerializedString KEY_CATEGORY = new SerializedString("category");
    private static final SerializedString KEY_CITATION = new SerializedString("citation");
    private static final SerializedString KEY_CODE = new SerializedString("code");
    private static final SerializedString KEY_COULD_CHANGE = new SerializedString("couldChange");
    private static final SerializedString KEY_DIAGNOSTICS = new SerializedString("diagnostics");
    private static final SerializedString KEY_EVIDENCE = new SerializedString("evidence");
    private static final SerializedString KEY_FIELD = new SerializedString("field");
    private static final SerializedString KEY_FINDINGS = new SerializedString("findings");
    private static final SerializedString KEY_HIGHEST_URGENCY = new SerializedString("highestUrgency");
    private static final SerializedString KEY_ID = new SerializedString("id");
    private static final SerializedString KEY_INPUTS_MISSING = new SerializedString("inputsMissing");
    private static final SerializedString KEY_INPUTS_USED = new SerializedString("inputsUsed");
    private static final SerializedString KEY_KNOWLEDGE_BASE = new SerializedString("knowledgeBase");
    private static final SerializedString KEY_QUESTION = new SerializedString("question");
    private static final SerializedString KEY_QUESTIONS_TO_ASK = new SerializedString("questionsToAsk");
    private static final SerializedString KEY_RATIONALE = new SerializedString("rationale");
    private static final SerializedString KEY_REFERRALS = new SerializedString("referrals");
    private static final SerializedString KEY_RULE_ID = new SerializedString("ruleId");
    private static final SerializedString KEY_RULE_VERSION = new SerializedString("ruleVersion");
    private static final SerializedString KEY_SHA256 = new SerializedString("sha256");
    private static final SerializedString KEY_SOURCES = new SerializedString("sources");
    private static final SerializedString KEY_SUPPRESSED_FINDINGS = new SerializedString("suppressedFindings");
    private static final SerializedString KEY_URGENCY = new SerializedString("urgency");
    private static final SerializedString KEY_URL = new SerializedString("url");
    private static final SerializedString KEY_VERSION = new SerializedString("version");

    private JsonWriter() {
    }

    private static SerializableString knowledge(String text) {
        SerializedString encoded = KNOWLEDGE_TEXTS.get(text);
        if (encoded == null) {
            encoded = new SerializedString(text);
            if (KNOWLEDGE_TEXTS.size() < MAX_KNOWLEDGE_TEXTS) {
                KNOWLEDGE_TEXTS.putIfAbsent(text, encoded);
            }
        }
        return encoded;
    }

    /** A key and a knowledge-base text (or null) as its value. */
    private static void knowledgeField(JsonGenerator out, SerializableString key, String text) throws IOException {
        out.writeFieldName(key);
        if (text == null) {
            out.writeNull();
        } else {
            out.writeString(knowledge(text));
        }
    }

    static void result(JsonGenerator out, String id, Assessment assessment) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", id);
        knowledgeField(out, KEY_HIGHEST_URGENCY, assessment.highestUrgency().name());
        out.writeFieldName(KEY_SCREENING_COMPLETE);
        out.writeBoolean(assessment.screeningComplete());
        names(out, KEY_REFERRALS, assessment.referrals());
        findings(out, KEY_FINDINGS, assessment.findings());
        findings(out, KEY_SUPPRESSED_FINDINGS, assessment.suppressedFindings());
        out.writeFieldName(KEY_QUESTIONS_TO_ASK);
        out.writeStartArray();
        for (Question question : assessment.questionsToAsk()) {
            out.writeStartObject();
            knowledgeField(out, KEY_FIELD, question.field());
            knowledgeField(out, KEY_QUESTION, question.question());
            strings(out, KEY_COULD_CHANGE, question.couldChange());
            knowledgeField(out, KEY_COULD_RAISE_TO, question.couldRaiseTo() == null ? null : question.couldRaiseTo().name());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeFieldName(KEY_ANSWERS_NOT_USED);
        inputs(out, assessment.answersNotUsed());
        knowledgeBase(out, assessment.knowledgeBase());
        out.writeStringField("assessedAt", assessment.assessedAt().toString());
        out.writeEndObject();
    }

    /**
     * An error object.
     *
     * @param line the input line of the record, written in batches only; null otherwise
     */
    static void error(JsonGenerator out, String id, ErrorCode code, Long line, List<JsonProblem> problems)
            throws IOException {
        out.writeStartObject();
        out.writeStringField("id", id);
        out.writeObjectFieldStart("error");
        out.writeStringField("code", code.name());
        if (line != null) {
            out.writeNumberField("line", line);
        }
        out.writeArrayFieldStart("problems");
        for (JsonProblem problem : problems) {
            out.writeStartObject();
            out.writeStringField("field", problem.field());
            out.writeFieldName("value");
            value(out, problem.value());
            out.writeStringField("message", problem.message());
            if (problem.line() != null) {
                out.writeNumberField("line", problem.line());
                out.writeNumberField("column", problem.column());
            }
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
        out.writeEndObject();
    }

    static void rules(JsonGenerator out, KnowledgeBaseInfo knowledgeBase, List<RuleInfo> rules) throws IOException {
        out.writeStartObject();
        knowledgeBase(out, knowledgeBase);
        out.writeArrayFieldStart("rules");
        for (RuleInfo rule : rules) {
            out.writeStartObject();
            out.writeStringField("id", rule.id());
            out.writeStringField("version", rule.version());
            out.writeStringField("name", rule.name());
            out.writeStringField("code", rule.code());
            out.writeStringField("category", rule.category().name());
            if (rule.urgency() != null) {
                out.writeStringField("urgency", rule.urgency().name());
            }
            names(out, KEY_REFERRALS, rule.referrals());
            sources(out, rule.sources());
            out.writeStringField("evidence", rule.evidence().name());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void findings(JsonGenerator out, SerializableString key, List<Finding> findings) throws IOException {
        out.writeFieldName(key);
        out.writeStartArray();
        for (Finding finding : findings) {
            out.writeStartObject();
            knowledgeField(out, KEY_CODE, finding.code());
            knowledgeField(out, KEY_RULE_ID, finding.ruleId());
            knowledgeField(out, KEY_RULE_VERSION, finding.ruleVersion());
            knowledgeField(out, KEY_CATEGORY, finding.category().name());
            if (finding.urgency() != null) {
                knowledgeField(out, KEY_URGENCY, finding.urgency().name());
            }
            names(out, KEY_REFERRALS, finding.referrals());
            names(out, KEY_DIAGNOSTICS, finding.diagnostics());
            knowledgeField(out, KEY_RATIONALE, finding.rationale());
            out.writeFieldName(KEY_INPUTS_USED);
            inputs(out, finding.inputsUsed());
            strings(out, KEY_INPUTS_MISSING, finding.inputsMissing());
            sources(out, finding.sources());
            knowledgeField(out, KEY_EVIDENCE, finding.evidence().name());
            knowledgeField(out, KEY_ADVICE, finding.advice());
            if (finding.suppressedBy() != null) {
                knowledgeField(out, KEY_SUPPRESSED_BY, finding.suppressedBy());
            }
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    /** Facts as an object: field name to value. */
    private static void inputs(JsonGenerator out, Map<String, Object> facts) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, Object> input : facts.entrySet()) {
            out.writeFieldName(knowledge(input.getKey()));
            value(out, input.getValue());
        }
        out.writeEndObject();
    }

    private static void sources(JsonGenerator out, List<Source> sources) throws IOException {
        out.writeFieldName(KEY_SOURCES);
        out.writeStartArray();
        for (Source source : sources) {
            out.writeStartObject();
            knowledgeField(out, KEY_ID, source.id());
            knowledgeField(out, KEY_CITATION, source.citation());
            knowledgeField(out, KEY_URL, source.url());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static void knowledgeBase(JsonGenerator out, KnowledgeBaseInfo knowledgeBase) throws IOException {
        out.writeFieldName(KEY_KNOWLEDGE_BASE);
        out.writeStartObject();
        knowledgeField(out, KEY_ID, knowledgeBase.id());
        knowledgeField(out, KEY_VERSION, knowledgeBase.version());
        knowledgeField(out, KEY_SHA256, knowledgeBase.sha256());
        out.writeEndObject();
    }

    private static void names(JsonGenerator out, SerializableString key, List<? extends Enum<?>> values) throws IOException {
        out.writeFieldName(key);
        out.writeStartArray();
        for (Enum<?> value : values) {
            out.writeString(knowledge(value.name()));
        }
        out.writeEndArray();
    }

    /** A list of knowledge-base strings (field names, rule ids). */
    private static void strings(JsonGenerator out, SerializableString key, List<String> values) throws IOException {
        out.writeFieldName(key);
        out.writeStartArray();
        for (String value : values) {
            out.writeString(knowledge(value));
        }
        out.writeEndArray();
    }

    /** A fact or echoed value: null, a string, a boolean, a number, or an enum written as its name. */
    private static void value(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof Enum<?> constant) {
            out.writeString(knowledge(constant.name()));
        } else if (value instanceof Integer number) {
            out.writeNumber(number);
        } else if (value instanceof Long number) {
            out.writeNumber(number);
        } else if (value instanceof Double number) {
            out.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            out.writeNumber(number);
        } else if (value instanceof BigInteger number) {
            out.writeNumber(number);
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else {
            out.writeString(value.toString());
        }
    }
}
