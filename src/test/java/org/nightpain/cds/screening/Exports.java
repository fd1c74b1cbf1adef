package org.nightpain.cds.screening;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.Urgency;

/** Small exports written by hand for the tests, and one screen of them. */
final class Exports {
    static final Instant AS_OF = Instant.parse("2026-11-25T08:00:00Z");
    static final String QUESTIONNAIRE = "http://example.org/fhir/nightpain-cds/Questionnaire/nightpain-triage";
    private static final NightPainAssessor ASSESSOR = NightPainAssessor.create();

    private Exports() {
    }

    static String patient(String id, String birthDate) {
        return "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"birthDate\":\"" + birthDate + "\"}";
    }

    static String condition(String id, String patientReference, String system, String code) {
        return "{\"resourceType\":\"Condition\",\"id\":\"" + id + "\",\"subject\":{\"reference\":\"" + patientReference
                + "\"},\"code\":{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code + "\"}]}}";
    }

    /**
     * A response to the triage questionnaire whose items are yes/no answers ("nightPain=true"); any other
     * value is written as a JSON string, which is not a valueBoolean.
     */
    static String answers(String id, String patientField, String patientReference, String... answers) {
        StringBuilder items = new StringBuilder();
        for (String answer : answers) {
            String[] parts = answer.split("=");
            String value = parts[1].equals("true") || parts[1].equals("false") ? parts[1] : "\"" + parts[1] + "\"";
            items.append(items.length() == 0 ? "" : ",").append("{\"linkId\":\"").append(parts[0])
                    .append("\",\"answer\":[{\"valueBoolean\":").append(value).append("}]}");
        }
        return "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"" + id + "\",\"questionnaire\":\"" + QUESTIONNAIRE
                + "\",\"status\":\"completed\",\"" + patientField + "\":{\"reference\":\"" + patientReference
                + "\"},\"authored\":\"2026-11-24T10:00:00Z\",\"item\":[" + items + "]}";
    }

    /** Writes a file of lines (each followed by a line feed). */
    static void file(Path folder, String name, String... lines) throws IOException {
        Files.createDirectories(folder);
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        Files.write(folder.resolve(name), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static BulkScreen.Result screen(Path export, Path out) throws IOException {
        return BulkScreen.run(BulkScreen.Options.of(export, out, AS_OF, Urgency.SOON), ASSESSOR, new BulkScreen.Listener() { });
    }
}
