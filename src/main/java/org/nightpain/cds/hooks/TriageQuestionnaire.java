package org.nightpain.cds.hooks;

import org.nightpain.cds.fhir.Canonicals;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;
import org.nightpain.cds.FactField;
import org.nightpain.cds.knowledge.KnowledgeBase;

/**
 * The FHIR Questionnaire whose answers are the service's primary input, generated from {@link FactField}
 * so that it always matches the fact model: one item per field, its {@code linkId} the field name, the
 * question from the knowledge base's question register. Yes/no fields are boolean items (no answer =
 * unknown), enumerations choice items coded with the enum names, numbers integer or decimal items with
 * their range and unit.
 *
 * <p>It is written as FHIR R4 JSON directly, without HAPI FHIR, so that {@code GET /questionnaire}
 * answers while HAPI is still loading; a test parses it with HAPI's strict parser and compares it with
 * the same Questionnaire built from HAPI's model.
 */
final class TriageQuestionnaire {
    static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
    static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
    static final String UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
    static final String UCUM_SYSTEM = "http://unitsofmeasure.org";
    /** The UCUM code of each unit of the fact model. */
    static final Map<String, String> UCUM = Map.of(
            "years", "a", "weeks", "wk", "months", "mo", "minutes", "min", "°C", "Cel",
            "kg", "kg", "%", "%", "points", "{score}");
    static final String TITLE = "Low back pain worse at night or on lying down: triage questions";
    static final String DESCRIPTION = "The facts the nightpain-cds rules weigh, one question per fact. A question"
            + " left unanswered is read as unknown, never as no. Generated from the fact model; do not edit by hand.";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TriageQuestionnaire() {
    }

    /** The Questionnaire of the knowledge base in use, as FHIR R4 JSON, named by these canonical URLs. */
    static ObjectNode json(Canonicals canonicals) {
        return json(KnowledgeBase.info().version(), canonicals);
    }

    /** The Questionnaire for this version of the fact model, as FHIR R4 JSON, named by these canonical URLs. */
    static ObjectNode json(String version, Canonicals canonicals) {
        ObjectNode questionnaire = JSON.objectNode();
        questionnaire.put("resourceType", "Questionnaire");
        questionnaire.put("id", "nightpain-triage");
        questionnaire.put("url", canonicals.questionnaire());
        questionnaire.put("version", version);
        questionnaire.put("name", "NightPainTriage");
        questionnaire.put("title", TITLE);
        questionnaire.put("status", "draft");
        questionnaire.putArray("subjectType").add("Patient");
        questionnaire.put("description", DESCRIPTION);
        ArrayNode items = questionnaire.putArray("item");
        for (FactField field : FactField.ALL) {
            ObjectNode item = items.addObject();
            if (field.kind() == FactField.Kind.INTEGER || field.kind() == FactField.Kind.DECIMAL) {
                ArrayNode extensions = item.putArray("extension");
                boolean whole = field.kind() == FactField.Kind.INTEGER;
                String valueKey = whole ? "valueInteger" : "valueDecimal";
                ObjectNode min = extensions.addObject().put("url", MIN_VALUE);
                ObjectNode max = extensions.addObject().put("url", MAX_VALUE);
                if (whole) {
                    min.put(valueKey, (int) field.min());
                    max.put(valueKey, (int) field.max());
                } else {
                    min.put(valueKey, BigDecimal.valueOf(field.min()));
                    max.put(valueKey, BigDecimal.valueOf(field.max()));
                }
                String ucum = UCUM.get(field.unit());
                if (ucum != null) {
                    extensions.addObject().put("url", UNIT).putObject("valueCoding")
                            .put("system", UCUM_SYSTEM).put("code", ucum).put("display", field.unit());
                }
            }
            item.put("linkId", field.fieldName());
            item.put("text", field.question());
            item.put("type", switch (field.kind()) {
                case TRI_STATE -> "boolean";
                case ENUMERATED -> "choice";
                case INTEGER -> "integer";
                case DECIMAL -> "decimal";
            });
            if (field.kind() == FactField.Kind.ENUMERATED) {
                ArrayNode options = item.putArray("answerOption");
                for (Enum<?> constant : field.enumType().getEnumConstants()) {
                    options.addObject().putObject("valueCoding").put("system", canonicals.codeSystem(field.enumType()))
                            .put("code", constant.name()).put("display", DisplayTexts.of(constant));
                }
            }
        }
        return questionnaire;
    }
}
