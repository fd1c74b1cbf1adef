package org.nightpain.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.serializer.FhirResourceDeserializer;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCardJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseSuggestionActionJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServicesJson;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.fhir.Canonicals;

/**
 * The discovery document and the cards are what a CDS client built on HAPI FHIR's CDS Hooks model reads:
 * they parse into its classes with no property it does not know, carry every element CDS Hooks 2.0
 * requires, and the resource of the create action parses as a FHIR RiskAssessment.
 */
@ExtendWith(SharedServer.class)
class CdsHooksConformanceTest {
    /** HAPI's CDS Hooks model, read strictly: a property the model does not know fails the parse. */
    private static final ObjectMapper HAPI = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule().addDeserializer(IBaseResource.class,
                    new FhirResourceDeserializer(FhirContext.forR4Cached())))
            .build();

    @Test
    void theStrictReading_refusesAPropertyTheModelDoesNotKnow() {
        assertThatThrownBy(() -> HAPI.readValue("{\"cards\": [{\"summary\": \"s\", \"colour\": \"red\"}]}",
                CdsServiceResponseJson.class)).hasMessageContaining("colour");
    }

    @Test
    void discovery_parsesIntoHapisModel_withEveryRequiredElement() throws IOException {
        CdsServicesJson discovery = HAPI.readValue(SharedServer.client().get("cds-services").body(), CdsServicesJson.class);

        assertThat(discovery.getServices()).singleElement().satisfies(service -> {
            assertThat(service.getHook()).isEqualTo(TriageService.HOOK);
            assertThat(service.getId()).isEqualTo(TriageService.SERVICE_ID);
            assertThat(service.getDescription()).isNotBlank();
            assertThat(service.getTitle()).isNotBlank();
            List<String> keys = new ArrayList<>();
            for (PrefetchKey key : PrefetchKey.values()) {
                keys.add(key.key());
                assertThat(service.getPrefetch()).containsEntry(key.key(), key.template(Canonicals.PLACEHOLDER));
            }
            assertThat(service.getPrefetch()).containsOnlyKeys(keys);
        });
    }

    @Test
    void cardsOfEveryVignette_parseIntoHapisModel_withEveryRequiredElement() throws IOException {
        for (Fixtures.Vignette vignette : Fixtures.vignettes()) {
            String body = SharedServer.client().call(Hooks.callWithAnswers(new LinkedHashMap<>(vignette.facts()))).body();

            CdsServiceResponseJson response = HAPI.readValue(body, CdsServiceResponseJson.class);

            assertThat(response.getCards()).as(vignette.id()).isNotEmpty().allSatisfy(CdsHooksConformanceTest::complete);
            CdsServiceResponseSuggestionActionJson create = response.getCards().get(0).getSuggestions().get(0)
                    .getActions().get(0);
            assertThat(create.getType()).isEqualTo("create");
            assertThat(create.getResource()).isInstanceOfSatisfying(RiskAssessment.class, record ->
                    assertThat(UUID.fromString(record.getIdElement().getIdPart())).isNotNull());
        }
    }

    @Test
    void notRunCard_parsesIntoHapisModel() throws IOException {
        var prefetch = Hooks.JSON.createObjectNode();
        prefetch.putNull("questionnaireResponse");

        CdsServiceResponseJson response = HAPI.readValue(SharedServer.client().call(Hooks.call(prefetch)).body(),
                CdsServiceResponseJson.class);

        assertThat(response.getCards()).singleElement().satisfies(CdsHooksConformanceTest::complete);
    }

    /** A card as CDS Hooks 2.0 requires it: uuid, summary under 140 characters, indicator, source with a label. */
    private static void complete(CdsServiceResponseCardJson card) {
        assertThat(UUID.fromString(card.getUuid())).isNotNull();
        assertThat(card.getSummary()).isNotBlank().hasSizeLessThan(140);
        assertThat(card.getIndicator()).isNotNull();
        assertThat(card.getSource().getLabel()).isNotBlank();
        assertThat(card.getSource().getTopic().getCode()).isNotBlank();
        if (card.getSuggestions() != null) {
            assertThat(card.getSelectionBehaviour()).isEqualTo("at-most-one");
            card.getSuggestions().forEach(suggestion -> {
                assertThat(suggestion.getLabel()).isNotBlank();
                assertThat(UUID.fromString(suggestion.getUuid())).isNotNull();
            });
        }
    }
}
