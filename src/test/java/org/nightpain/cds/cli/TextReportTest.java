package org.nightpain.cds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Finding;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.json.AssessmentJson;

class TextReportTest {
    private static Assessment vignette(String id) {
        return Fixtures.assess(Fixtures.builderFrom(Fixtures.vignettes().stream()
                .filter(v -> v.id().equals(id)).findFirst().orElseThrow().facts()));
    }

    @Test
    void report_listsEveryPresentedFindingWithTheFactsThatFiredIt() {
        Assessment assessment = vignette("V01");

        String report = TextReport.assessment("V01", assessment);

        assertThat(report).startsWith("Assessment of request \"V01\"");
        for (Finding finding : assessment.findings()) {
            assertThat(report).contains(finding.code(), finding.ruleId());
            finding.inputsUsed().keySet().forEach(fact -> assertThat(report).contains(fact + " = "));
        }
        assertThat(report.indexOf("URGENCY:   EMERGENCY")).isLessThan(report.indexOf(assessment.findings().get(0).code()));
    }

    /** Hazard H-20: every report, emergencies included, ends with the intended-use notice. */
    @Test
    void everyReport_endsWithTheIntendedUseNotice() {
        for (Fixtures.Vignette vignette : Fixtures.vignettes()) {
            Assessment assessment = Fixtures.assess(Fixtures.builderFrom(vignette.facts()));
            String report = TextReport.assessment(vignette.id(), assessment).strip().replaceAll("\\s+", " ");

            assertThat(report).as(vignette.id()).endsWith(NightPainAssessor.INTENDED_USE)
                    .contains("must never be the only route to emergency care");
            assertThat(report.indexOf(NightPainAssessor.INTENDED_USE)).as(vignette.id() + ": after every finding")
                    .isGreaterThan(report.lastIndexOf(assessment.findings().get(assessment.findings().size() - 1).code()));
        }
    }

    @Test
    void report_marksInformationalFindings() {
        Assessment assessment = vignette("V44");

        assertThat(assessment.findings()).anyMatch(Finding::isInformational);
        assertThat(TextReport.assessment(null, assessment)).contains("INFLAMMATORY_SCREEN_INCOMPLETE  [informational]");
    }

    @Test
    void report_namesWithheldFindingsOfAnUrgentResult() {
        Assessment assessment = vignette("V18");

        assertThat(assessment.suppressedFindings()).isNotEmpty();
        String report = TextReport.assessment(null, assessment);
        assertThat(report).contains("WITHHELD from this " + assessment.highestUrgency());
        assessment.suppressedFindings().forEach(f -> assertThat(report).contains("  - " + f.code() + " (" + f.ruleId() + ")"));
    }

    @Test
    void errorReport_givesThePositionOfMalformedJson() {
        AssessmentJson.Answer error = AssessmentJson.create(Fixtures.ASSESSOR)
                .answer("{\n\"ageYears\": 4".getBytes(StandardCharsets.UTF_8));

        assertThat(TextReport.answer(error)).startsWith("NOT ASSESSED").contains("line 2, column");
    }

    /** Clinical-knowledge §9.5: "screening incomplete" beside the urgency, and the answers not used. */
    @Test
    void report_saysWhenTheScreeningIsIncomplete_andListsTheAnswersNotUsed() {
        Assessment incomplete = vignette("V94");
        Assessment unused = vignette("V101");

        assertThat(incomplete.screeningComplete()).isFalse();
        assertThat(TextReport.assessment(null, incomplete)).contains("URGENCY:   URGENT  (screening incomplete");
        assertThat(TextReport.assessment(null, vignette("V45"))).doesNotContain("screening incomplete");
        assertThat(TextReport.assessment(null, unused)).contains("ANSWERS NOT USED", "ibd = YES");
    }
}
