package org.nightpain.cds.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Problem;

/**
 * One line of a population screen's {@code assessments.ndjson}: the patient's key, the contract's result
 * object (or error object) for the patient, and the FHIR records behind the facts. The result and error
 * objects are written by the same code as every other JSON answer, so a screen's results read like the
 * command line's. Stateless and thread-safe.
 *
 * <p>Public because population screening writes its rows with it; not part of the API.
 */
public final class ScreeningJson {

    private ScreeningJson() {
    }

    /**
     * The row of an assessed patient, compact and without a newline.
     *
     * @param out        where the row is written
     * @param patient    the patient's key ("Patient/p1"), also the result's {@code id}
     * @param answered   whether a QuestionnaireResponse to the triage questionnaire gave answers
     * @param assessment the patient's assessment
     * @param sources    for each fact taken from FHIR, the record it came from
     * @param records    the ids of the records used ("Condition/c7")
     * @param notes      records read but not used, and conflicts settled
     */
    public static void assessed(ByteArrayOutputStream out, String patient, boolean answered, Assessment assessment,
                                Map<String, String> sources, List<String> records, List<String> notes) {
        JsonCodec.writeTo(out, json -> {
            json.writeStartObject();
            json.writeStringField("patient", patient);
            json.writeStringField("status", "assessed");
            json.writeBooleanField("answered", answered);
            json.writeFieldName("result");
            JsonWriter.result(json, patient, assessment);
            stringMap(json, "factSources", sources);
            strings(json, "records", records);
            strings(json, "notes", notes);
            json.writeEndObject();
        }, false);
    }

    /**
     * The row of a patient who could not be assessed: an {@code INVALID_INPUT} error object listing every
     * problem, never a result. Compact and without a newline.
     *
     * @param out      where the row is written
     * @param patient  the patient's key ("Patient/p1"), also the error's {@code id}
     * @param problems why the patient could not be assessed
     * @param records  the ids of the patient's records ("Condition/c7")
     */
    public static void notAssessed(ByteArrayOutputStream out, String patient, List<Problem> problems, List<String> records) {
        List<JsonProblem> jsonProblems = problems.stream()
                .map(JsonProblem::of).toList();
        JsonCodec.writeTo(out, json -> {
            json.writeStartObject();
            json.writeStringField("patient", patient);
            json.writeStringField("status", "not-assessed");
            json.writeFieldName("error");
            JsonWriter.error(json, patient, ErrorCode.INVALID_INPUT, null, jsonProblems);
            strings(json, "records", records);
            json.writeEndObject();
        }, false);
    }

    private static void stringMap(JsonGenerator json, String key, Map<String, String> values) throws IOException {
        json.writeObjectFieldStart(key);
        for (Map.Entry<String, String> entry : values.entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String key, List<String> values) throws IOException {
        json.writeArrayFieldStart(key);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
