package org.nightpain.cds.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Finding;
import org.nightpain.cds.KnowledgeBaseInfo;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.Question;
import org.nightpain.cds.RuleInfo;
import org.nightpain.cds.Source;
import org.nightpain.cds.json.AssessmentJson;
import org.nightpain.cds.json.ErrorCode;
import org.nightpain.cds.json.JsonProblem;

/**
 * Plain-text reports for a clinician: the urgency and referrals first, then each finding with the facts
 * that fired it, what to do and what it rests on, then the questions still to ask.
 */
final class TextReport {
    private static final int WIDTH = 100;
    private static final String NOTICE = NightPainAssessor.INTENDED_USE;

    private TextReport() {
    }

    static String assessment(String id, Assessment assessment) {
        StringBuilder out = new StringBuilder();
        out.append("Assessment").append(id == null ? "" : " of request \"" + id + "\"")
                .append(", as of ").append(assessment.assessedAt()).append('\n');
        KnowledgeBaseInfo kb = assessment.knowledgeBase();
        out.append("Knowledge base ").append(kb.id()).append(' ').append(kb.version()).append("\n\n");
        out.append("URGENCY:   ").append(assessment.highestUrgency())
                .append(assessment.screeningComplete() ? "" : "  (screening incomplete: see the questions still to ask)")
                .append('\n');
        out.append("REFER TO:  ").append(join(assessment.referrals())).append("\n\n");

        out.append("FINDINGS (most urgent first)\n");
        int number = 1;
        for (Finding finding : assessment.findings()) {
            out.append('\n');
            finding(out, number++, finding);
        }
        if (!assessment.suppressedFindings().isEmpty()) {
            out.append("\nWITHHELD from this ").append(assessment.highestUrgency())
                    .append(" result (superseded, or self-care advice; kept for the record)\n");
            for (Finding finding : assessment.suppressedFindings()) {
                out.append("  - ").append(finding.code()).append(" (").append(finding.ruleId())
                        .append("), withheld by ").append(finding.suppressedBy()).append('\n');
            }
        }
        out.append("\nANSWERS NOT USED");
        if (assessment.answersNotUsed().isEmpty()) {
            out.append(": none (every answer given was weighed by a finding above)\n");
        } else {
            out.append(" (given, but no finding above rests on them; review them yourself)\n");
            wrap(out, "  ", "  ", assessment.answersNotUsed().entrySet().stream().map(TextReport::fact)
                    .collect(Collectors.joining(", ")));
        }
        out.append("\nQUESTIONS STILL TO ASK");
        if (assessment.questionsToAsk().isEmpty()) {
            out.append(": none\n");
        } else {
            out.append(" (the answers could change this result)\n");
            for (Question question : assessment.questionsToAsk()) {
                wrap(out, "  - ", "    ", question.question() + " [" + question.field() + "; could change "
                        + String.join(", ", question.couldChange())
                        + (question.couldRaiseTo() == null ? "" : "; could raise the result to " + question.couldRaiseTo())
                        + "]");
            }
        }
        out.append('\n');
        wrap(out, "", "", NOTICE);
        return out.toString();
    }

    private static void finding(StringBuilder out, int number, Finding finding) {
        String head = number + ". ";
        String indent = " ".repeat(head.length());
        out.append(head).append(finding.code()).append("  [")
                .append(finding.urgency() == null ? "informational" : finding.urgency().name()).append("]\n");
        out.append(indent).append("Rule ").append(finding.ruleId()).append(' ').append(finding.ruleVersion())
                .append(", ").append(finding.category()).append(", evidence ").append(finding.evidence()).append('\n');
        wrap(out, indent + "Why:       ", indent + "           ", finding.rationale());
        if (!finding.inputsUsed().isEmpty()) {
            wrap(out, indent + "Because:   ", indent + "           ", finding.inputsUsed().entrySet().stream()
                    .map(TextReport::fact).collect(Collectors.joining(", ")));
        }
        if (!finding.inputsMissing().isEmpty()) {
            wrap(out, indent + "Not known: ", indent + "           ", String.join(", ", finding.inputsMissing()));
        }
        if (!finding.referrals().isEmpty()) {
            out.append(indent).append("Refer to:  ").append(join(finding.referrals())).append('\n');
        }
        if (!finding.diagnostics().isEmpty()) {
            wrap(out, indent + "Tests:     ", indent + "           ", join(finding.diagnostics()));
        }
        if (finding.advice() != null && !finding.advice().isBlank()) {
            wrap(out, indent + "Advice:    ", indent + "           ", finding.advice());
        }
        out.append(indent).append("Sources:\n");
        for (Source source : finding.sources()) {
            wrap(out, indent + "  - ", indent + "    ", source.id() + ": " + source.citation()
                    + (source.url() == null || source.url().isEmpty() ? "" : " " + source.url()));
        }
    }

    /** The report of one answer: the assessment, or why the request was not assessed. */
    static String answer(AssessmentJson.Answer answer) {
        if (answer.assessment() != null) {
            return assessment(answer.id(), answer.assessment());
        }
        if (answer.error() == ErrorCode.INTERNAL_ERROR) {
            return "NOT ASSESSED: " + answer.problems().get(0).message() + "\n";
        }
        StringBuilder out = new StringBuilder();
        out.append("NOT ASSESSED: the request").append(answer.id() == null ? "" : " \"" + answer.id() + "\"")
                .append(answer.error() == ErrorCode.MALFORMED_JSON ? " is not valid JSON" : " has invalid input")
                .append(" (").append(answer.error()).append(").\n");
        for (JsonProblem problem : answer.problems()) {
            String where = problem.line() != null ? "line " + problem.line() + ", column " + problem.column()
                    : problem.field() == null ? "request" : problem.field() + " = " + shown(problem.value());
            wrap(out, "  - ", "    ", where + ": " + problem.message());
        }
        return out.toString();
    }

    static String rules(KnowledgeBaseInfo kb, List<RuleInfo> rules) {
        StringBuilder out = new StringBuilder();
        out.append("Knowledge base ").append(kb.id()).append(' ').append(kb.version())
                .append(" (sha256 ").append(kb.sha256()).append(")\n\n");
        List<Function<RuleInfo, String>> columns = List.of(
                RuleInfo::id,
                RuleInfo::code,
                rule -> rule.urgency() == null ? "informational" : rule.urgency().name(),
                rule -> join(rule.referrals()),
                rule -> rule.sources().stream().map(Source::id).collect(Collectors.joining(", ")));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"RULE", "CODE", "URGENCY", "REFERRALS", "SOURCES"});
        for (RuleInfo rule : rules) {
            rows.add(columns.stream().map(column -> column.apply(rule)).toArray(String[]::new));
        }
        int[] widths = new int[columns.size()];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String fact(Map.Entry<String, Object> input) {
        Object value = input.getValue();
        return input.getKey() + " = " + (value instanceof Enum<?> constant ? constant.name() : value);
    }

    private static String shown(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }

    private static String join(List<? extends Enum<?>> values) {
        return values.isEmpty() ? "none" : values.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    /** Appends text wrapped at {@link #WIDTH} columns: the first line after {@code first}, the rest after {@code rest}. */
    private static void wrap(StringBuilder out, String first, String rest, String text) {
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : text.trim().split("\\s+")) {
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line = new StringBuilder(rest);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        out.append(line).append('\n');
    }
}
