package org.nightpain.cds.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
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
    private JsonWriter() {
    }

    static void result(JsonGenerator out, String id, Assessment assessment) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", id);
        out.writeStringField("highestUrgency", assessment.highestUrgency().name());
        names(out, "referrals", assessment.referrals());
        findings(out, "findings", assessment.findings());
        findings(out, "suppressedFindings", assessment.suppressedFindings());
        out.writeArrayFieldStart("questionsToAsk");
        for (Question question : assessment.questionsToAsk()) {
            out.writeStartObject();
            out.writeStringField("field", question.field());
            out.writeStringField("question", question.question());
            strings(out, "couldChange", question.couldChange());
            out.writeEndObject();
        }
        out.writeEndArray();
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
            names(out, "referrals", rule.referrals());
            sources(out, rule.sources());
            out.writeStringField("evidence", rule.evidence().name());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private static void findings(JsonGenerator out, String key, List<Finding> findings) throws IOException {
        out.writeArrayFieldStart(key);
        for (Finding finding : findings) {
            out.writeStartObject();
            out.writeStringField("code", finding.code());
            out.writeStringField("ruleId", finding.ruleId());
            out.writeStringField("ruleVersion", finding.ruleVersion());
            out.writeStringField("category", finding.category().name());
            if (finding.urgency() != null) {
                out.writeStringField("urgency", finding.urgency().name());
            }
            names(out, "referrals", finding.referrals());
            names(out, "diagnostics", finding.diagnostics());
            out.writeStringField("rationale", finding.rationale());
            out.writeObjectFieldStart("inputsUsed");
            for (Map.Entry<String, Object> input : finding.inputsUsed().entrySet()) {
                out.writeFieldName(input.getKey());
                value(out, input.getValue());
            }
            out.writeEndObject();
            strings(out, "inputsMissing", finding.inputsMissing());
            sources(out, finding.sources());
            out.writeStringField("evidence", finding.evidence().name());
            out.writeStringField("advice", finding.advice());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static void sources(JsonGenerator out, List<Source> sources) throws IOException {
        out.writeArrayFieldStart("sources");
        for (Source source : sources) {
            out.writeStartObject();
            out.writeStringField("id", source.id());
            out.writeStringField("citation", source.citation());
            out.writeStringField("url", source.url());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static void knowledgeBase(JsonGenerator out, KnowledgeBaseInfo knowledgeBase) throws IOException {
        out.writeObjectFieldStart("knowledgeBase");
        out.writeStringField("id", knowledgeBase.id());
        out.writeStringField("version", knowledgeBase.version());
        out.writeStringField("sha256", knowledgeBase.sha256());
        out.writeEndObject();
    }

    private static void names(JsonGenerator out, String key, List<? extends Enum<?>> values) throws IOException {
        out.writeArrayFieldStart(key);
        for (Enum<?> value : values) {
            out.writeString(value.name());
        }
        out.writeEndArray();
    }

    private static void strings(JsonGenerator out, String key, List<String> values) throws IOException {
        out.writeArrayFieldStart(key);
        for (String value : values) {
            out.writeString(value);
        }
        out.writeEndArray();
    }

    /** A fact or echoed value: null, a string, a boolean, a number, or an enum written as its name. */
    private static void value(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof Enum<?> constant) {
            out.writeString(constant.name());
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
