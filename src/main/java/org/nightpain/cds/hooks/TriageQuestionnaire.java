package org.nightpain.cds.hooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nightpain.cds.FactField;
import org.nightpain.cds.TriState;
import org.nightpain.cds.fhir.Canonicals;
import org.nightpain.cds.knowledge.AskWhen;
import org.nightpain.cds.knowledge.KnowledgeBase;

/**
 * The FHIR Questionnaire whose answers are the service's primary input, generated from the knowledge base
 * so that it always matches the fact model: the groups of {@code questionnaire.tsv} (the red flags first),
 * and in them one item per fact, its {@code linkId} the fact name, its text the question of the fact
 * register.
 *
 * <ul>
 *   <li>A core screening question ({@code use} core) is {@code required}, and every required question can
 *       be answered "Unknown": its yes/no questions are choice items coded Yes, No or Unknown. The other
 *       yes/no questions are boolean items (no answer = unknown).</li>
 *   <li>Enumerations are choice items coded with the enum names, labelled with the display texts.</li>
 *   <li>Numbers are integer or decimal items with their range and unit.</li>
 *   <li>A follow-up question whose register entry says when to ask it ({@code askWhen}) has
 *       {@code enableWhen}; a condition R4 cannot state (a number range that also holds when the number is
 *       not given) is left out, so the question is shown more often, never less.</li>
 * </ul>
 *
 * <p>It is written as FHIR R4 JSON directly, without HAPI FHIR, so that {@code GET /questionnaire}
 * answers while HAPI is still loading; a test validates it with HAPI's validator.
 */
final class TriageQuestionnaire {
    static final String LAYOUT = "questionnaire.tsv";
    static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
    static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
    static final String UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
    static final String UCUM_SYSTEM = "http://unitsofmeasure.org";
    /** The UCUM code of each unit of the fact model. */
    static final Map<String, String> UCUM = Map.of(
            "years", "a", "weeks", "wk", "months", "mo", "minutes", "min", "°C", "Cel",
            "kg", "kg", "%", "%", "points", "{score}");
    static final String TITLE = "Low back pain worse at night or on lying down: triage questions";
    static final String DESCRIPTION = "The facts the nightpain-cds rules weigh, one question per fact, in groups with"
            + " the red flags first. A question left unanswered is read as unknown, never as no. Generated from the"
            + " knowledge base; do not edit by hand.";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One group of the layout: its linkId, its title and its facts in order. */
    record Group(String linkId, String title, List<FactField> facts) {
    }

    private TriageQuestionnaire() {
    }

    /** The groups of the knowledge base's layout, in order; every fact is in exactly one. */
    static List<Group> groups() {
        List<Group> groups = new ArrayList<>();
        Set<FactField> placed = new LinkedHashSet<>();
        for (String line : KnowledgeBase.text(LAYOUT).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            List<FactField> facts = new ArrayList<>();
            for (String name : cells.length == 3 ? cells[2].strip().split("\\s+") : new String[0]) {
                FactField field = FactField.byName(name);
                if (field == null || !placed.add(field)) {
                    throw new IllegalStateException(LAYOUT + ": unknown or repeated fact '" + name + "'");
                }
                facts.add(field);
            }
            if (facts.isEmpty() || FactField.byName(cells[0]) != null) {
                throw new IllegalStateException(LAYOUT + ": bad row '" + line + "'");
            }
            groups.add(new Group(cells[0], cells[1], List.copyOf(facts)));
        }
        if (placed.size() != FactField.ALL.size()) {
            throw new IllegalStateException(LAYOUT + " leaves out facts: every fact must be in one group");
        }
        return List.copyOf(groups);
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
        ArrayNode groups = questionnaire.putArray("item");
        for (Group group : groups()) {
            ObjectNode item = groups.addObject();
            item.put("linkId", group.linkId());
            item.put("text", group.title());
            item.put("type", "group");
            ArrayNode questions = item.putArray("item");
            for (FactField field : group.facts()) {
                question(questions.addObject(), field, canonicals);
            }
        }
        return questionnaire;
    }

    /** True when the question is a choice item: enumerations, and the yes/no questions that are required. */
    static boolean isChoice(FactField field) {
        return field.kind() == FactField.Kind.ENUMERATED
                || field.kind() == FactField.Kind.TRI_STATE && field.use() == FactField.Use.CORE;
    }

    private static void question(ObjectNode item, FactField field, Canonicals canonicals) {
        if (field.kind().isNumber()) {
            ArrayNode extensions = item.putArray("extension");
            ObjectNode min = extensions.addObject().put("url", MIN_VALUE);
            ObjectNode max = extensions.addObject().put("url", MAX_VALUE);
            putNumber(min, field, field.min());
            putNumber(max, field, field.max());
            String ucum = UCUM.get(field.unit());
            if (ucum != null) {
                extensions.addObject().put("url", UNIT).putObject("valueCoding")
                        .put("system", UCUM_SYSTEM).put("code", ucum).put("display", field.unit());
            }
        }
        item.put("linkId", field.fieldName());
        item.put("text", field.question());
        item.put("type", isChoice(field) ? "choice" : switch (field.kind()) {
            case TRI_STATE -> "boolean";
            case INTEGER -> "integer";
            case DECIMAL -> "decimal";
            case ENUMERATED -> "choice";
        });
        enableWhen(item, field, canonicals);
        if (field.use() == FactField.Use.CORE) {
            item.put("required", true);
        }
        if (isChoice(field)) {
            ArrayNode options = item.putArray("answerOption");
            for (Enum<?> constant : field.enumType().getEnumConstants()) {
                options.addObject().set("valueCoding", coding(field, constant, canonicals));
            }
        }
    }

    private static void putNumber(ObjectNode extension, FactField field, double value) {
        if (field.kind() == FactField.Kind.INTEGER) {
            extension.put("valueInteger", (int) value);
        } else {
            extension.put("valueDecimal", BigDecimal.valueOf(value));
        }
    }

    private static ObjectNode coding(FactField field, Enum<?> value, Canonicals canonicals) {
        return JSON.objectNode().put("system", canonicals.codeSystem(field.enumType())).put("code", value.name())
                .put("display", DisplayTexts.of(value));
    }

    /**
     * The register's {@code askWhen} (every condition must hold) as enableWhen with enableBehavior all. A
     * condition on an answer becomes "not equal" to each value it excludes (true when unanswered, which is
     * how an unknown answer is allowed), or "equal" to its one value; a number range, two comparisons, but
     * only when an unknown number does not also satisfy it, which R4 cannot state.
     */
    private static void enableWhen(ObjectNode item, FactField field, Canonicals canonicals) {
        List<ObjectNode> conditions = new ArrayList<>();
        for (AskWhen.Condition condition : AskWhen.of(field)) {
            FactField on = condition.field();
            if (condition.isRange()) {
                if (!condition.orUnknown()) {
                    conditions.add(number(on, ">=", condition.min()));
                    conditions.add(number(on, "<=", condition.max()));
                }
                continue;
            }
            List<Enum<?>> excluded = new ArrayList<>();
            for (Enum<?> value : on.enumType().getEnumConstants()) {
                boolean unknown = value.name().equals(TriState.UNKNOWN.name());
                boolean answerable = isChoice(on) || !unknown;
                if (answerable && !condition.values().contains(value.name()) && !(unknown && condition.orUnknown())) {
                    excluded.add(value);
                }
            }
            if (!condition.orUnknown() && condition.values().size() == 1) {
                String only = condition.values().iterator().next();
                conditions.add(answer(on, "=", on.enumType().getEnumConstants()[indexOf(on, only)], canonicals));
            } else {
                if (!condition.orUnknown()) {
                    conditions.add(JSON.objectNode().put("question", on.fieldName()).put("operator", "exists")
                            .put("answerBoolean", true));
                }
                excluded.forEach(value -> conditions.add(answer(on, "!=", value, canonicals)));
            }
        }
        if (!conditions.isEmpty()) {
            conditions.forEach(item.putArray("enableWhen")::add);
            if (conditions.size() > 1) {
                item.put("enableBehavior", "all");
            }
        }
    }

    private static int indexOf(FactField field, String name) {
        Enum<?>[] values = field.enumType().getEnumConstants();
        for (int i = 0; i < values.length; i++) {
            if (values[i].name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("facts.tsv: " + field.fieldName() + " has no value " + name);
    }

    private static ObjectNode answer(FactField on, String operator, Enum<?> value, Canonicals canonicals) {
        ObjectNode condition = JSON.objectNode().put("question", on.fieldName()).put("operator", operator);
        if (isChoice(on)) {
            condition.set("answerCoding", coding(on, value, canonicals));
        } else {
            condition.put("answerBoolean", value == TriState.YES);
        }
        return condition;
    }

    private static ObjectNode number(FactField on, String operator, double value) {
        ObjectNode condition = JSON.objectNode().put("question", on.fieldName()).put("operator", operator);
        if (on.kind() == FactField.Kind.INTEGER) {
            condition.put("answerInteger", (int) value);
        } else {
            condition.put("answerDecimal", BigDecimal.valueOf(value));
        }
        return condition;
    }
}
