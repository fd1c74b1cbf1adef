package org.nightpain.cds.hooks;

import org.nightpain.cds.fhir.CodeLists;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The documentation shows what the service really does: the Questionnaire file is the generated one,
 * the example request in {@code docs/cds-hooks.md} is valid FHIR and its response is what the service
 * answers, and every code of the code lists is in the documented table. Run with {@code -Dnightpain.writeDocs=true} to rewrite the
 * generated parts after a change.
 */
@ExtendWith(SharedServer.class)
class DocsTest {
    static final Path GUIDE = Path.of("docs", "cds-hooks.md");
    static final Path QUESTIONNAIRE = Path.of("docs", "nightpain-triage-questionnaire.json");
    private static final boolean WRITE = Boolean.getBoolean("nightpain.writeDocs");
    private static final String REGENERATE = "regenerate with: mvn -Dtest=DocsTest -Dnightpain.writeDocs=true test";

    @Test
    void questionnaireFile_isTheGeneratedQuestionnaire() throws IOException {
        String generated = SharedServer.client().get("questionnaire").body() + "\n";
        if (WRITE) {
            Files.writeString(QUESTIONNAIRE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(QUESTIONNAIRE, StandardCharsets.UTF_8)).as(REGENERATE).isEqualTo(generated);
    }

    @Test
    void exampleResponse_isWhatTheExampleRequestGets() throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        Matcher request = block("example-request").matcher(guide);
        Matcher response = block("example-response").matcher(guide);
        assertThat(request.find()).as("the guide has an example request").isTrue();
        assertThat(response.find()).as("the guide has an example response").isTrue();

        HttpResponse<String> real = SharedServer.client().post("cds-services/nightpain-triage", request.group(2));

        assertThat(real.statusCode()).as(real.body()).isEqualTo(200);
        if (WRITE) {
            Files.writeString(GUIDE, guide.substring(0, response.start(2)) + real.body() + "\n"
                    + guide.substring(response.end(2)), StandardCharsets.UTF_8);
            return;
        }
        assertThat(Hooks.withoutUuids(Hooks.parse(response.group(2)))).as(REGENERATE)
                .isEqualTo(Hooks.withoutUuids(Hooks.parse(real.body())));
    }

    /**
     * The example call is what an EHR would really send: every prefetch resource is valid FHIR R4 (search
     * Bundles with fullUrl, self link and search mode), the answers follow the Questionnaire (its groups and
     * order, a coding for a required yes/no question, no answer to a question it hides), and the body
     * temperature is a vital sign by the FHIR body temperature profile.
     */
    @Test
    void exampleRequest_isValidFhir() throws IOException {
        Matcher request = block("example-request").matcher(Files.readString(GUIDE, StandardCharsets.UTF_8));
        assertThat(request.find()).isTrue();
        JsonNode prefetch = Hooks.parse(request.group(2)).get("prefetch");

        prefetch.fields().forEachRemaining(key -> {
            if (!key.getValue().isNull()) {
                assertThat(FhirValidation.problems(key.getValue().toString())).as(key.getKey()).isEmpty();
            }
        });
        JsonNode answers = prefetch.at("/questionnaireResponse/entry/0/resource");
        assertThat(answers.get("resourceType").asText()).isEqualTo("QuestionnaireResponse");
        assertThat(FhirValidation.problems(answers.toString())).isEmpty();
        assertThat(FhirValidation.problems(prefetch.at("/bodyTemperature/entry/0/resource").toString(),
                "http://hl7.org/fhir/StructureDefinition/bodytemp")).isEmpty();
    }

    @Test
    void discoveryInTheGuide_isWhatTheServiceAnswers() throws IOException {
        Matcher discovery = block("discovery").matcher(Files.readString(GUIDE, StandardCharsets.UTF_8));
        assertThat(discovery.find()).as("the guide shows the discovery response").isTrue();

        assertThat(Hooks.parse(discovery.group(2))).isEqualTo(Hooks.parse(SharedServer.client().get("cds-services").body()));
    }

    @Test
    void everyCodeOfTheCodeLists_isInTheGuide() throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        for (CodeLists.Entry entry : CodeLists.load().entries()) {
            assertThat(guide).as("code list row for %s", entry.fact().fieldName())
                    .contains("| " + entry.fact().fieldName() + " | " + entry.system() + " | " + entry.match().name().toLowerCase()
                            + " | `" + entry.code() + "` | " + counts(entry) + " |");
        }
    }

    /** The counts column as the guide shows it: ever, current, or "course of 3 months". */
    private static String counts(CodeLists.Entry entry) {
        return entry.counts() == CodeLists.Counts.COURSE ? "course of " + entry.courseMonths() + " months"
                : entry.counts().name().toLowerCase(Locale.ROOT);
    }

    /** The fenced JSON block after an HTML comment marker; group 2 is its content. */
    private static Pattern block(String marker) {
        return Pattern.compile("(<!-- " + marker + " -->\\s*```json\\n)(.*?)\\n```", Pattern.DOTALL);
    }
}
