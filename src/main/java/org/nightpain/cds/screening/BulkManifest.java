package org.nightpain.cds.screening;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The manifest of a FHIR Bulk Data export: the JSON body of the completed {@code $export} status
 * request, whose {@code output} array names one file per entry with its resource {@code type} and
 * {@code url}. Only {@code output} is read; {@code error} files (OperationOutcomes) are not records to
 * screen.
 *
 * @param outputs         the files, in the manifest's order
 * @param transactionTime the export's {@code transactionTime}, or null when it has none that can be read
 */
public record BulkManifest(List<Output> outputs, Instant transactionTime) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One output file.
     *
     * @param type the resource type the manifest says the file holds
     * @param url  where the file is, as written in the manifest
     */
    public record Output(String type, String url) {
    }

    /**
     * Copies the list of outputs, so that the manifest is immutable.
     *
     * @param outputs         the files, in the manifest's order
     * @param transactionTime the export's {@code transactionTime}, or null when it has none that can be read
     */
    public BulkManifest {
        outputs = List.copyOf(outputs);
    }

    /**
     * Reads a manifest.
     *
     * @param manifest the manifest's bytes (JSON)
     * @param name     the manifest's name, for messages
     * @return the manifest's outputs and transaction time
     * @throws BulkExportException when it is not a manifest, naming what is wrong
     */
    public static BulkManifest parse(byte[] manifest, String name) throws BulkExportException {
        JsonNode root;
        try {
            root = JSON.readTree(manifest);
        } catch (JsonParseException e) {
            throw new BulkExportException(name + " is not a Bulk Data manifest: not JSON (line "
                    + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new BulkExportException(name + " is not a Bulk Data manifest: " + e.getMessage());
        }
        JsonNode output = root == null ? null : root.get("output");
        if (output == null || !output.isArray()) {
            throw new BulkExportException(name + " is not a Bulk Data manifest: it has no \"output\" array");
        }
        List<Output> outputs = new ArrayList<>();
        for (int i = 0; i < output.size(); i++) {
            JsonNode entry = output.get(i);
            JsonNode type = entry.get("type");
            JsonNode url = entry.get("url");
            if (type == null || !type.isTextual() || url == null || !url.isTextual() || url.asText().isBlank()) {
                throw new BulkExportException(name + ": output[" + i + "] needs a \"type\" and a \"url\" string");
            }
            outputs.add(new Output(type.asText(), url.asText()));
        }
        return new BulkManifest(outputs, instant(root.get("transactionTime")));
    }

    private static Instant instant(JsonNode time) {
        if (time == null || !time.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(time.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
