package org.nightpain.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Hazard H-20: the tool must never be the only route to emergency care, so the intended-use notice is
 * where people meet the results. Here: the notice itself, the README and the guides of the three ways
 * to get a result. The text report and the CDS Hooks cards, which carry it in every result, are checked
 * by {@code cli.TextReportTest} and {@code hooks.CdsHooksServiceTest}.
 */
class IntendedUseNoticeTest {
    private static final String NOT_THE_ONLY_ROUTE = "never be the only route to emergency care";

    @Test
    void notice_saysDecisionSupport_notADiagnosis_andNeverTheOnlyRouteToEmergencyCare() {
        assertThat(NightPainAssessor.INTENDED_USE).contains("Decision support").contains("does not diagnose")
                .contains(NOT_THE_ONLY_ROUTE);
    }

    @Test
    void readme_opensWithTheIntendedUse() throws IOException {
        String readme = oneLine(Path.of("README.md"));

        int notice = readme.indexOf("**Intended use.**");
        assertThat(notice).as("the README has the intended-use notice").isNotNegative();
        assertThat(notice).as("before the first command").isLessThan(readme.indexOf("```"));
        String block = readme.substring(notice, readme.indexOf("emergency care", notice) + "emergency care".length());
        assertThat(block).contains("Decision support for clinicians").contains("does not make a diagnosis")
                .contains("must " + NOT_THE_ONLY_ROUTE);
    }

    @Test
    void guides_ofTheJsonCodecTheCommandLineAndTheCdsHooksService_carryTheNotice() throws IOException {
        for (String guide : new String[] {"docs/json.md", "docs/cli.md", "docs/cds-hooks.md"}) {
            assertThat(oneLine(Path.of(guide))).as(guide).contains(NOT_THE_ONLY_ROUTE);
        }
        assertThat(oneLine(Path.of("src/main/java/org/nightpain/cds/NightPainAssessor.java")))
                .as("the API documentation").contains("It does not diagnose, and it must " + NOT_THE_ONLY_ROUTE);
    }

    /** A Markdown or source file with its line breaks and comment stars read as single spaces. */
    private static String oneLine(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).replaceAll("\\s*\\n\\s*(\\*\\s*|>\\s*)?", " ");
    }
}
