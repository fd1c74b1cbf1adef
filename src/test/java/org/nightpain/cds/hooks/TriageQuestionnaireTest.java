package org.nightpain.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemEnableWhenComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemOperator;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.junit.jupiter.api.Test;
import org.nightpain.cds.FactField;
import org.nightpain.cds.MotorWeakness;
import org.nightpain.cds.fhir.Canonicals;
import org.nightpain.cds.knowledge.AskWhen;

/**
 * The Questionnaire is written as JSON without HAPI FHIR, so that it can be served while HAPI loads. Here
 * HAPI's strict parser reads it and writes it back unchanged, and its layout is what a clinician needs:
 * groups with the red flags first, the core screening questions required (and answerable "Unknown"),
 * follow-up questions shown only when they apply. {@code FhirConformanceTest} validates it.
 */
class TriageQuestionnaireTest {
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private static Questionnaire read(Canonicals canonicals) {
        return (Questionnaire) FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler())
                .parseResource(TriageQuestionnaire.json(canonicals).toString());
    }

    private static List<QuestionnaireItemComponent> questions(Questionnaire questionnaire) {
        List<QuestionnaireItemComponent> questions = new ArrayList<>();
        questionnaire.getItem().forEach(group -> questions.addAll(group.getItem()));
        return questions;
    }

    private static QuestionnaireItemComponent question(Questionnaire questionnaire, String linkId) {
        return questions(questionnaire).stream().filter(q -> q.getLinkId().equals(linkId)).findFirst().orElseThrow();
    }

    @Test
    void json_isReadByHapisStrictParser_andWrittenBackUnchanged() {
        for (Canonicals canonicals : new Canonicals[] {Canonicals.PLACEHOLDER, Canonicals.of("https://fhir.example-hospital.org/np")}) {
            Questionnaire read = read(canonicals);

            // HAPI writes back what it read: nothing in the JSON was dropped or misplaced.
            assertThat(Hooks.parse(FHIR.newJsonParser().encodeResourceToString(read)))
                    .isEqualTo(Hooks.parse(TriageQuestionnaire.json(canonicals).toString()));
            assertThat(read.getUrl()).isEqualTo(canonicals.questionnaire());
        }
    }

    @Test
    void groups_holdEveryFactOnce_redFlagsFirst() {
        Questionnaire questionnaire = read(Canonicals.PLACEHOLDER);

        assertThat(questionnaire.getItem()).allSatisfy(group -> {
            assertThat(group.getType()).isEqualTo(QuestionnaireItemType.GROUP);
            assertThat(group.getText()).isNotBlank();
            assertThat(group.getItem()).isNotEmpty().allSatisfy(q -> assertThat(q.hasItem()).isFalse());
        });
        assertThat(questions(questionnaire)).extracting(QuestionnaireItemComponent::getLinkId)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(FactField.ALL.stream().map(FactField::fieldName).toList());
        assertThat(questionnaire.getItem().get(0).getItem()).extracting(QuestionnaireItemComponent::getLinkId)
                .contains("urinaryRetention", "saddleAnaesthesia");
        assertThat(questionnaire.getItem().get(1).getItem()).extracting(QuestionnaireItemComponent::getLinkId)
                .contains("radicularLegPain", "legNumbnessTingling", "motorWeakness");
    }

    /** A required question must never force a guess: each can be answered "Unknown", or is a number always known. */
    @Test
    void coreScreeningQuestions_areRequired_andCanBeAnsweredUnknown() {
        Questionnaire questionnaire = read(Canonicals.PLACEHOLDER);

        for (FactField field : FactField.ALL) {
            QuestionnaireItemComponent item = question(questionnaire, field.fieldName());
            boolean core = field.use() == FactField.Use.CORE;
            assertThat(item.getRequired()).as(field.fieldName()).isEqualTo(core);
            if (core && item.getType() != QuestionnaireItemType.INTEGER && item.getType() != QuestionnaireItemType.DECIMAL) {
                assertThat(item.getType()).as(field.fieldName()).isEqualTo(QuestionnaireItemType.CHOICE);
                assertThat(item.getAnswerOption()).extracting(o -> ((Coding) o.getValue()).getCode()).contains("UNKNOWN");
            }
        }
        assertThat(question(questionnaire, "ageYears").getRequired()).isTrue();
        assertThat(question(questionnaire, "urinaryRetention").getAnswerOption())
                .extracting(o -> ((Coding) o.getValue()).getDisplay()).containsExactly("Yes", "No", "Unknown");
        assertThat(question(questionnaire, "nightPain").getType()).isEqualTo(QuestionnaireItemType.BOOLEAN);
    }

    @Test
    void answerOptions_areLabelledWithTheDisplayTexts() {
        QuestionnaireItemComponent weakness = question(read(Canonicals.PLACEHOLDER), "motorWeakness");

        assertThat(weakness.getAnswerOption()).extracting(o -> ((Coding) o.getValue()).getDisplay())
                .contains(DisplayTexts.of(MotorWeakness.MULTI_LEVEL_OR_BILATERAL))
                .doesNotContain("Multi level or bilateral");
        assertThat(question(read(Canonicals.PLACEHOLDER), "legNumbnessTingling").getAnswerOption())
                .extracting(o -> ((Coding) o.getValue()).getCode())
                .containsExactly("NONE", "UNILATERAL", "BILATERAL", "UNKNOWN");
    }

    @Test
    void followUpQuestions_areEnabledOnlyWhenTheyApply() {
        Questionnaire questionnaire = read(Canonicals.PLACEHOLDER);

        assertThat(question(questionnaire, "weaknessProgressive").getEnableWhen()).singleElement().satisfies(when -> {
            assertThat(when.getQuestion()).isEqualTo("motorWeakness");
            assertThat(when.getOperator()).isEqualTo(QuestionnaireItemOperator.NOT_EQUAL);
            assertThat(when.getAnswerCoding().getCode()).isEqualTo("NONE");
        });
        assertThat(question(questionnaire, "gestationWeeks").getEnableWhen()).singleElement().satisfies(when -> {
            assertThat(when.getQuestion()).isEqualTo("pregnant");
            assertThat(when.getOperator()).isEqualTo(QuestionnaireItemOperator.EQUAL);
            assertThat(when.getAnswerBooleanType().booleanValue()).isTrue();
        });
        // Not asked of a man; the age condition ("16-50 or not given") has no R4 form and is left out.
        assertThat(question(questionnaire, "pregnant").getEnableWhen()).singleElement().satisfies(when -> {
            assertThat(when.getQuestion()).isEqualTo("sex");
            assertThat(when.getOperator()).isEqualTo(QuestionnaireItemOperator.NOT_EQUAL);
            assertThat(when.getAnswerCoding().getCode()).isEqualTo("MALE");
        });
        assertThat(question(questionnaire, "weightLossKg").getEnableWhen()).singleElement()
                .satisfies(when -> assertThat(when.getAnswerCoding().getCode()).isEqualTo("YES"));
        assertThat(question(questionnaire, "nightPainImprovesOnGettingUp").getEnableWhen()).singleElement()
                .satisfies(when -> {
                    assertThat(when.getOperator()).isEqualTo(QuestionnaireItemOperator.NOT_EQUAL);
                    assertThat(when.getAnswerBooleanType().booleanValue()).isFalse();
                });
        // Every askWhen R4 can state is there; one that also holds for a number not given cannot be, and is left out.
        for (FactField field : FactField.ALL) {
            boolean statable = AskWhen.of(field).stream().anyMatch(c -> !(c.isRange() && c.orUnknown()));
            assertThat(question(questionnaire, field.fieldName()).hasEnableWhen()).as(field.fieldName()).isEqualTo(statable);
        }
        assertThat(question(questionnaire, "startBackTotal").hasEnableWhen()).isFalse();
    }

    /** Every enableWhen names a question asked before it, with an answer of that question's type. */
    @Test
    void enableWhen_pointsBackToEarlierQuestions_withAnswersOfTheirType() {
        Questionnaire questionnaire = read(Canonicals.PLACEHOLDER);
        Set<String> asked = new HashSet<>();

        for (QuestionnaireItemComponent item : questions(questionnaire)) {
            for (QuestionnaireItemEnableWhenComponent when : item.getEnableWhen()) {
                assertThat(asked).as(item.getLinkId()).contains(when.getQuestion());
                QuestionnaireItemComponent on = question(questionnaire, when.getQuestion());
                String expected = switch (on.getType()) {
                    case BOOLEAN -> "boolean";
                    case CHOICE -> "Coding";
                    case INTEGER -> "integer";
                    default -> "decimal";
                };
                assertThat(when.getOperator() == QuestionnaireItemOperator.EXISTS ? "boolean" : expected)
                        .isEqualTo(when.getAnswer().fhirType());
                if (on.getType() == QuestionnaireItemType.CHOICE) {
                    assertThat(on.getAnswerOption()).anySatisfy(option -> assertThat(option.getValueCoding()
                            .equalsDeep(when.getAnswerCoding())).isTrue());
                }
            }
            asked.add(item.getLinkId());
            assertThat(item.hasEnableBehavior()).isEqualTo(item.getEnableWhen().size() > 1);
        }
    }
}
