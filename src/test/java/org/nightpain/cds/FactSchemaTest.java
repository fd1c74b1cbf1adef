package org.nightpain.cds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nightpain.cds.json.AssessmentJson;

/**
 * One fact schema: the fact register ({@code facts.tsv}), {@link PatientFacts} and {@link FactField}
 * generated from it, the keys and ranges the JSON reader accepts, the items of the FHIR Questionnaire and
 * the fact table of docs/json.md all list the same facts with the same types, ranges and values. A
 * difference anywhere fails here.
 */
class FactSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AssessmentJson JSON = AssessmentJson.create(NightPainAssessor.create());
    private static final List<Row> REGISTER = readRegister();

    /** One row of the register, as written. */
    record Row(String name, String type, String unit, String valid, String use, String question) {
        boolean isNumber() {
            return type.equals("integer") || type.equals("decimal");
        }

        /** The allowed values of an answer, in order. */
        List<String> values() {
            return Arrays.asList(valid.split(" "));
        }

        /** The lower and upper bound of a number, from "min-max" with an optional hint after a space. */
        double[] range() {
            String bounds = valid.split(" ", 2)[0];
            int dash = bounds.indexOf('-', 1);
            return new double[] {Double.parseDouble(bounds.substring(0, dash)), Double.parseDouble(bounds.substring(dash + 1))};
        }
    }

    @Test
    void factField_listsTheRegister_inOrder_withItsTypesRangesAndValues() {
        assertThat(FactField.ALL.stream().map(FactField::fieldName).toList())
                .isEqualTo(REGISTER.stream().map(Row::name).toList());
        for (Row row : REGISTER) {
            FactField field = FactField.byName(row.name());
            assertThat(field.unit()).as(row.name()).isEqualTo(row.unit());
            assertThat(field.use().name().toLowerCase()).as(row.name()).isEqualTo(row.use());
            if (row.isNumber()) {
                assertThat(field.kind()).as(row.name())
                        .isEqualTo(row.type().equals("integer") ? FactField.Kind.INTEGER : FactField.Kind.DECIMAL);
                assertThat(new double[] {field.min(), field.max()}).as(row.name()).isEqualTo(row.range());
            } else {
                List<String> constants = Arrays.stream(field.enumType().getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
                assertThat(constants).as(row.name()).isEqualTo(row.values());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FactField.class)
    void json_acceptsExactlyTheRegistersRangeAndValues(FactField field) throws IOException {
        Row row = REGISTER.get(field.ordinal());
        if (row.isNumber()) {
            double[] range = row.range();
            double step = row.type().equals("integer") ? 1 : 0.1;
            assertThat(accepted(row, number(row, range[0]))).as(row.name() + " at its minimum").isTrue();
            assertThat(accepted(row, number(row, range[1]))).as(row.name() + " at its maximum").isTrue();
            assertRejectedNamingTheField(row, number(row, range[0] - step));
            assertRejectedNamingTheField(row, number(row, range[1] + step));
        } else {
            for (String value : row.values()) {
                assertThat(accepted(row, '"' + value + '"')).as(row.name() + " = " + value).isTrue();
            }
            assertRejectedNamingTheField(row, "\"NOT_A_VALUE\"");
        }
    }

    @Test
    void questionnaire_asksEveryFactOfTheRegister_withItsRangeOrValues() throws IOException {
        JsonNode questionnaire = MAPPER.readTree(Path.of("docs/nightpain-triage-questionnaire.json").toFile());
        Map<String, JsonNode> items = new LinkedHashMap<>();
        collectQuestions(questionnaire.path("item"), items);
        assertThat(items.keySet()).containsExactlyInAnyOrderElementsOf(REGISTER.stream().map(Row::name).toList());
        for (Row row : REGISTER) {
            JsonNode item = items.get(row.name());
            if (row.isNumber()) {
                assertThat(item.path("type").asText()).as(row.name()).isEqualTo(row.type());
                double[] range = row.range();
                assertThat(extension(item, "minValue")).as(row.name() + " minValue").isEqualTo(range[0]);
                assertThat(extension(item, "maxValue")).as(row.name() + " maxValue").isEqualTo(range[1]);
            } else if (row.type().equals("yes-no") && !row.use().equals("core")) {
                assertThat(item.path("type").asText()).as(row.name()).isEqualTo("boolean");
            } else {
                // An enumeration, or a required (core) yes/no question: a choice that offers every value.
                List<String> codes = new ArrayList<>();
                item.path("answerOption").forEach(option -> codes.add(option.path("valueCoding").path("code").asText()));
                assertThat(codes).as(row.name()).isEqualTo(row.values());
            }
        }
    }

    @Test
    void docsJson_factTable_isTheRegister() throws IOException {
        GeneratedDocs.check(Path.of("docs/json.md"), "facts", factTable(), "FactSchemaTest");
    }

    /** The fact table of docs/json.md, rendered from the register. */
    static String factTable() {
        StringBuilder out = new StringBuilder("\n| key | type | unit | values or range | use | question |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (Row row : REGISTER) {
            String values = row.isNumber() ? row.valid().split(" ", 2)[0].replace("-", " to ")
                    : String.join(", ", row.values());
            String type = row.isNumber() ? row.type() : row.type().equals("yes-no") ? "yes/no" : "answer";
            out.append("| `").append(row.name()).append("` | ").append(type).append(" | ")
                    .append(row.unit().isEmpty() ? "" : row.unit()).append(" | ").append(values).append(" | ")
                    .append(row.use()).append(" | ").append(row.question()).append(" |\n");
        }
        return out.toString();
    }

    private static void collectQuestions(JsonNode items, Map<String, JsonNode> into) {
        for (JsonNode item : items) {
            if (!item.path("type").asText().equals("group")) {
                into.put(item.path("linkId").asText(), item);
            }
            collectQuestions(item.path("item"), into);
        }
    }

    private static double extension(JsonNode item, String name) {
        for (JsonNode extension : item.path("extension")) {
            if (extension.path("url").asText().endsWith("/" + name)) {
                JsonNode value = extension.has("valueInteger") ? extension.get("valueInteger") : extension.get("valueDecimal");
                return value.asDouble();
            }
        }
        throw new AssertionError(item.path("linkId").asText() + " has no " + name + " extension");
    }

    private static String number(Row row, double value) {
        return row.type().equals("integer") ? Long.toString(Math.round(value))
                : Double.toString(Math.round(value * 10) / 10.0);
    }

    /** Whether the JSON reader takes {@code "name": value} (with a pregnancy for the weeks of gestation). */
    private static boolean accepted(Row row, String value) throws IOException {
        return !response(row, value).has("error");
    }

    private static void assertRejectedNamingTheField(Row row, String value) throws IOException {
        JsonNode error = response(row, value).path("error");
        assertThat(error.path("code").asText()).as(row.name() + " = " + value).isEqualTo("INVALID_INPUT");
        List<String> fields = new ArrayList<>();
        error.path("problems").forEach(problem -> fields.add(problem.path("field").asText()));
        assertThat(fields).as(row.name() + " = " + value).containsExactly(row.name());
    }

    private static JsonNode response(Row row, String value) throws IOException {
        String context = row.name().equals("gestationWeeks") ? ", \"pregnant\": \"YES\"" : "";
        return MAPPER.readTree(JSON.assess("{\"" + row.name() + "\": " + value + context + "}"));
    }

    private static List<Row> readRegister() {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = FactSchemaTest.class.getResourceAsStream("/org/nightpain/cds/rules/facts.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                rows.add(new Row(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(rows);
    }
}
