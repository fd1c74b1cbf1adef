package org.nightpain.cds.screening;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.nightpain.cds.json.Utf8;

/**
 * Reads one line of a Bulk Data NDJSON file just far enough to know what it is: a resource of a type
 * that screening reads, with its id and the patient it belongs to; a resource of another type; or a
 * line that is not a resource at all. The whole line is checked to be one JSON value in UTF-8, so a
 * line cut off half-way is caught here; reading it as FHIR is left for when the patient's records are
 * together. Stateless and thread-safe.
 */
public final class RecordClassifier {
    /** The longest line read, in bytes; a longer one is invalid. */
    public static final int MAX_LINE_BYTES = 16 << 20;

    /** The resource types that screening reads, in the order a patient's records are sorted. */
    public static final List<String> SCREENED_TYPES = List.of("Patient", "QuestionnaireResponse", "Condition",
            "Observation", "MedicationStatement");

    private static final Set<String> REFERENCE_FIELDS = Set.of("subject", "source", "author");

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_LINE_BYTES).maxNumberLength(MAX_LINE_BYTES).build())
            .build();

    /**
     * What one line is.
     *
     * @param reason       why it is not used, or null for a resource of a screened type
     * @param resourceType the resource type when known, else null
     * @param id           the resource id when known, else null
     * @param patient      the patient's key ({@code Patient/<id>}) for a screened resource, else null
     */
    public record Line(RecordReason reason, String resourceType, String id, String patient) {
        /** {@return true for a resource of a screened type with an id and a patient} */
        public boolean screened() {
            return reason == null;
        }
    }

    private RecordClassifier() {
    }

    /**
     * Classifies one line (without its line end). A UTF-8 byte order mark at its start is ignored.
     *
     * @param bytes  the bytes that hold the line
     * @param offset where the line starts in {@code bytes}
     * @param length the line's length; a length above {@link #MAX_LINE_BYTES} means the line was too long
     *               (and only part of it was kept)
     * @return what the line is
     */
    public static Line classify(byte[] bytes, int offset, int length) {
        if (length > MAX_LINE_BYTES) {
            return new Line(RecordReason.LINE_TOO_LONG, null, null, null);
        }
        int start = offset;
        int count = length;
        if (count >= 3 && (bytes[start] & 0xFF) == 0xEF && (bytes[start + 1] & 0xFF) == 0xBB
                && (bytes[start + 2] & 0xFF) == 0xBF) {
            start += 3;
            count -= 3;
        }
        if (Utf8.check(bytes, start, count) != null) {
            return new Line(RecordReason.NOT_UTF8, null, null, null);
        }
        try (JsonParser parser = JSON.createParser(bytes, start, count)) {
            return classify(parser);
        } catch (IOException e) {
            return new Line(RecordReason.MALFORMED_JSON, null, null, null);
        }
    }

    private static Line classify(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return end(parser, new Line(RecordReason.NO_RESOURCE_TYPE, null, null, null));
        }
        String resourceType = null;
        String id = null;
        String[] references = new String[3];
        String[] types = new String[3];
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("resourceType") && value == JsonToken.VALUE_STRING) {
                resourceType = parser.getText();
            } else if (field.equals("id") && value == JsonToken.VALUE_STRING) {
                id = parser.getText();
            } else if (REFERENCE_FIELDS.contains(field) && value == JsonToken.START_OBJECT) {
                int slot = field.equals("subject") ? 0 : field.equals("source") ? 1 : 2;
                readReference(parser, references, types, slot);
            } else {
                parser.skipChildren();
            }
        }
        return end(parser, line(resourceType, id, references, types));
    }

    /** Checks that nothing but white space follows the value. */
    private static Line end(JsonParser parser, Line line) throws IOException {
        if (parser.nextToken() != null) {
            return new Line(RecordReason.MALFORMED_JSON, null, null, null);
        }
        return line;
    }

    private static void readReference(JsonParser parser, String[] references, String[] types, int slot)
            throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("reference") && value == JsonToken.VALUE_STRING) {
                references[slot] = parser.getText();
            } else if (field.equals("type") && value == JsonToken.VALUE_STRING) {
                types[slot] = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
    }

    private static Line line(String resourceType, String id, String[] references, String[] types) {
        if (resourceType == null || resourceType.isBlank()) {
            return new Line(RecordReason.NO_RESOURCE_TYPE, null, id, null);
        }
        if (!SCREENED_TYPES.contains(resourceType)) {
            return new Line(RecordReason.TYPE_NOT_SCREENED, resourceType, id, null);
        }
        if (id == null || id.isBlank()) {
            return new Line(RecordReason.NO_ID, resourceType, null, null);
        }
        if (resourceType.equals("Patient")) {
            return new Line(null, resourceType, id, "Patient/" + id);
        }
        // The subject; a QuestionnaireResponse without a Patient subject may name its patient as source or author.
        int slots = resourceType.equals("QuestionnaireResponse") ? 3 : 1;
        boolean otherType = false;
        for (int slot = 0; slot < slots; slot++) {
            if (references[slot] == null) {
                continue;
            }
            PatientReference reference = PatientReference.parse(references[slot], types[slot]);
            if (reference.patientId() != null) {
                return new Line(null, resourceType, id, "Patient/" + reference.patientId());
            }
            otherType |= reference.otherType();
        }
        return new Line(otherType ? RecordReason.NOT_A_PATIENT : RecordReason.NO_PATIENT_REFERENCE, resourceType, id, null);
    }
}
