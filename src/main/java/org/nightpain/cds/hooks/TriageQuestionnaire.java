package org.nightpain.cds.hooks;

import java.util.HashMap;
import java.util.Locale;
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
import org.nightpain.cds.internal.FactField;
import org.nightpain.cds.internal.KnowledgeFiles;

/**
 * The FHIR Questionnaire whose answers are the service's primary input, generated from {@link FactField}
 * so that it always matches the fact model: one item per field, its {@code linkId} the field name, the
 * question from the knowledge base's question register. Yes/no fields are boolean items (no answer =
 * unknown), enumerations choice items coded with the enum names, numbers integer or decimal items with
 * their range and unit.
 */
final class TriageQuestionnaire {
    private static final Map<String, String> UCUM = Map.of(
            "years", "a", "weeks", "wk", "months", "mo", "minutes", "min", "°C", "Cel",
            "kg", "kg", "%", "%", "points", "{score}");

    private TriageQuestionnaire() {
    }

    /** Builds the Questionnaire for this version of the fact model, named by these canonical URLs. */
    static Questionnaire build(String version, Canonicals canonicals) {
        Map<String, String> questions = new HashMap<>();
        for (String[] row : KnowledgeFiles.table("questions.tsv", 3)) {
            questions.put(row[0], row[1]);
        }
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
                    .setText(questions.getOrDefault(field.fieldName(), field.fieldName()));
            switch (field.kind()) {
                case TRI_STATE -> item.setType(QuestionnaireItemType.BOOLEAN);
                case ENUMERATED -> {
                    item.setType(QuestionnaireItemType.CHOICE);
                    for (Enum<?> constant : field.enumType().getEnumConstants()) {
                        item.addAnswerOption().setValue(new Coding(canonicals.codeSystem(field.enumType()), constant.name(),
                                display(constant.name())));
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
        String ucum = UCUM.get(field.unit());
        if (ucum != null) {
            item.addExtension(new Extension("http://hl7.org/fhir/StructureDefinition/questionnaire-unit",
                    new Coding("http://unitsofmeasure.org", ucum, field.unit())));
        }
    }

    /** "MILD_SINGLE_ROOT" as "Mild single root". */
    static String display(String name) {
        String words = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
