package org.nightpain.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.fhir.Canonicals;

/**
 * Every FHIR resource the service serves or offers validates against the FHIR R4 core profiles with HAPI
 * FHIR's instance validator, offline, with no error and no warning but the accepted ones
 * ({@link FhirValidation#ACCEPTED_WARNINGS}): the Questionnaire of {@code GET /questionnaire} (its que-*
 * invariants, enableWhen and answer options included), and the RiskAssessment offered on the first card of
 * every vignette's call. A QuestionnaireResponse as a form built from the Questionnaire writes it validates
 * against the Questionnaire, and the validator holds responses to its rules (required items, enableWhen).
 * The service writes no OperationOutcome: its errors are JSON in the shape of the JSON contract.
 */
@ExtendWith(SharedServer.class)
class FhirConformanceTest {

    @Test
    void questionnaire_asServed_isValid() {
        HttpResponse<String> served = SharedServer.client().get("questionnaire");

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(FhirValidation.problems(served.body())).isEmpty();
    }

    /**
     * Under a deployment's own base the structure is the same; only its answer code systems are unknown to
     * the validator (the deployment publishes them, or accepts the warning), so it has no error.
     */
    @Test
    void questionnaire_underADeploymentsBase_hasNoError() {
        String questionnaire = TriageQuestionnaire.json(Canonicals.of("https://fhir.example-hospital.org/nightpain")).toString();

        assertThat(FhirValidation.errors(questionnaire)).isEmpty();
    }

    @Test
    void riskAssessmentOfEveryVignette_isValid() {
        for (Fixtures.Vignette vignette : Fixtures.vignettes()) {
            JsonNode cards = Hooks.parse(SharedServer.client().call(Hooks.callWithAnswers(
                    new LinkedHashMap<>(vignette.facts()))).body());
            JsonNode record = cards.at("/cards/0/suggestions/0/actions/0/resource");

            assertThat(record.get("resourceType").asText()).as(vignette.id()).isEqualTo("RiskAssessment");
            assertThat(FhirValidation.problems(record.toString())).as(vignette.id()).isEmpty();
        }
    }

    /** With records as basis: the patient, a condition, a temperature, a medicine and a pregnancy status. */
    @Test
    void riskAssessmentWithRecordsAsItsBasis_isValid() {
        Map<String, Object> facts = new LinkedHashMap<>(Fixtures.vignettes().get(0).facts());
        facts.put("sex", "FEMALE");
        facts.remove("ageYears");
        facts.remove("pregnant");
        ObjectNode prefetch = Hooks.JSON.createObjectNode();
        prefetch.set("patient", Hooks.patient("1990-06-01"));
        prefetch.set("questionnaireResponse", Hooks.bundle(Hooks.questionnaireResponse(facts)));
        prefetch.set("conditions", Hooks.bundle(Hooks.condition("c1", "http://snomed.info/sct", "64859006")));
        prefetch.set("bodyTemperature", Hooks.temperature("t1", 38.3, "Cel", Fixtures.AS_OF.minus(Duration.ofHours(1))));
        prefetch.set("pregnancy", Hooks.pregnancyStatus("p1", "LA15173-0", Fixtures.AS_OF.minus(Duration.ofDays(3))));

        JsonNode record = Hooks.parse(SharedServer.client().call(Hooks.call(prefetch)).body())
                .at("/cards/0/suggestions/0/actions/0/resource");

        assertThat(record.get("basis").findValuesAsText("reference"))
                .contains("Patient/pat-1", "Condition/c1", "Observation/t1", "Observation/p1");
        assertThat(FhirValidation.problems(record.toString())).isEmpty();
    }

    @Test
    void responseAsAFormWritesIt_isValidAgainstTheQuestionnaire() {
        for (Fixtures.Vignette vignette : Fixtures.vignettes()) {
            ObjectNode response = Hooks.groupedQuestionnaireResponse(new LinkedHashMap<>(vignette.facts()));

            assertThat(FhirValidation.problems(response.toString())).as(vignette.id()).isEmpty();
        }
    }

    /** The validator reads the Questionnaire's rules: a hidden question answered, a required one left out. */
    @Test
    void validator_holdsResponsesToTheQuestionnairesEnableWhenAndRequiredItems() {
        Map<String, Object> facts = new LinkedHashMap<>(Fixtures.vignettes().get(0).facts());
        ObjectNode response = Hooks.groupedQuestionnaireResponse(facts);
        ArrayNode legs = (ArrayNode) response.at("/item/1/item");
        assertThat(response.at("/item/1/linkId").asText()).isEqualTo("legs");
        legs.addObject().put("linkId", "weaknessProgressive").putArray("answer").addObject().put("valueBoolean", true);
        assertThat(FhirValidation.errors(response.toString()))
                .anySatisfy(error -> assertThat(error).contains("weaknessProgressive", "not enabled"));

        Map<String, Object> noRetention = new LinkedHashMap<>(facts);
        noRetention.remove("urinaryRetention");
        assertThat(FhirValidation.errors(Hooks.groupedQuestionnaireResponse(noRetention).toString()))
                .anySatisfy(error -> assertThat(error).contains("urinaryRetention"));
    }

    @Test
    void errors_areTheContractsJson_notAnOperationOutcome() {
        HttpResponse<String> refused = SharedServer.client().post("cds-services/nightpain-triage", "{\"hook\": 5}");

        JsonNode body = Hooks.parse(refused.body());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(body.has("resourceType")).isFalse();
        assertThat(body.at("/error/code").asText()).isEqualTo("INVALID_INPUT");
    }
}
