package org.nightpain.cds.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.GeneratedDocs;
import org.nightpain.cds.KnowledgeBaseInfo;
import org.nightpain.cds.json.AssessmentJson;

/**
 * The examples of docs/cli.md and docs/json.md are what the command line writes today: the text report and
 * the JSON result for {@code examples/red-flag.json} as of a fixed time, the first lines of {@code rules}
 * and the output of {@code version}. Regenerate them with {@code -Dnightpain.writeDocs=true} after a change
 * to the knowledge base.
 */
class CliDocsTest {
    private static final Path CLI_MD = Path.of("docs/cli.md");
    private static final Path JSON_MD = Path.of("docs/json.md");
    private static final String AS_OF = "2026-11-25T08:00:00Z";

    /** The answer to {@code examples/red-flag.json} as of a fixed time, as the command line gets it. */
    private static AssessmentJson.Answer redFlagAnswer() throws IOException {
        String request = Files.readString(Path.of("examples/red-flag.json"));
        request = request.replaceFirst("\\{", "{\n  \"asOf\": \"" + AS_OF + "\",");
        return AssessmentJson.create(Fixtures.ASSESSOR).withPrettyPrinting()
                .answer(request.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void textReportExample_isWhatTheReportSays() throws IOException {
        AssessmentJson.Answer answer = redFlagAnswer();
        String report = TextReport.assessment(answer.id(), answer.assessment());
        GeneratedDocs.check(CLI_MD, "text-report", "\n```\n" + report + "```\n", "CliDocsTest");
    }

    @Test
    void jsonResultExample_isWhatTheCodecWrites() throws IOException {
        String result = redFlagAnswer().json();
        GeneratedDocs.check(JSON_MD, "result", "\n```json\n" + result + "\n```\n", "CliDocsTest");
    }

    @Test
    void rulesExample_isTheStartOfTheCatalogue() throws IOException {
        String[] lines = TextReport.rules(Fixtures.ASSESSOR.knowledgeBase(), Fixtures.ASSESSOR.rules()).split("\n");
        StringBuilder head = new StringBuilder("\n```\n");
        for (int i = 0; i < 9; i++) {
            head.append(lines[i]).append('\n');
        }
        GeneratedDocs.check(CLI_MD, "rules-head", head.append("```\n").toString(), "CliDocsTest");
    }

    @Test
    void versionExample_namesThisBuildAndItsKnowledgeBase() throws IOException {
        KnowledgeBaseInfo kb = Fixtures.ASSESSOR.knowledgeBase();
        String version = "\n```\nnightpain-cds " + projectVersion() + "\nknowledge base " + kb.id() + " " + kb.version()
                + "\nsha256 " + kb.sha256() + "\n```\n";
        GeneratedDocs.check(CLI_MD, "version", version, "CliDocsTest");
    }

    private static String projectVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>nightpain-cds</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        if (!version.find()) {
            throw new IllegalStateException("pom.xml has no version for nightpain-cds");
        }
        return version.group(1);
    }
}
