package org.nightpain.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightpain.cds.Fixtures;

/**
 * Requests the service must refuse: each gets a 4xx whose error names what is wrong, never a 500 and
 * never cards.
 */
@ExtendWith(SharedServer.class)
class BadRequestTest {
    private Hooks.Client client;

    @BeforeEach
    void connect() {
        client = SharedServer.client();
    }

    /** A valid call whose answers are the first vignette's, to break one piece at a time. */
    private static ObjectNode validCall() {
        return Hooks.callWithAnswers(new LinkedHashMap<>(Fixtures.vignettes().get(0).facts()));
    }

    private static ObjectNode answers(ObjectNode call) {
        return (ObjectNode) call.at("/prefetch/questionnaireResponse/entry/0/resource");
    }

    private JsonNode refused(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = Hooks.parse(response.body());
        assertThat(body.has("cards")).isFalse();
        assertThat(body.at("/error/code").asText()).isEqualTo(code);
        assertThat(body.at("/error/message").asText()).isNotBlank();
        return body.get("error");
    }

    private JsonNode invalid(ObjectNode call, String field) {
        JsonNode error = refused(client.call(call), 400, "INVALID_INPUT");
        assertThat(error.get("problems").findValuesAsText("field")).contains(field);
        return error;
    }

    @Test
    void textThatIsNotJson_isMalformed() {
        JsonNode error = refused(client.post("cds-services/nightpain-triage", "{\"hook\": \"patient-view\",\n  oops}"),
                400, "MALFORMED_JSON");
        assertThat(error.get("message").asText()).contains("line 2");
    }

    /**
     * JSON between systems is UTF-8, as for the JSON codec. Jackson guessed UTF-16 and UTF-32 from the
     * first bytes and decoded overlong forms, so such a body was answered with cards.
     */
    @Test
    void bodyThatIsNotUtf8_isMalformed_andAUtf8ByteOrderMarkIsNot() {
        String call = validCall().toString();
        // The second 'o' of "hook" in an overlong two-byte form, C1 AF, which Jackson decoded to 'o'.
        int second = call.indexOf("\"hook\"") + 3;
        ByteArrayOutputStream overlong = new ByteArrayOutputStream();
        overlong.writeBytes(call.substring(0, second).getBytes(StandardCharsets.UTF_8));
        overlong.writeBytes(new byte[] {(byte) 0xC1, (byte) 0xAF});
        overlong.writeBytes(call.substring(second + 1).getBytes(StandardCharsets.UTF_8));
        for (byte[] body : List.of(call.getBytes(StandardCharsets.UTF_16LE), call.getBytes(StandardCharsets.UTF_16),
                call.getBytes(Charset.forName("UTF-32BE")), overlong.toByteArray())) {
            JsonNode error = refused(client.post("cds-services/nightpain-triage", body), 400, "MALFORMED_JSON");
            assertThat(error.get("message").asText()).contains("not UTF-8", "line 1, column");
        }

        HttpResponse<String> withMark = client.post("cds-services/nightpain-triage",
                ("\uFEFF" + call).getBytes(StandardCharsets.UTF_8));
        assertThat(withMark.statusCode()).as(withMark.body()).isEqualTo(200);
    }

    @Test
    void duplicateKeysAndTrailingText_areMalformed() {
        refused(client.post("cds-services/nightpain-triage", "{\"hook\": \"patient-view\", \"hook\": \"x\"}"), 400, "MALFORMED_JSON");
        refused(client.post("cds-services/nightpain-triage", validCall() + " []"), 400, "MALFORMED_JSON");
    }

    @Test
    void emptyBodyOrNotAnObject_isInvalid() {
        refused(client.post("cds-services/nightpain-triage", ""), 400, "INVALID_INPUT");
        refused(client.post("cds-services/nightpain-triage", "[1, 2]"), 400, "INVALID_INPUT");
    }

    @Test
    void wrongOrMissingHook_isNamed() {
        JsonNode error = invalid(validCall().put("hook", "order-sign"), "hook");
        assertThat(error.at("/problems/0/value").asText()).isEqualTo("order-sign");
        ObjectNode call = validCall();
        call.remove("hook");
        invalid(call, "hook");
    }

    @Test
    void missingHookInstance_isNamed() {
        ObjectNode call = validCall();
        call.remove("hookInstance");
        invalid(call, "hookInstance");
    }

    @Test
    void missingOrInvalidContextOrPatientId_isNamed() {
        ObjectNode call = validCall();
        call.remove("context");
        invalid(call, "context");
        ObjectNode noPatient = validCall();
        ((ObjectNode) noPatient.get("context")).remove("patientId");
        invalid(noPatient, "context.patientId");
        // Found by CdsHooksRequestFuzzTest: it became a broken subject reference in the offered RiskAssessment.
        ObjectNode notAnId = validCall();
        ((ObjectNode) notAnId.get("context")).put("patientId", "#pat-1");
        invalid(notAnId, "context.patientId");
    }

    @Test
    void prefetchOfTheWrongResourceType_isNamed() {
        ObjectNode call = validCall();
        ((ObjectNode) call.get("prefetch")).set("questionnaireResponse", Hooks.patient("1980-02-03"));
        JsonNode error = invalid(call, "prefetch.questionnaireResponse");
        assertThat(error.at("/problems/0/message").asText()).contains("Patient", "QuestionnaireResponse");

        ObjectNode mixed = validCall();
        ((ObjectNode) mixed.get("prefetch")).set("conditions",
                Hooks.bundle(Hooks.condition("c1", "http://snomed.info/sct", "64859006"),
                        Hooks.temperature("o1", 37.0, "Cel", Fixtures.AS_OF)));
        invalid(mixed, "prefetch.conditions");
    }

    @Test
    void prefetchThatIsNotAResourceOrIsNotReadable_isNamed() {
        ObjectNode call = validCall();
        ((ObjectNode) call.get("prefetch")).put("patient", "Patient/pat-1");
        invalid(call, "prefetch.patient");

        ObjectNode badDate = validCall();
        ((ObjectNode) badDate.get("prefetch")).set("patient", Hooks.patient("last spring"));
        JsonNode error = invalid(badDate, "prefetch.patient");
        assertThat(error.at("/problems/0/message").asText()).contains("not a readable FHIR R4 resource");

        // Found by CdsHooksRequestFuzzTest: an empty key made the FHIR parser throw, and the call a 500.
        ObjectNode emptyKey = validCall();
        ((ObjectNode) answers(emptyKey).at("/item/0/answer/0")).put("", true);
        invalid(emptyKey, "prefetch.questionnaireResponse");

        // Found by CdsHooksRequestFuzzTest: an id that is no FHIR id went into the RiskAssessment as a broken
        // reference (and failed an assertion in the FHIR encoder, a 500 where assertions are on).
        ObjectNode badId = validCall();
        answers(badId).put("id", "#qr-1");
        assertThat(invalid(badId, "prefetch.questionnaireResponse").at("/problems/0/message").asText())
                .contains("not a FHIR id");
    }

    /** Found by an audit: {@code "questionnaire": "|"} split into nothing, and the call was a 500. */
    @Test
    void questionnaireReferenceWithoutAUrl_isNamed() {
        for (String canonical : new String[] {"|", "||", "|1.0", " |"}) {
            ObjectNode call = validCall();
            answers(call).put("questionnaire", canonical);

            JsonNode error = invalid(call, "prefetch.questionnaireResponse");

            assertThat(error.at("/problems/0/message").asText()).as(canonical).contains("no URL");
            assertThat(error.at("/problems/0/value").asText()).isEqualTo(canonical);
        }
    }

    /**
     * Found by fuzzing: a {@code questionnaire} that carries only an extension (FHIR allows a primitive
     * without a value) has no URL to compare, and reading it was a 500. It is read as a response that
     * does not name its questionnaire: assessed like one without the element.
     */
    @Test
    void questionnaireReferenceWithOnlyAnExtension_isReadAsNotGiven() {
        ObjectNode without = validCall();
        answers(without).remove("questionnaire");
        HttpResponse<String> expected = client.call(without);
        assertThat(expected.statusCode()).isEqualTo(200);

        for (String key : new String[] {"questionnaire", "_questionnaire"}) {
            ObjectNode call = validCall();
            answers(call).remove("questionnaire");
            answers(call).set(key, Hooks.parse("{\"extension\": [{\"url\": \"http://example.org/x\", \"valueString\": \"y\"}]}"));

            HttpResponse<String> response = client.call(call);

            assertThat(response.statusCode()).as(key + ": " + response.body()).isEqualTo(200);
            assertThat(Hooks.withoutUuids(Hooks.parse(response.body()))).as(key)
                    .isEqualTo(Hooks.withoutUuids(Hooks.parse(expected.body())));
        }
    }

    /**
     * Found by an audit: HAPI FHIR reads a date and time as a birthDate, and splitting it at '-' to find
     * the age made a 500 when the answers left the age open.
     */
    @Test
    void birthDateWithATime_isNamed() {
        ObjectNode call = validCall();
        ArrayNode items = (ArrayNode) answers(call).get("item");
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i).get("linkId").asText().equals("ageYears")) {
                items.remove(i);
            }
        }
        ((ObjectNode) call.get("prefetch")).set("patient", Hooks.patient("1960-06-01T10:00:00Z"));

        JsonNode error = invalid(call, "prefetch.patient");

        assertThat(error.at("/problems/0/message").asText()).contains("birthDate must be a date");
    }

    /**
     * A prefetch key the service did not ask for is not read, whatever it holds (the CDS Hooks
     * specification's example request carries one); a misspelt key of the service's own is then simply
     * missing, so leaving out the answers that way is still a 412 naming the key it needs.
     */
    @Test
    void prefetchKeyNotAskedFor_isIgnored_andAMisspeltAnswersKeyIsStillMissing() {
        ObjectNode plain = validCall();
        ObjectNode extra = validCall();
        ObjectNode prefetch = (ObjectNode) extra.get("prefetch");
        prefetch.put("medicationRequests", "not even a resource");
        prefetch.set("p", Hooks.patient("1950-01-01").put("id", "someone-else"));

        HttpResponse<String> answered = client.call(extra);

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(Hooks.withoutUuids(Hooks.parse(answered.body())))
                .isEqualTo(Hooks.withoutUuids(Hooks.parse(client.call(plain).body())));
        ObjectNode misspelt = validCall();
        ObjectNode answers = (ObjectNode) misspelt.get("prefetch");
        answers.set("questionaireResponse", answers.remove("questionnaireResponse"));
        JsonNode error = refused(client.call(misspelt), 412, "DATA_UNAVAILABLE");
        assertThat(error.get("problems").findValuesAsText("field")).containsExactly("prefetch.questionnaireResponse");
    }

    @Test
    void recordsAboutAnotherPatient_areRefused() {
        ObjectNode call = validCall();
        answers(call).putObject("subject").put("reference", "Patient/someone-else");
        JsonNode error = invalid(call, "prefetch.questionnaireResponse");
        assertThat(error.at("/problems/0/message").asText()).contains("someone-else");
    }

    @Test
    void invalidFactValues_nameTheField() {
        Map<String, Object> facts = new LinkedHashMap<>(Fixtures.vignettes().get(0).facts());
        facts.put("temperatureC", 101.2);
        facts.put("motorWeakness", "NONE");
        facts.put("weaknessProgressive", "YES");
        JsonNode error = invalid(Hooks.callWithAnswers(facts), "temperatureC");
        assertThat(error.get("problems").findValuesAsText("field")).contains("weaknessProgressive");
        assertThat(error.get("problems").findValuesAsText("message")).anySatisfy(m -> assertThat(m).contains("°F"));
    }

    /**
     * The validation of knowledge base 2.0 (clinical-knowledge §9.1) through a QuestionnaireResponse: numbness
     * answered yes or no, as a questionnaire written for knowledge base 1.x would send it (a valueBoolean, or a
     * coding YES), pregnancy with sex MALE, and weeks of pregnancy without a pregnancy or out of range. Each
     * is a 400 naming the field; never cards.
     */
    @Test
    void knowledgeBase2InvalidAnswers_nameTheField() {
        for (boolean yes : new boolean[] {true, false}) {
            ObjectNode call = validCall();
            for (JsonNode item : answers(call).get("item")) {
                if (item.get("linkId").asText().equals("legNumbnessTingling")) {
                    ((ObjectNode) item.get("answer").get(0)).removeAll().put("valueBoolean", yes);
                }
            }
            JsonNode error = invalid(call, "legNumbnessTingling");
            assertThat(error.at("/problems/0/message").asText()).contains("NONE", "UNILATERAL", "BILATERAL", "UNKNOWN");
        }
        for (String code : new String[] {"YES", "NO"}) {
            JsonNode error = invalid(callWith(Map.of("legNumbnessTingling", code)), "legNumbnessTingling");
            assertThat(error.at("/problems/0/message").asText()).contains("NONE", "UNILATERAL", "BILATERAL", "UNKNOWN");
        }
        invalid(callWith(Map.of("sex", "MALE", "pregnant", "YES")), "pregnant");
        invalid(callWith(Map.of("pregnant", "NO", "gestationWeeks", 20)), "gestationWeeks");
        Map<String, Object> weeksAlone = new LinkedHashMap<>(Map.of("gestationWeeks", 30));
        weeksAlone.put("pregnant", null);
        invalid(callWith(weeksAlone), "gestationWeeks");
        for (int weeks : new int[] {46, -1}) {
            JsonNode error = invalid(callWith(Map.of("sex", "FEMALE", "pregnant", "YES", "gestationWeeks", weeks)),
                    "gestationWeeks");
            assertThat(error.get("problems").findValuesAsText("field")).containsExactly("gestationWeeks");
            assertThat(error.at("/problems/0/message").asText()).contains("0-45");
        }
    }

    /** A call whose answers are the first vignette's with these changed (null: left unanswered). */
    private static ObjectNode callWith(Map<String, Object> changes) {
        Map<String, Object> facts = new LinkedHashMap<>(Fixtures.vignettes().get(0).facts());
        facts.putAll(changes);
        return Hooks.callWithAnswers(facts);
    }

    @Test
    void answersOfTheWrongShape_nameTheField() {
        ObjectNode call = validCall();
        ArrayNode items = (ArrayNode) answers(call).get("item");
        items.addObject().put("linkId", "urinaryRetension").putArray("answer").addObject().put("valueBoolean", true);
        for (JsonNode item : items) {
            if (item.get("linkId").asText().equals("nightPain")) {
                ((ObjectNode) item.get("answer").get(0)).removeAll().put("valueString", "yes");
            }
            if (item.get("linkId").asText().equals("radicularLegPain")) {
                ((ObjectNode) item.at("/answer/0/valueCoding")).put("code", "unilateral");
            }
            if (item.get("linkId").asText().equals("ageYears")) {
                ((ObjectNode) item.get("answer").get(0)).removeAll().put("valueDecimal", 40.5);
            }
        }
        JsonNode error = invalid(call, "urinaryRetension");
        assertThat(error.get("problems").findValuesAsText("field")).contains("nightPain", "radicularLegPain", "ageYears");
    }

    /** Odd but well-formed JSON in every prefetch slot: each is read or refused, never a failure of the service. */
    @ParameterizedTest
    @MethodSource("org.nightpain.cds.hooks.Hooks#oddRecords")
    void oddRecords_areReadOrRefused_neverAServerError(String record) {
        for (String key : new String[] {"questionnaireResponse", "patient", "conditions", "bodyTemperature", "medications"}) {
            ObjectNode call = validCall();
            ((ObjectNode) call.get("prefetch")).set(key, Hooks.parse(record));

            HttpResponse<String> response = client.call(call);

            assertThat(response.statusCode()).as(key + ": " + response.body()).isIn(200, 400);
        }
    }

    @Test
    void wrongMethodPathOrMediaType_areRefusedAsJson() {
        refused(client.get("cds-services/nightpain-triage"), 405, "METHOD_NOT_ALLOWED");
        refused(client.get("cds-services/no-such-service"), 404, "NOT_FOUND");
        refused(client.post("cds-services/nightpain-triage", validCall().toString(), "text/plain"), 415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    /**
     * The service refuses a body larger than the limit from its Content-Length, before reading it. The
     * request is written by hand, headers first: with the JDK's client the test raced, since a warm service
     * answered 413 and closed the connection while the client was still writing the megabyte, and the
     * client then reported no response at all.
     */
    @Test
    void bodyLargerThanTheLimit_isRefused() throws IOException {
        int length = HooksHandler.MAX_BODY_BYTES + 1;
        URI base = client.base();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /cds-services/nightpain-triage HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n{\"hook\": ")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 413");
            JsonNode body = Hooks.parse(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertThat(body.has("cards")).isFalse();
            assertThat(body.at("/error/code").asText()).isEqualTo("TOO_LARGE");
        }
    }

    /**
     * An error answered before the body is read closes the connection and says so; a call whose body was read
     * to its end keeps it open for the next call.
     */
    @Test
    void errorBeforeTheBody_closesTheConnection_andAReadCallKeepsIt() {
        URI base = client.base();
        String start = "POST /cds-services/nightpain-triage HTTP/1.1\r\nHost: " + base.getHost() + "\r\n";
        String refused = Hooks.answerHead(base, start + "Content-Type: text/plain\r\nContent-Length: 5000\r\n\r\n");
        byte[] call = validCall().toString().getBytes(StandardCharsets.UTF_8);
        String answered = Hooks.answerHead(base, start + "Content-Type: application/json\r\nContent-Length: "
                + call.length + "\r\n\r\n" + new String(call, StandardCharsets.UTF_8));

        assertThat(refused).startsWith("HTTP/1.1 415");
        assertThat(refused.toLowerCase(Locale.ROOT)).contains("\r\nconnection: close\r\n");
        assertThat(answered).startsWith("HTTP/1.1 200");
        assertThat(answered.toLowerCase(Locale.ROOT)).doesNotContain("connection: close");
    }

    /**
     * A chunked body says no length in advance: the service reads it up to one byte past the limit and
     * refuses it then. The test sends one chunk of that many bytes and no last chunk, so that the answer
     * cannot have waited for the end of the body.
     */
    @Test
    void chunkedBodyLargerThanTheLimit_isRefused() throws IOException {
        int length = HooksHandler.MAX_BODY_BYTES + 1;
        byte[] chunk = new byte[length];
        Arrays.fill(chunk, (byte) ' ');
        URI base = client.base();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /cds-services/nightpain-triage HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(chunk);
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 413");
            JsonNode body = Hooks.parse(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertThat(body.at("/error/code").asText()).isEqualTo("TOO_LARGE");
        }
    }
}
