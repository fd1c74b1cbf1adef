package org.nightpain.cds.fhir;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Type;
import org.nightpain.cds.Problem;
import org.nightpain.cds.TriState;
import org.nightpain.cds.FactField;

/**
 * Reads the answers of a QuestionnaireResponse to the triage Questionnaire: each item's {@code linkId}
 * is a fact name, and its single answer has the fact's type. Unanswered items stay unknown. Every
 * problem is collected, each naming the field: an unknown or repeated linkId, several answers, an
 * answer of the wrong type, an unknown code. Ranges are left to {@code PatientFacts} validation.
 */
final class QuestionnaireAnswers {

    private QuestionnaireAnswers() {
    }

    /** The answered facts of this response, in field order; problems are added to {@code problems}. */
    static Map<FactField, Object> read(QuestionnaireResponse response, List<Problem> problems, Canonicals canonicals) {
        Map<FactField, Object> answers = new EnumMap<>(FactField.class);
        walk(response.getItem(), answers, EnumSet.noneOf(FactField.class), problems, canonicals);
        return answers;
    }

    private static void walk(List<QuestionnaireResponseItemComponent> items, Map<FactField, Object> answers,
                             Set<FactField> seen, List<Problem> problems, Canonicals canonicals) {
        for (QuestionnaireResponseItemComponent item : items) {
            String linkId = item.getLinkId();
            FactField field = linkId == null ? null : FactField.byName(linkId);
            if (linkId == null) {
                problems.add(new Problem(null, null, "an item of the QuestionnaireResponse has no linkId"));
            } else if (field == null) {
                if (item.hasAnswer() || !item.hasItem()) {
                    problems.add(new Problem(linkId, null, "is not a question of the night-pain questionnaire"
                            + " (linkIds are the fact names, for example 'urinaryRetention')"));
                }
            } else if (!seen.add(field)) {
                problems.add(new Problem(linkId, null, "is answered more than once; answer each question once"));
            } else if (item.getAnswer().size() > 1) {
                problems.add(new Problem(linkId, null, "has " + item.getAnswer().size() + " answers; give at most one"));
            } else if (item.hasAnswer() && item.getAnswerFirstRep().hasValue()) {
                Object value = convert(field, item.getAnswerFirstRep().getValue(), problems, canonicals);
                if (value != null) {
                    answers.put(field, value);
                }
            }
            walk(item.getItem(), answers, seen, problems, canonicals);
            for (QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
                walk(answer.getItem(), answers, seen, problems, canonicals);
            }
        }
    }

    private static Object convert(FactField field, Type value, List<Problem> problems, Canonicals canonicals) {
        String name = field.fieldName();
        switch (field.kind()) {
            case TRI_STATE -> {
                if (value instanceof BooleanType b && b.getValue() != null) {
                    return b.booleanValue() ? TriState.YES : TriState.NO;
                }
                if (value instanceof Coding coding) {
                    return code(field, coding, problems, canonicals);
                }
                problems.add(new Problem(name, primitive(value), "must be a yes/no answer: valueBoolean,"
                        + " or valueCoding with code YES, NO or UNKNOWN"));
            }
            case ENUMERATED -> {
                if (value instanceof Coding coding) {
                    return code(field, coding, problems, canonicals);
                }
                problems.add(new Problem(name, primitive(value), "must be a valueCoding whose code is one of "
                        + names(field)));
            }
            case INTEGER -> {
                BigDecimal number = number(value);
                if (number != null && number.stripTrailingZeros().scale() <= 0
                        && number.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                    return number.intValue();
                }
                problems.add(new Problem(name, primitive(value), "must be a whole number (valueInteger)"));
            }
            case DECIMAL -> {
                BigDecimal number = number(value);
                if (number != null) {
                    return number.doubleValue();
                }
                problems.add(new Problem(name, primitive(value), "must be a number (valueDecimal or valueInteger)"));
            }
        }
        return null;
    }

    private static Object code(FactField field, Coding coding, List<Problem> problems, Canonicals canonicals) {
        String system = canonicals.codeSystem(field.enumType());
        if (coding.hasSystem() && !coding.getSystem().equals(system)) {
            problems.add(new Problem(field.fieldName(), coding.getSystem(), "has a code from an unexpected system;"
                    + " use " + system + " or leave the system out"));
            return null;
        }
        for (Enum<?> constant : field.enumType().getEnumConstants()) {
            if (constant.name().equals(coding.getCode())) {
                return constant;
            }
        }
        problems.add(new Problem(field.fieldName(), coding.getCode(), "must be one of " + names(field)
                + " (exact, upper case)"));
        return null;
    }

    private static BigDecimal number(Type value) {
        if (value instanceof IntegerType i && i.getValue() != null) {
            return BigDecimal.valueOf(i.getValue());
        }
        if (value instanceof DecimalType d && d.getValue() != null) {
            return d.getValue();
        }
        return null;
    }

    private static Object primitive(Type value) {
        if (value instanceof Coding coding) {
            return coding.getCode();
        }
        return value.isPrimitive() ? value.primitiveValue() : value.fhirType();
    }

    private static String names(FactField field) {
        return Arrays.stream(field.enumType().getEnumConstants()).map(Enum::name).toList().toString();
    }
}
