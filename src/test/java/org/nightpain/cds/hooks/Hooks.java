package org.nightpain.cds.hooks;

import org.nightpain.cds.fhir.Canonicals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.nightpain.cds.FactField;
import org.nightpain.cds.Fixtures;

/** For tests: CDS Hooks requests with FHIR prefetch written as an EHR would send them, and an HTTP client. */
final class Hooks {
    static final String PATIENT_ID = "pat-1";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SNOMED = "http://snomed.info/sct";
    static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    static final String ICD10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String ATC = "http://www.whocc.no/atc";

    private static PrefetchReader reader;

    private Hooks() {
    }

    /** The service's prefetch reader, loaded once, for the tests that read prefetch without a server. */
    static synchronized PrefetchReader reader() {
        if (reader == null) {
            reader = FhirSupport.load().reader();
        }
        return reader;
    }

    /** Reads a prefetch of these answers and, under a key (unless null), these records, on the as-of day. */
    static FhirFacts read(Map<String, Object> answers, String key, ObjectNode records) {
        ObjectNode prefetch = JSON.createObjectNode();
        prefetch.set("questionnaireResponse", bundle(questionnaireResponse(answers)));
        if (key != null) {
            prefetch.set(key, records);
        }
        return reader().read(PATIENT_ID, prefetch, Fixtures.AS_OF);
    }

    /** A QuestionnaireResponse that answers each non-null fact: yes/no as valueBoolean, UNKNOWN as a coding. */
    static ObjectNode questionnaireResponse(Map<String, Object> facts) {
        ObjectNode response = resource("QuestionnaireResponse", "qr-1");
        response.put("questionnaire", Canonicals.PLACEHOLDER.questionnaire());
        response.put("status", "completed");
        response.putObject("subject").put("reference", "Patient/" + PATIENT_ID);
        response.put("authored", "2026-11-25T07:30:00Z");
        ArrayNode items = response.putArray("item");
        facts.forEach((name, value) -> {
            if (value != null) {
                answer(items.addObject().put("linkId", name), FactField.byName(name), value);
            }
        });
        return response;
    }

    /**
     * A QuestionnaireResponse as a form built from the Questionnaire writes it: the answers nested in the
     * Questionnaire's groups, in its order, each of its item's type (a required yes/no question answered
     * with a coding); unanswered questions, and questions the form does not show (their enableWhen does not
     * hold), left out.
     */
    static ObjectNode groupedQuestionnaireResponse(Map<String, Object> facts) {
        ObjectNode response = questionnaireResponse(Map.of());
        ArrayNode groups = response.putArray("item");
        Map<String, JsonNode> given = new HashMap<>();
        for (JsonNode group : TriageQuestionnaire.json(Canonicals.PLACEHOLDER).get("item")) {
            ArrayNode items = JSON.createArrayNode();
            for (JsonNode question : group.get("item")) {
                FactField field = FactField.byName(question.get("linkId").asText());
                Object value = facts.get(field.fieldName());
                if (value == null || value.equals("UNKNOWN") && !TriageQuestionnaire.isChoice(field)
                        || !enabled(question, given)) {
                    continue;
                }
                ObjectNode item = items.addObject().put("linkId", field.fieldName()).put("text", field.question());
                if (TriageQuestionnaire.isChoice(field)) {
                    item.putArray("answer").addObject().putObject("valueCoding")
                            .put("system", Canonicals.PLACEHOLDER.codeSystem(field.enumType())).put("code", (String) value);
                } else {
                    answer(item, field, value);
                }
                given.put(field.fieldName(), item.at("/answer/0").elements().next());
            }
            if (!items.isEmpty()) {
                groups.addObject().put("linkId", group.get("linkId").asText()).put("text", group.get("text").asText())
                        .set("item", items);
            }
        }
        return response;
    }

    /** Whether a form shows this item, given the answers so far: its enableWhen, with the operators it uses. */
    private static boolean enabled(JsonNode item, Map<String, JsonNode> given) {
        if (!item.has("enableWhen")) {
            return true;
        }
        for (JsonNode when : item.get("enableWhen")) {
            JsonNode answer = given.get(when.get("question").asText());
            String operator = when.get("operator").asText();
            JsonNode expected = when.get(when.has("answerCoding") ? "answerCoding" : when.has("answerBoolean")
                    ? "answerBoolean" : when.has("answerInteger") ? "answerInteger" : "answerDecimal");
            Object have = answer == null ? null : answer.isObject() ? answer.get("code").asText() : answer.asText();
            Object want = expected.isObject() ? expected.get("code").asText() : expected.asText();
            boolean holds = switch (operator) {
                case "exists" -> (answer != null) == expected.asBoolean();
                case "=" -> want.equals(have);
                case "!=" -> !want.equals(have);
                case ">=" -> answer != null && answer.asDouble() >= expected.asDouble();
                case "<=" -> answer != null && answer.asDouble() <= expected.asDouble();
                default -> throw new IllegalStateException("operator " + operator);
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static void answer(ObjectNode item, FactField field, Object value) {
        ObjectNode answer = item.putArray("answer").addObject();
        switch (field.kind()) {
            case TRI_STATE -> {
                if ("UNKNOWN".equals(value)) {
                    answer.putObject("valueCoding").put("code", "UNKNOWN");
                } else {
                    answer.put("valueBoolean", "YES".equals(value));
                }
            }
            case ENUMERATED -> answer.putObject("valueCoding")
                    .put("system", Canonicals.PLACEHOLDER.codeSystem(field.enumType())).put("code", (String) value);
            case INTEGER -> answer.put("valueInteger", ((Number) value).intValue());
            case DECIMAL -> answer.put("valueDecimal", ((Number) value).doubleValue());
        }
    }

    /** Odd but well-formed FHIR JSON for a prefetch slot: each must be read or refused, never fail the service. */
    static List<String> oddRecords() {
        return List.of(
                "{}", "{\"resourceType\": 5}", "{\"resourceType\": \"Foo\"}", "{\"resourceType\": \"Bundle\", \"entry\": 5}",
                "{\"resourceType\": \"Bundle\", \"entry\": [{\"resource\": {}}]}",
                "{\"resourceType\": \"QuestionnaireResponse\", \"item\": [{\"answer\": [{\"valueBoolean\": true}]}]}",
                "{\"resourceType\": \"QuestionnaireResponse\", \"item\": [{\"linkId\": \"ageYears\", \"answer\": [{\"valueInteger\": 99999999999}]}]}",
                "{\"resourceType\": \"QuestionnaireResponse\", \"item\": [{\"linkId\": \"temperatureC\", \"answer\": [{\"valueDecimal\": 1e400}]}]}",
                "{\"resourceType\": \"QuestionnaireResponse\", \"item\": [{\"linkId\": \"nightPain\", \"answer\": [{\"valueCoding\": {}}]}]}",
                "{\"resourceType\": \"QuestionnaireResponse\", \"authored\": \"2026-13-45\"}",
                "{\"resourceType\": \"Patient\", \"birthDate\": \"0001-01-01\"}",
                "{\"resourceType\": \"Patient\", \"birthDate\": \"2030-01-01\"}",
                "{\"resourceType\": \"Observation\", \"status\": \"final\", \"code\": {\"coding\": [{\"system\": \"http://loinc.org\","
                        + " \"code\": \"8310-5\"}]}, \"effectivePeriod\": {}, \"valueString\": \"hot\"}",
                "{\"resourceType\": \"MedicationStatement\", \"medicationReference\": {\"reference\": \"#\"}}",
                "{\"resourceType\": \"Condition\", \"verificationStatus\": {\"coding\": [{}]}, \"code\": {\"coding\": [{}]}}",
                // A canonical of a bare '|' made the reader take the first part of an empty split: a 500.
                "{\"resourceType\": \"QuestionnaireResponse\", \"questionnaire\": \"|\"}",
                "{\"resourceType\": \"QuestionnaireResponse\", \"questionnaire\": \"||\"}",
                // HAPI FHIR reads a date and time as a birthDate; splitting it at '-' made a 500.
                "{\"resourceType\": \"Patient\", \"birthDate\": \"1960-06-01T10:00:00Z\"}",
                "{\"resourceType\": \"MedicationStatement\", \"status\": \"active\", \"medicationReference\": {\"display\": \"x\"}}",
                // An extension array of other than objects makes HAPI FHIR's parser throw a NullPointerException.
                "{\"resourceType\": \"Condition\", \"extension\": [1]}",
                "{\"resourceType\": \"Observation\", \"status\": \"final\", \"extension\": [\"x\"]}");
    }

    /** A patient-view call with this prefetch. */
    static ObjectNode call(ObjectNode prefetch) {
        ObjectNode call = JSON.createObjectNode();
        call.put("hookInstance", UUID.randomUUID().toString());
        call.put("hook", "patient-view");
        call.putObject("context").put("userId", "Practitioner/dr-1").put("patientId", PATIENT_ID);
        call.set("prefetch", prefetch);
        return call;
    }

    /** A call whose prefetch holds only the answers, as a searchset Bundle. */
    static ObjectNode callWithAnswers(Map<String, Object> facts) {
        ObjectNode prefetch = JSON.createObjectNode();
        prefetch.set("questionnaireResponse", bundle(questionnaireResponse(facts)));
        return call(prefetch);
    }

    static ObjectNode bundle(ObjectNode... resources) {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "searchset");
        ArrayNode entries = bundle.putArray("entry");
        for (ObjectNode resource : resources) {
            entries.addObject().set("resource", resource);
        }
        return bundle;
    }

    static ObjectNode patient(String birthDate) {
        ObjectNode patient = resource("Patient", PATIENT_ID);
        patient.put("birthDate", birthDate);
        return patient;
    }

    static ObjectNode condition(String id, String system, String code) {
        ObjectNode condition = resource("Condition", id);
        condition.putObject("code").putArray("coding").addObject().put("system", system).put("code", code);
        condition.putObject("subject").put("reference", "Patient/" + PATIENT_ID);
        return condition;
    }

    static ObjectNode temperature(String id, double value, String unitCode, Instant when) {
        ObjectNode observation = resource("Observation", id);
        observation.put("status", "final");
        observation.putObject("code").putArray("coding").addObject().put("system", "http://loinc.org")
                .put("code", "8310-5").put("display", "Body temperature");
        observation.putObject("subject").put("reference", "Patient/" + PATIENT_ID);
        observation.put("effectiveDateTime", when.toString());
        observation.putObject("valueQuantity").put("value", value).put("system", "http://unitsofmeasure.org")
                .put("code", unitCode);
        return observation;
    }

    /** A pregnancy status Observation (LOINC 82810-3) answered with this LOINC answer code. */
    static ObjectNode pregnancyStatus(String id, String answer, Instant when) {
        ObjectNode observation = observation(id, "82810-3", "Pregnancy status", when);
        observation.putObject("valueCodeableConcept").putArray("coding").addObject().put("system", "http://loinc.org")
                .put("code", answer);
        return observation;
    }

    /** A gestational age Observation (LOINC 49051-6) in weeks ({@code wk}) or days ({@code d}). */
    static ObjectNode gestationalAge(String id, double value, String unitCode, Instant when) {
        ObjectNode observation = observation(id, "49051-6", "Gestational age in weeks", when);
        observation.putObject("valueQuantity").put("value", value).put("system", "http://unitsofmeasure.org")
                .put("code", unitCode);
        return observation;
    }

    private static ObjectNode observation(String id, String loinc, String display, Instant when) {
        ObjectNode observation = resource("Observation", id);
        observation.put("status", "final");
        observation.putObject("code").putArray("coding").addObject().put("system", "http://loinc.org")
                .put("code", loinc).put("display", display);
        observation.putObject("subject").put("reference", "Patient/" + PATIENT_ID);
        observation.put("effectiveDateTime", when.toString());
        return observation;
    }

    /** A Condition with this clinical status (active, resolved, ...). */
    static ObjectNode condition(String id, String system, String code, String clinicalStatus) {
        ObjectNode condition = condition(id, system, code);
        condition.putObject("clinicalStatus").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/condition-clinical").put("code", clinicalStatus);
        return condition;
    }

    static ObjectNode medicationStatement(String id, String system, String code) {
        ObjectNode statement = resource("MedicationStatement", id);
        statement.put("status", "active");
        statement.putObject("medicationCodeableConcept").putArray("coding").addObject()
                .put("system", system).put("code", code);
        statement.putObject("subject").put("reference", "Patient/" + PATIENT_ID);
        return statement;
    }

    /** The statement with an effectivePeriod from start to end (end null: none). */
    static ObjectNode taken(ObjectNode statement, String start, String end) {
        ObjectNode period = statement.putObject("effectivePeriod").put("start", start);
        if (end != null) {
            period.put("end", end);
        }
        return statement;
    }

    private static ObjectNode resource(String type, String id) {
        ObjectNode resource = JSON.createObjectNode();
        resource.put("resourceType", type);
        resource.put("id", id);
        return resource;
    }

    /** The cards of a response that stand for findings (not the questions card), in order. */
    static List<JsonNode> findingCards(JsonNode response) {
        List<JsonNode> cards = new ArrayList<>();
        for (JsonNode card : response.get("cards")) {
            if (!Cards.QUESTIONS_TOPIC.equals(card.at("/source/topic/code").asText())) {
                cards.add(card);
            }
        }
        return cards;
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small HTTP client for one running server. */
    static final class Client {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final URI base;

        Client(URI base) {
            this.base = base;
        }

        URI base() {
            return base;
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(base.resolve(path)).GET());
        }

        HttpResponse<String> post(String path, String body) {
            return post(path, body, "application/json");
        }

        HttpResponse<String> post(String path, String body, String contentType) {
            return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        HttpResponse<String> post(String path, byte[] body) {
            return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        HttpResponse<String> call(JsonNode request) {
            return post("cds-services/nightpain-triage", request.toString());
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Sends {@code head} (a request line and headers, and any body) on a new connection to the server at
     * {@code base}, and returns the answer's status line and headers, read up to the blank line that ends them.
     * The body a request announces need not be sent: the answer can be read before it.
     */
    static String answerHead(URI base, String head) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            int b;
            while (answer.indexOf("\r\n\r\n") < 0 && (b = in.read()) >= 0) {
                answer.append((char) b);
            }
            return answer.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tree without its {@code uuid} fields and the id of the offered RiskAssessment, which are new on every call. */
    static JsonNode withoutUuids(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("uuid");
            if ("RiskAssessment".equals(object.path("resourceType").asText())) {
                object.remove("id");
            }
        }
        node.forEach(Hooks::withoutUuids);
        return node;
    }
}
