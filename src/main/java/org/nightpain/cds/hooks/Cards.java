package org.nightpain.cds.hooks;

import org.nightpain.cds.fhir.Canonicals;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Diagnostic;
import org.nightpain.cds.Finding;
import org.nightpain.cds.KnowledgeBaseInfo;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.Question;
import org.nightpain.cds.Referral;
import org.nightpain.cds.Source;
import org.nightpain.cds.Urgency;

/**
 * CDS Hooks cards for an assessment: one per presented finding code, most urgent first, then one listing
 * the questions still to ask and what the EHR's data could not settle. Findings, referrals and tests are
 * shown by their display texts ({@link DisplayTexts}).
 */
final class Cards {
    /** CDS Hooks asks for a summary of fewer than 140 characters. */
    static final int SUMMARY_LIMIT = 139;
    /** Card topics are rule ids, plus these two for the cards that are not findings. */
    static final String QUESTIONS_TOPIC = "QUESTIONS";
    static final String NOT_ASSESSED_TOPIC = "NOT-ASSESSED";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Shown on the first card (the most urgent finding) and on the card that says nothing was assessed. */
    static final String NOTICE = "_" + NightPainAssessor.INTENDED_USE + "_\n";

    private Cards() {
    }

    /**
     * The response body for an assessment. The first card offers to record the assessment in the EHR as
     * {@code record}, a FHIR RiskAssessment.
     */
    static ObjectNode response(Assessment assessment, FhirFacts input, ObjectNode record, Canonicals canonicals) {
        ObjectNode response = JSON.objectNode();
        ArrayNode cards = response.putArray("cards");
        for (List<Finding> group : byCode(assessment.findings())) {
            Finding first = group.get(0);
            ObjectNode card = card(summary(first), indicator(first.urgency()), detail(group, input.sources()),
                    source(assessment.knowledgeBase(), sources(group), canonicals, first.ruleId(),
                            DisplayTexts.finding(first.code())));
            if (cards.isEmpty()) {
                offerRecord(card, record);
                String detail = card.get("detail").asText() + "\n" + NOTICE;
                if (!assessment.screeningComplete()) {
                    // clinical-knowledge §9.5.4: "screening incomplete" beside the urgency
                    card.put("summary", limit(summary(first) + " (screening incomplete)"));
                    detail = SCREENING_INCOMPLETE + detail;
                }
                card.put("detail", detail);
            }
            cards.add(card);
        }
        if (!assessment.questionsToAsk().isEmpty() || !assessment.answersNotUsed().isEmpty()
                || !assessment.suppressedFindings().isEmpty() || !input.notSent().isEmpty() || !input.notes().isEmpty()) {
            cards.add(card(questionsSummary(assessment, input), "info", questionsDetail(assessment, input),
                    source(assessment.knowledgeBase(), List.of(), canonicals, QUESTIONS_TOPIC, "Questions still to ask")));
        }
        return response;
    }

    /**
     * The findings grouped by their code, in the order of the assessment (most urgent first): several rules
     * that reach the same finding (EMR-01 and EMR-02 both find a suspected cauda equina syndrome) make one
     * card, which names every one of them.
     */
    static List<List<Finding>> byCode(List<Finding> findings) {
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding finding : findings) {
            groups.computeIfAbsent(finding.code(), code -> new ArrayList<>()).add(finding);
        }
        return List.copyOf(groups.values());
    }

    /** The response body when the patient has no questionnaire response: the triage did not run. */
    static ObjectNode notAssessed(KnowledgeBaseInfo knowledgeBase, FhirFacts input, Canonicals canonicals) {
        StringBuilder detail = new StringBuilder()
                .append("The triage of low back pain at night needs the patient's answers to the questionnaire ")
                .append('`').append(canonicals.questionnaire()).append("`, and the EHR has none on record for this patient")
                .append(", so **nothing was assessed**. This is not a finding that the patient is well.\n\n")
                .append("Ask the questions (the service's `GET /questionnaire` returns the Questionnaire) and open the")
                .append(" chart again.\n");
        appendDataNotes(detail, input);
        detail.append('\n').append(NOTICE).append('\n');
        ObjectNode response = JSON.objectNode();
        response.putArray("cards").add(card("Night-time back pain triage not run: no questionnaire answers on record",
                "info", detail.toString(), source(knowledgeBase, List.of(), canonicals, NOT_ASSESSED_TOPIC, "Not assessed")));
        return response;
    }

    private static void offerRecord(ObjectNode card, ObjectNode record) {
        card.put("selectionBehavior", "at-most-one");
        ObjectNode suggestion = card.putArray("suggestions").addObject();
        suggestion.put("label", "Record this triage in the chart (FHIR RiskAssessment)");
        suggestion.put("uuid", UUID.randomUUID().toString());
        ObjectNode action = suggestion.putArray("actions").addObject();
        action.put("type", "create");
        action.put("description", "Create a RiskAssessment with every finding of this triage and its urgency");
        action.set("resource", record);
    }

    static String indicator(Urgency urgency) {
        if (urgency == null) {
            return "info";
        }
        return switch (urgency) {
            case EMERGENCY, URGENT -> "critical";
            case SOON -> "warning";
            case ROUTINE, SELF_CARE -> "info";
        };
    }

    private static ObjectNode card(String summary, String indicator, String detail, ObjectNode source) {
        ObjectNode card = JSON.objectNode();
        card.put("uuid", UUID.randomUUID().toString());
        card.put("summary", limit(summary));
        card.put("indicator", indicator);
        card.put("detail", detail);
        card.set("source", source);
        return card;
    }

    /**
     * The card's source: the knowledge base as the label, the address of the first of the finding's
     * sources that has one as the url (CDS Hooks makes it optional: a card with no such source, and the
     * two cards that are not findings, have none rather than an address that says nothing), and the rule
     * as the topic.
     */
    private static ObjectNode source(KnowledgeBaseInfo knowledgeBase, List<Source> sources, Canonicals canonicals,
                                     String topic, String display) {
        ObjectNode source = JSON.objectNode();
        source.put("label", "nightpain-cds, knowledge base " + knowledgeBase.id() + " " + knowledgeBase.version());
        sources.stream().map(Source::url).filter(Cards::isWebAddress).findFirst().ifPresent(url -> source.put("url", url));
        ObjectNode coding = source.putObject("topic");
        coding.put("system", canonicals.ruleSystem());
        coding.put("code", topic);
        coding.put("display", display);
        return source;
    }

    /** An absolute http or https address (the register's addresses may also be empty). */
    static boolean isWebAddress(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) && url.length() > 8
                && url.chars().noneMatch(Character::isWhitespace);
    }

    /** "EMERGENCY: Suspected cauda equina syndrome; refer to the emergency department, the on-call spinal surgical team". */
    static String summary(Finding finding) {
        String summary = (finding.urgency() == null ? "Note" : finding.urgency().name()) + ": "
                + DisplayTexts.finding(finding.code());
        if (!finding.referrals().isEmpty()) {
            summary += "; refer to " + texts(finding.referrals());
        }
        return summary;
    }

    /** The detail of one card: the finding as each of its rules reached it, with what they weighed and cite. */
    private static String detail(List<Finding> group, Map<String, String> sources) {
        StringBuilder detail = new StringBuilder();
        detail.append("**").append(DisplayTexts.finding(group.get(0).code())).append("** (rule")
                .append(group.size() == 1 ? " " : "s ").append(group.stream()
                        .map(f -> f.ruleId() + " " + f.ruleVersion() + ", evidence " + f.evidence())
                        .collect(Collectors.joining("; "))).append(")\n\n");
        distinct(group, Finding::rationale).forEach(rationale -> detail.append(rationale).append("\n\n"));
        Map<String, Object> inputsUsed = new LinkedHashMap<>();
        group.forEach(finding -> inputsUsed.putAll(finding.inputsUsed()));
        if (!inputsUsed.isEmpty()) {
            detail.append("**Facts that fired it**\n\n");
            inputsUsed.forEach((field, value) -> {
                detail.append("- `").append(field).append("` = ").append(value);
                String source = sources.get(field);
                if (source != null && !source.startsWith("QuestionnaireResponse")) {
                    detail.append(" (from ").append(source).append(')');
                }
                detail.append('\n');
            });
            detail.append('\n');
        }
        List<String> advice = distinct(group, Finding::advice).stream().filter(a -> a != null && !a.isBlank()).toList();
        if (!advice.isEmpty()) {
            detail.append("**Advice:** ").append(String.join("\n\n", advice)).append("\n\n");
        }
        List<Referral> referrals = union(group, Finding::referrals);
        if (!referrals.isEmpty()) {
            detail.append("**Refer to:** ").append(texts(referrals)).append("\n\n");
        }
        List<Diagnostic> diagnostics = union(group, Finding::diagnostics);
        if (!diagnostics.isEmpty()) {
            detail.append("**Tests:** ").append(texts(diagnostics)).append("\n\n");
        }
        List<String> missing = union(group, Finding::inputsMissing);
        if (!missing.isEmpty()) {
            detail.append("**Unknown answers ").append(group.size() == 1 ? "this rule" : "these rules")
                    .append(" would weigh:** ").append(missing.stream().map(f -> "`" + f + "`")
                            .collect(Collectors.joining(", "))).append("\n\n");
        }
        List<Source> cited = sources(group);
        if (!cited.isEmpty()) {
            detail.append("**Sources:**\n\n");
            for (Source source : cited) {
                detail.append("- ").append(source.id()).append(": ").append(source.citation());
                if (!source.url().isBlank()) {
                    detail.append(" <").append(source.url()).append('>');
                }
                detail.append('\n');
            }
        }
        return detail.toString().strip() + "\n";
    }

    /** The sources of the findings of one card, each once, in the order the rules cite them. */
    private static List<Source> sources(List<Finding> group) {
        Map<String, Source> byId = new LinkedHashMap<>();
        group.forEach(finding -> finding.sources().forEach(source -> byId.putIfAbsent(source.id(), source)));
        return List.copyOf(byId.values());
    }

    private static <T> List<T> union(List<Finding> group, Function<Finding, List<T>> part) {
        Set<T> union = new LinkedHashSet<>();
        group.forEach(finding -> union.addAll(part.apply(finding)));
        return List.copyOf(union);
    }

    private static List<String> distinct(List<Finding> group, Function<Finding, String> part) {
        return group.stream().map(part).distinct().toList();
    }

    /** The display texts of these values, joined: "the emergency department, primary care". */
    private static String texts(List<? extends Enum<?>> values) {
        return values.stream().map(DisplayTexts::of).collect(Collectors.joining(", "));
    }

    private static String questionsSummary(Assessment assessment, FhirFacts input) {
        List<Question> questions = assessment.questionsToAsk();
        if (!questions.isEmpty()) {
            return "Still to ask: " + questions.size() + " answer" + (questions.size() == 1 ? "" : "s")
                    + " could change this triage";
        }
        if (!assessment.answersNotUsed().isEmpty()) {
            return "Some answers given were not used by any finding: see the details";
        }
        if (!assessment.suppressedFindings().isEmpty()) {
            return "Findings withheld from this result, and why: see the details";
        }
        return "Some EHR data could not be used for this triage: see the details";
    }

    private static String questionsDetail(Assessment assessment, FhirFacts input) {
        StringBuilder detail = new StringBuilder();
        List<Question> questions = assessment.questionsToAsk();
        if (!questions.isEmpty()) {
            detail.append("These answers are unknown, and each could change the result. Unknown is never read as no.\n\n");
            int number = 1;
            for (Question question : questions) {
                detail.append(number++).append(". ").append(question.question()).append(" (`").append(question.field())
                        .append("`; could change ").append(String.join(", ", question.couldChange()));
                if (question.couldRaiseTo() != null) {
                    detail.append("; could raise the result to ").append(words(question.couldRaiseTo().name()));
                }
                detail.append(")\n");
            }
        }
        if (!assessment.answersNotUsed().isEmpty()) {
            detail.append("\n**Answers not used:** no finding rests on these answers; review them yourself: ")
                    .append(assessment.answersNotUsed().entrySet().stream()
                            .map(answer -> "`" + answer.getKey() + "` = " + answer.getValue())
                            .collect(Collectors.joining(", "))).append(".\n");
        }
        if (!assessment.suppressedFindings().isEmpty()) {
            detail.append("\n**Withheld from this result:**\n\n");
            for (Finding finding : assessment.suppressedFindings()) {
                detail.append("- ").append(DisplayTexts.finding(finding.code())).append(" (rule ").append(finding.ruleId())
                        .append("), withheld by rule ").append(finding.suppressedBy()).append('\n');
            }
        }
        appendDataNotes(detail, input);
        return detail.toString().strip() + "\n";
    }

    private static void appendDataNotes(StringBuilder detail, FhirFacts input) {
        if (!input.notSent().isEmpty()) {
            detail.append("\n**Not sent by the EHR:** ").append(input.notSent().stream().map(k -> "`" + k + "`")
                    .collect(Collectors.joining(", "))).append(". The facts they could give stay as the questionnaire"
                    + " answered them, or unknown.\n");
        }
        if (!input.notes().isEmpty()) {
            detail.append("\n**About the EHR's records:**\n\n");
            for (String note : input.notes()) {
                detail.append("- ").append(note).append('\n');
            }
        }
    }

    private static final String SCREENING_INCOMPLETE = "**Screening incomplete:** a core screening question, or a"
            + " cauda equina question that leg symptoms call for, is unanswered; this result may be less urgent than"
            + " the patient needs. Ask the questions on the last card.\n\n";

    /** An urgency as plain words in a sentence: SELF_CARE as "self care". */
    private static String words(String name) {
        return name.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    static String limit(String summary) {
        return summary.length() <= SUMMARY_LIMIT ? summary : summary.substring(0, SUMMARY_LIMIT - 1) + "…";
    }
}
