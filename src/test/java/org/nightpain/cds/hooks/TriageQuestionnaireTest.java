package org.nightpain.cds.hooks;

import org.nightpain.cds.fhir.Canonicals;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Test;
import org.nightpain.cds.FactField;
import org.nightpain.cds.knowledge.TestKnowledge;

/**
 * The Questionnaire is written as JSON without HAPI FHIR, so that it can be served while HAPI loads. Here
 * HAPI's strict parser must read it, and it must equal the same Questionnaire built from HAPI's model.
 */
class TriageQuestionnaireTest {
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void json_isValidFhir_andTheQuestionnaireOfHapisModel() {
        for (Canonicals canonicals : new Canonicals[] {Canonicals.PLACEHOLDER, Canonicals.of("https://fhir.example-hospital.org/np")}) {
            String version = TestKnowledge.knowledgeBaseInfo().version();
            String json = TriageQuestionnaire.json(canonicals).toString();

            Questionnaire read = (Questionnaire) FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler())
                    .parseResource(json);
            Questionnaire expected = withHapi(version, canonicals);

            // HAPI writes both the same way only if they hold the same elements with the same values.
            assertThat(FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(read))
                    .isEqualTo(FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(expected));
            assertThat(read.getItem()).hasSize(FactField.ALL.size());
        }
    }

    /** The Questionnaire built from HAPI FHIR's model, as the service built it before. */
    private static Questionnaire withHapi(String version, Canonicals canonicals) {
        Questionnaire questionnaire = new Questionnaire();
        questionnaire.setId("nightpain-triage");
        questionnaire.setUrl(canonicals.questionnaire());
        questionnaire.setVersion(version);
        questionnaire.setName("NightPainTriage");
        questionnaire.setTitle("Low back pain worse at night or on lying down: triage questions");
        questionnaire.setStatus(PublicationStatus.DRAFT);
        questionnaire.addSubjectType("Patient");
        questionnaire.setDescription("The facts the nightpain-cds rules weigh, one question per fact. A question left"
                + " unanswered is read as unknown, never as no. Generated from the fact model; do not edit by hand.");
        for (FactField field : FactField.ALL) {
            QuestionnaireItemComponent item = questionnaire.addItem()
                    .setLinkId(field.fieldName())
                    .setText(field.question());
            switch (field.kind()) {
                case TRI_STATE -> item.setType(QuestionnaireItemType.BOOLEAN);
                case ENUMERATED -> {
                    item.setType(QuestionnaireItemType.CHOICE);
                    for (Enum<?> constant : field.enumType().getEnumConstants()) {
                        item.addAnswerOption().setValue(new Coding(canonicals.codeSystem(field.enumType()),
                                constant.name(), DisplayTexts.of(constant)));
                    }
                }
                case INTEGER -> number(item.setType(QuestionnaireItemType.INTEGER), field,
                        new IntegerType((int) field.min()), new IntegerType((int) field.max()));
                case DECIMAL -> number(item.setType(QuestionnaireItemType.DECIMAL), field,
                        new DecimalType(field.min()), new DecimalType(field.max()));
            }
        }
        return questionnaire;
    }

    private static void number(QuestionnaireItemComponent item, FactField field, Type min, Type max) {
        item.addExtension(new Extension("http://hl7.org/fhir/StructureDefinition/minValue", min));
        item.addExtension(new Extension("http://hl7.org/fhir/StructureDefinition/maxValue", max));
        String ucum = Map.of("years", "a", "weeks", "wk", "months", "mo", "minutes", "min", "°C", "Cel",
                "kg", "kg", "%", "%", "points", "{score}").get(field.unit());
        if (ucum != null) {
            item.addExtension(new Extension("http://hl7.org/fhir/StructureDefinition/questionnaire-unit",
                    new Coding("http://unitsofmeasure.org", ucum, field.unit())));
        }
    }
}
