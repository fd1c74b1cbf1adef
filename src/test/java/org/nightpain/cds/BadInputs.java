package org.nightpain.cds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The corpus of bad requests in {@code src/test/resources/bad-inputs/}: each file with its expected
 * error code, the fields its problems name and the command line's exit code, as listed in
 * {@code expected.tsv}. Shared by the codec's test and the command line's test.
 */
public final class BadInputs {
    private static final ObjectMapper MAPPER = JsonTestSupport.MAPPER;
    private static final String FOLDER = "/bad-inputs/";

    /**
     * One bad input.
     *
     * @param file     the file name; {@code .ndjson} files are batches
     * @param exitCode the command line's expected exit code
     * @param codes    the expected error code; for a batch, one per non-blank line, {@code OK} for a result
     * @param fields   the fields the problems name, in order ({@code -} for a problem without a field)
     * @param messageWords words that the messages of the problems must contain between them (for example
     *                     the allowed values), none when the column is left out
     */
    public record Case(String file, int exitCode, List<String> codes, List<String> fields, String description,
                       List<String> messageWords) {
        public boolean isBatch() {
            return file.endsWith(".ndjson");
        }

        public byte[] bytes() {
            try (InputStream in = BadInputs.class.getResourceAsStream(FOLDER + file)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Checks what came out for this input: a single result or error object, or one per line. */
        public void assertOutput(byte[] output) throws IOException {
            String text = new String(output, StandardCharsets.UTF_8);
            if (!isBatch()) {
                JsonNode error = MAPPER.readTree(text);
                assertThat(JsonTestSupport.fieldNames(error)).as("%s: an error and no result: %s", file, text)
                        .containsExactly("id", "error");
                assertThat(error.at("/error/code").asText()).as("%s: %s", file, text).isEqualTo(codes.get(0));
                List<String> named = new ArrayList<>();
                error.at("/error/problems").forEach(p -> named.add(p.get("field").isNull() ? "-" : p.get("field").asText()));
                assertThat(named).as("%s: fields of %s", file, text).isEqualTo(fields);
                StringBuilder messages = new StringBuilder();
                error.at("/error/problems").forEach(p -> messages.append(p.get("message").asText()).append('\n'));
                for (String word : messageWords) {
                    assertThat(messages.toString()).as("%s: messages of %s", file, text).contains(word);
                }
                if (codes.get(0).equals("MALFORMED_JSON")) {
                    assertThat(error.at("/error/problems/0/line").isInt()).as("%s: line of %s", file, text).isTrue();
                    assertThat(error.at("/error/problems/0/column").isInt()).as("%s: column", file).isTrue();
                }
                return;
            }
            List<JsonNode> lines = JsonTestSupport.ndjson(text);
            assertThat(lines).as("%s: one output line per request", file).hasSameSizeAs(codes);
            List<Long> inputLines = requestLines();
            int good = 0;
            for (int i = 0; i < codes.size(); i++) {
                JsonNode out = lines.get(i);
                if (codes.get(i).equals("OK")) {
                    good++;
                    assertThat(out.get("highestUrgency")).as("%s line %d: %s", file, inputLines.get(i), out).isNotNull();
                    assertThat(out.get("id").asText()).as("%s: good requests in order", file).isEqualTo("good-" + good);
                } else {
                    assertThat(out.at("/error/code").asText()).as("%s: %s", file, out).isEqualTo(codes.get(i));
                    assertThat(out.at("/error/line").asLong()).as("%s: line of %s", file, out).isEqualTo(inputLines.get(i));
                }
            }
        }

        /** The line numbers of the non-blank lines of a batch. */
        private List<Long> requestLines() {
            List<Long> numbers = new ArrayList<>();
            String[] lines = new String(bytes(), StandardCharsets.ISO_8859_1).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    numbers.add(i + 1L);
                }
            }
            return numbers;
        }

        @Override
        public String toString() {
            return file + " (" + description + ")";
        }
    }

    private BadInputs() {
    }

    /** Every case of {@code expected.tsv}. */
    public static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = BadInputs.class.getResourceAsStream(FOLDER + "expected.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                cases.add(new Case(columns[0], Integer.parseInt(columns[1]), List.of(columns[2].split(",")),
                        columns[3].isEmpty() ? List.of() : List.of(columns[3].split(",")), columns[4],
                        columns.length > 5 ? List.of(columns[5].split(" ")) : List.of()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }
}
