package org.nightpain.cds.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.GeneratedDocs;
import org.nightpain.cds.KnowledgeBaseInfo;
import org.nightpain.cds.json.AssessmentRequest;
import org.nightpain.cds.json.JsonCodec;

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

    private static AssessmentRequest redFlagRequest() throws IOException {
        String request = Files.readString(Path.of("examples/red-flag.json"));
        request = request.replaceFirst("\\{", "{\n  \"asOf\": \"" + AS_OF + "\",");
        return JsonCodec.create().parseRequest(request);
    }

    private static Assessment assess(AssessmentRequest request) {
        return Fixtures.ASSESSOR.assess(request.facts(), request.asOf());
    }

    @Test
    void textReportExample_isWhatTheReportSays() throws IOException {
        AssessmentRequest request = redFlagRequest();
        String report = TextReport.assessment(request.id(), assess(request));
        GeneratedDocs.check(CLI_MD, "text-report", "\n```\n" + report + "```\n", "CliDocsTest");
    }

    @Test
    void jsonResultExample_isWhatTheCodecWrites() throws IOException {
        AssessmentRequest request = redFlagRequest();
        String result = JsonCodec.create().withPrettyPrinting().writeResult(request.id(), assess(request));
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
