package org.nightpain.cds.hooks;

import org.nightpain.cds.fhir.Canonicals;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Finding;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.Source;
import org.nightpain.cds.Urgency;
import org.nightpain.cds.FactField;

/**
 * The service on a real loopback port, called over HTTP: discovery, the Questionnaire, and every vignette
 * sent as a patient-view call whose prefetch holds the answers as a QuestionnaireResponse. The cards must
 * say what the Java API says: the same findings in the same order, each with its urgency.
 */
@ExtendWith(SharedServer.class)
class CdsHooksServiceTest {
    private Hooks.Client client;

    @BeforeEach
    void connect() {
        client = SharedServer.client();
    }

    static List<Fixtures.Vignette> vignettes() {
        return Fixtures.vignettes();
    }

    @Test
    void discovery_describesTheTriageService() {
        HttpResponse<String> response = client.get("cds-services");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode services = Hooks.parse(response.body()).get("services");
        assertThat(services).hasSize(1);
        JsonNode service = services.get(0);
        assertThat(service.get("id").asText()).isEqualTo("nightpain-triage");
        assertThat(service.get("hook").asText()).isEqualTo("patient-view");
        assertThat(service.get("title").asText()).isNotBlank();
        assertThat(service.get("description").asText()).isNotBlank();
        JsonNode prefetch = service.get("prefetch");
        assertThat(prefetch.fieldNames()).toIterable()
                .containsExactly("patient", "questionnaireResponse", "conditions", "bodyTemperature", "medications",
                        "pregnancy");
        assertThat(prefetch.get("patient").asText()).isEqualTo("Patient/{{context.patientId}}");
        assertThat(prefetch.get("questionnaireResponse").asText()).startsWith("QuestionnaireResponse?patient={{context.patientId}}");
        assertThat(prefetch.get("conditions").asText()).isEqualTo("Condition?patient={{context.patientId}}");
        assertThat(prefetch.get("bodyTemperature").asText()).startsWith("Observation?patient={{context.patientId}}")
                .contains("8310-5");
        assertThat(prefetch.get("medications").asText()).isEqualTo("MedicationStatement?patient={{context.patientId}}");
        assertThat(prefetch.get("pregnancy").asText()).startsWith("Observation?patient={{context.patientId}}&code=")
                .contains("http://loinc.org|82810-3", "http://loinc.org|49051-6", "http://loinc.org|11884-4",
                        "http://loinc.org|18185-9");
    }

    @Test
    void questionnaire_hasOneQuestionPerFact_inGroups() {
        HttpResponse<String> response = client.get("questionnaire");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode questionnaire = Hooks.parse(response.body());
        assertThat(questionnaire.get("resourceType").asText()).isEqualTo("Questionnaire");
        assertThat(questionnaire.get("url").asText()).isEqualTo(Canonicals.PLACEHOLDER.questionnaire());
        List<String> questions = new ArrayList<>();
        questionnaire.get("item").forEach(group -> group.get("item").forEach(q -> questions.add(q.get("linkId").asText())));
        assertThat(questions).containsExactlyInAnyOrderElementsOf(FactField.ALL.stream().map(FactField::fieldName).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    void vignette_givesTheSameFindingsAsTheJavaApi(Fixtures.Vignette vignette) {
        Map<String, Object> facts = new LinkedHashMap<>(vignette.facts());
        Assessment expected = Fixtures.assess(Fixtures.builderFrom(facts));

        HttpResponse<String> response = client.call(Hooks.callWithAnswers(facts));

        List<JsonNode> cards = findingCards(response, expected);
        List<List<Finding>> groups = byCode(expected.findings());
        for (int i = 0; i < cards.size(); i++) {
            Finding finding = groups.get(i).get(0);
            JsonNode card = cards.get(i);
            assertThat(card.get("indicator").asText()).isEqualTo(indicator(finding.urgency()));
            assertThat(card.get("summary").asText()).startsWith(finding.urgency() == null ? "Note" : finding.urgency().name())
                    .hasSizeLessThan(140);
            for (Finding each : groups.get(i)) {
                assertThat(card.get("detail").asText()).contains(each.ruleId());
                for (String field : each.inputsUsed().keySet()) {
                    assertThat(card.get("detail").asText()).contains("`" + field + "`");
                }
            }
            assertThat(card.at("/source/label").asText()).isNotBlank();
            // The url is the address of the finding's first source that has one; never an address of our own.
            Optional<String> address = groups.get(i).stream().flatMap(f -> f.sources().stream()).map(Source::url)
                    .filter(url -> url.startsWith("https://") || url.startsWith("http://")).findFirst();
            if (address.isPresent()) {
                assertThat(card.at("/source/url").asText()).isEqualTo(address.get());
            } else {
                assertThat(card.get("source").has("url")).as("%s", card.get("source")).isFalse();
            }
        }
        assertThat(cards.get(0).get("summary").asText()).startsWith(vignette.expected().highestUrgency().name());
    }

    /**
     * Hazard H-20: the intended-use notice is in the discovery description an EHR's administrator reads,
     * at the end of the first card (the most urgent finding) of every call, in the RiskAssessment offered
     * for the chart, and on the card that says the triage did not run.
     */
    @Test
    void intendedUseNotice_isInTheDiscoveryTheFirstCardTheRecordAndTheNotRunCard() {
        String notice = NightPainAssessor.INTENDED_USE;
        assertThat(notice).contains("must never be the only route to emergency care");
        JsonNode service = Hooks.parse(client.get("cds-services").body()).at("/services/0");
        assertThat(service.get("description").asText()).endsWith(notice);

        for (Fixtures.Vignette vignette : Fixtures.vignettes()) {
            JsonNode cards = Hooks.parse(client.call(Hooks.callWithAnswers(new LinkedHashMap<>(vignette.facts()))).body())
                    .get("cards");
            JsonNode first = cards.get(0);
            assertThat(first.get("detail").asText()).as(vignette.id()).endsWith("_" + notice + "_\n");
            assertThat(first.at("/suggestions/0/actions/0/resource/note/0/text").asText()).as(vignette.id())
                    .endsWith(notice);
        }

        ObjectNode prefetch = Hooks.JSON.createObjectNode();
        prefetch.putNull("questionnaireResponse");
        JsonNode notRun = Hooks.parse(client.call(Hooks.call(prefetch)).body()).at("/cards/0");
        assertThat(notRun.at("/source/topic/code").asText()).isEqualTo(Cards.NOT_ASSESSED_TOPIC);
        assertThat(notRun.get("detail").asText()).contains(notice);
    }

    /** The cards that are not findings cite no source, so they carry no url rather than one that says nothing. */
    @Test
    void cardsThatAreNotFindings_haveNoSourceUrl() {
        JsonNode questions = last(Hooks.parse(client.call(Hooks.callWithAnswers(
                new LinkedHashMap<>(Fixtures.vignettes().get(0).facts()))).body()));
        ObjectNode noAnswers = Hooks.JSON.createObjectNode();
        noAnswers.putNull("questionnaireResponse");
        JsonNode notRun = Hooks.parse(client.call(Hooks.call(noAnswers)).body()).at("/cards/0");

        assertThat(questions.at("/source/topic/code").asText()).isEqualTo(Cards.QUESTIONS_TOPIC);
        assertThat(notRun.at("/source/topic/code").asText()).isEqualTo(Cards.NOT_ASSESSED_TOPIC);
        for (JsonNode card : List.of(questions, notRun)) {
            assertThat(card.get("source").has("url")).as("%s", card.get("source")).isFalse();
            assertThat(card.at("/source/label").asText()).isNotBlank();
        }
    }

    /** Clinical-knowledge §9.5: "screening incomplete" beside the urgency, answers not used and withheld findings listed. */
    @Test
    void cards_sayWhenTheScreeningIsIncomplete_andListAnswersNotUsedAndWithheldFindings() {
        Map<String, Object> facts = new LinkedHashMap<>(Fixtures.vignettes().stream()
                .filter(v -> v.id().equals("V45")).findFirst().orElseThrow().facts());
        facts.put("saddleAnaesthesia", "UNKNOWN");
        facts.put("ibd", "YES");
        Assessment expected = Fixtures.assess(Fixtures.builderFrom(facts));
        assertThat(expected.screeningComplete()).isFalse();
        assertThat(expected.answersNotUsed()).containsKey("ibd");

        JsonNode response = Hooks.parse(client.call(Hooks.callWithAnswers(facts)).body());

        JsonNode first = response.at("/cards/0");
        assertThat(first.get("summary").asText()).contains("URGENT").contains("screening incomplete");
        assertThat(first.get("detail").asText()).contains("Screening incomplete");
        JsonNode info = last(response);
        assertThat(info.get("detail").asText()).contains("Answers not used", "`ibd` = YES");

        Map<String, Object> superseded = new LinkedHashMap<>(facts);
        superseded.put("saddleAnaesthesia", "NO");
        superseded.put("historyOfCancer", "YES");
        JsonNode withheld = last(Hooks.parse(client.call(Hooks.callWithAnswers(superseded)).body()));
        assertThat(withheld.get("detail").asText()).contains("Withheld from this result", "rule RTN-06",
                "withheld by rule EMR-05");
    }

    @Test
    void questionsCard_listsTheQuestionsStillToAsk() {
        Map<String, Object> facts = new LinkedHashMap<>(Fixtures.vignettes().get(0).facts());
        facts.put("saddleAnaesthesia", "UNKNOWN");
        facts.remove("urinaryRetention");
        Assessment expected = Fixtures.assess(Fixtures.builderFrom(facts));

        JsonNode response = Hooks.parse(client.call(Hooks.callWithAnswers(facts)).body());

        JsonNode questions = last(response);
        assertThat(questions.at("/source/topic/code").asText()).isEqualTo(Cards.QUESTIONS_TOPIC);
        assertThat(questions.get("indicator").asText()).isEqualTo("info");
        assertThat(expected.questionsToAsk()).extracting(q -> q.field()).contains("saddleAnaesthesia", "urinaryRetention");
        expected.questionsToAsk().forEach(q -> assertThat(questions.get("detail").asText()).contains("`" + q.field() + "`"));
        assertThat(questions.get("detail").asText()).contains("`conditions`", "`medications`");
    }

    @Test
    void fhirRecords_fillWhatTheAnswersLeaveOpen_andTheCardsSayWhere() {
        Map<String, Object> answers = new LinkedHashMap<>(Fixtures.vignettes().get(0).facts());
        answers.keySet().removeAll(List.of("ageYears", "historyOfCancer", "corticosteroidProlonged", "temperatureC",
                "immunosuppression"));
        ObjectNode prefetch = Hooks.JSON.createObjectNode();
        prefetch.set("patient", Hooks.patient("1960-06-01"));
        prefetch.set("questionnaireResponse", Hooks.bundle(Hooks.questionnaireResponse(answers)));
        prefetch.set("conditions", Hooks.bundle(Hooks.condition("c1", "http://snomed.info/sct", "254837009")));
        prefetch.set("bodyTemperature", Hooks.temperature("t1", 38.3, "Cel", Fixtures.AS_OF.minusSeconds(3600)));
        prefetch.set("medications", Hooks.bundle(Hooks.taken(Hooks.medicationStatement("m1", "http://www.whocc.no/atc",
                "H02AB06"), "2025-03-01", "2025-09-01")));
        Map<String, Object> merged = new LinkedHashMap<>(answers);
        merged.put("ageYears", 66);
        merged.put("historyOfCancer", "YES");
        merged.put("temperatureC", 38.3);
        merged.put("corticosteroidProlonged", "YES");
        Assessment expected = Fixtures.assess(Fixtures.builderFrom(merged));

        HttpResponse<String> response = client.call(Hooks.call(prefetch));

        List<JsonNode> cards = findingCards(response, expected);
        assertThat(cards).extracting(c -> c.get("detail").asText())
                .anySatisfy(detail -> assertThat(detail).contains("`historyOfCancer` = YES (from Condition/c1 (SNOMED 254837009))"))
                .anySatisfy(detail -> assertThat(detail).contains("`temperatureC` = 38.3 (from Observation/t1)"));
    }

    /** The card says which age was used and that the answers and the record differ; nothing is dropped unseen. */
    @Test
    void ageConflictAndUnreadableMedicine_areShownOnTheQuestionsCard() {
        Map<String, Object> answers = new LinkedHashMap<>(Fixtures.vignettes().get(0).facts());
        answers.put("ageYears", 45);
        ObjectNode displayOnly = Hooks.medicationStatement("m1", "http://www.whocc.no/atc", "H02AB06");
        displayOnly.remove("medicationCodeableConcept");
        displayOnly.putObject("medicationReference").put("display", "prednisolone 5 mg");
        ObjectNode prefetch = Hooks.JSON.createObjectNode();
        prefetch.set("patient", Hooks.patient("1960-06-01"));
        prefetch.set("questionnaireResponse", Hooks.bundle(Hooks.questionnaireResponse(answers)));
        prefetch.set("medications", Hooks.bundle(displayOnly));
        Map<String, Object> used = new LinkedHashMap<>(answers);
        used.put("ageYears", 66);
        Assessment expected = Fixtures.assess(Fixtures.builderFrom(used));

        HttpResponse<String> response = client.call(Hooks.call(prefetch));

        findingCards(response, expected);
        String questions = last(Hooks.parse(response.body())).get("detail").asText();
        assertThat(questions).contains("ageYears: the questionnaire gives 45 but Patient/pat-1's birth date (1960-06-01)"
                + " gives 66", "the higher, 66, was used");
        assertThat(questions).contains("MedicationStatement/m1 names its medicine only as text ('prednisolone 5 mg')");
    }

    @Test
    void firstCard_offersToRecordTheTriageAsARiskAssessment() {
        Map<String, Object> facts = new LinkedHashMap<>(Fixtures.vignettes().get(0).facts());
        Assessment expected = Fixtures.assess(Fixtures.builderFrom(facts));

        List<JsonNode> cards = findingCards(client.call(Hooks.callWithAnswers(facts)), expected);

        JsonNode first = cards.get(0);
        assertThat(first.get("selectionBehavior").asText()).isEqualTo("at-most-one");
        JsonNode action = first.at("/suggestions/0/actions/0");
        assertThat(action.get("type").asText()).isEqualTo("create");
        RiskAssessment record = (RiskAssessment) FhirContext.forR4Cached().newJsonParser()
                .setParserErrorHandler(new StrictErrorHandler()).parseResource(action.get("resource").toString());
        assertThat(Hooks.parse(FhirContext.forR4Cached().newJsonParser().encodeResourceToString(record)))
                .as("the record as HAPI FHIR writes it").isEqualTo(action.get("resource"));
        assertThat(record.getSubject().getReference()).isEqualTo("Patient/" + Hooks.PATIENT_ID);
        assertThat(record.getBasis()).extracting(Reference::getReference).containsExactly("QuestionnaireResponse/qr-1");
        List<Finding> firsts = byCode(expected.findings()).stream().map(g -> g.get(0)).toList();
        assertThat(record.getPrediction()).extracting(p -> p.getOutcome().getCodingFirstRep().getCode())
                .containsExactlyElementsOf(firsts.stream().map(Finding::ruleId).toList());
        assertThat(record.getPrediction()).extracting(p -> p.getQualitativeRisk().getCodingFirstRep().getCode())
                .containsExactlyElementsOf(firsts.stream().map(f -> f.urgency() == null ? null : f.urgency().name()).toList());
        // A fresh id, as in the CDS Hooks specification's example of a create action.
        assertThat(UUID.fromString(record.getIdElement().getIdPart()).toString()).isEqualTo(record.getIdElement().getIdPart());
        assertThat(cards.subList(1, cards.size())).allSatisfy(card -> assertThat(card.has("suggestions")).isFalse());
    }

    @Test
    void noAnswersOnRecord_saysTheTriageDidNotRun() {
        ObjectNode prefetch = Hooks.JSON.createObjectNode();
        prefetch.putNull("questionnaireResponse");

        HttpResponse<String> response = client.call(Hooks.call(prefetch));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode cards = Hooks.parse(response.body()).get("cards");
        assertThat(cards).hasSize(1);
        assertThat(cards.get(0).at("/source/topic/code").asText()).isEqualTo(Cards.NOT_ASSESSED_TOPIC);
        assertThat(cards.get(0).get("summary").asText()).contains("not run");
    }

    @Test
    void answersNotSent_isPreconditionFailed() {
        ObjectNode prefetch = Hooks.JSON.createObjectNode();
        prefetch.set("patient", Hooks.patient("1980-01-01"));

        HttpResponse<String> response = client.call(Hooks.call(prefetch));

        assertThat(response.statusCode()).isEqualTo(412);
        JsonNode error = Hooks.parse(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("DATA_UNAVAILABLE");
        assertThat(error.at("/problems/0/field").asText()).isEqualTo("prefetch.questionnaireResponse");
    }

    /**
     * Two rules that reach the same finding (EMR-01 on a bladder symptom, EMR-02 on numbness in both legs)
     * make one card that names both, not two cards that say the same thing; the RiskAssessment offered for
     * the chart has one prediction for it, coded with both rules.
     */
    @Test
    void twoRulesWithTheSameFinding_makeOneCardCitingBoth() {
        Map<String, Object> facts = new LinkedHashMap<>(Fixtures.vignettes().get(0).facts());
        facts.put("urinaryRetention", "YES");
        facts.put("legNumbnessTingling", "BILATERAL");
        Assessment expected = Fixtures.assess(Fixtures.builderFrom(facts));
        assertThat(expected.findings()).extracting(Finding::ruleId).contains("EMR-01", "EMR-02");

        JsonNode response = Hooks.parse(client.call(Hooks.callWithAnswers(facts)).body());

        List<JsonNode> cauda = Hooks.findingCards(response).stream()
                .filter(card -> card.get("summary").asText().contains("Suspected cauda equina syndrome")).toList();
        assertThat(cauda).singleElement().satisfies(card -> {
            assertThat(card.get("summary").asText()).startsWith("EMERGENCY: Suspected cauda equina syndrome; refer to");
            assertThat(card.get("detail").asText()).contains("(rules EMR-01 ", "; EMR-02 ", "`urinaryRetention` = YES",
                    "`legNumbnessTingling` = BILATERAL");
        });
        JsonNode predictions = response.at("/cards/0/suggestions/0/actions/0/resource/prediction");
        assertThat(predictions.findValues("text")).extracting(JsonNode::asText)
                .containsOnlyOnce("Suspected cauda equina syndrome");
        assertThat(predictions.get(0).at("/outcome/coding").findValuesAsText("code")).containsExactly("EMR-01", "EMR-02");
    }

    /** The finding cards of a 200 response, checked to be the expected finding codes in the same order. */
    private static List<JsonNode> findingCards(HttpResponse<String> response, Assessment expected) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> cards = Hooks.findingCards(Hooks.parse(response.body()));
        assertThat(cards).extracting(c -> c.at("/source/topic/code").asText())
                .containsExactlyElementsOf(byCode(expected.findings()).stream().map(g -> g.get(0).ruleId()).toList());
        return cards;
    }

    /** The findings grouped by code in order of first appearance: one card each. */
    private static List<List<Finding>> byCode(List<Finding> findings) {
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        findings.forEach(f -> groups.computeIfAbsent(f.code(), code -> new ArrayList<>()).add(f));
        return List.copyOf(groups.values());
    }

    /** The CDS Hooks indicator each urgency must carry. */
    private static String indicator(Urgency urgency) {
        if (urgency == Urgency.EMERGENCY || urgency == Urgency.URGENT) {
            return "critical";
        }
        return urgency == Urgency.SOON ? "warning" : "info";
    }

    private static JsonNode last(JsonNode response) {
        JsonNode cards = response.get("cards");
        return cards.get(cards.size() - 1);
    }
}
