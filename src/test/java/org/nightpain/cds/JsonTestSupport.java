package org.nightpain.cds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reading JSON output in tests. */
public final class JsonTestSupport {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonTestSupport() {
    }

    /** The keys of an object, in the order written. */
    public static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Newline-delimited output: one object per line, every line ended. */
    public static List<JsonNode> ndjson(String output) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        if (output.isEmpty()) {
            return lines;
        }
        assertThat(output).as("every line ended").endsWith("\n");
        for (String line : output.split("\n")) {
            lines.add(MAPPER.readTree(line));
        }
        return lines;
    }
}
