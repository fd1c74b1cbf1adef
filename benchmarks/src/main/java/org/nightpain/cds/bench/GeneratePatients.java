package org.nightpain.cds.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.FactField;

/**
 * Writes generated patients as NDJSON requests (one JSON object a line) to standard output, for the batch
 * timing of {@code assess --ndjson}. Arguments: the number of patients (default 1000000) and the seed.
 * Unknown answers and numbers not given are left out, as a client would leave them out.
 */
public final class GeneratePatients {
    private GeneratePatients() {
    }

    public static void main(String[] args) throws IOException {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : Patients.SEED;
        Patients patients = new Patients(seed);
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        StringBuilder line = new StringBuilder(2048);
        for (long i = 1; i <= count; i++) {
            line.setLength(0);
            appendRequest(line, i, patients.next());
            out.append(line).append('\n');
        }
        out.flush();
    }

    /** Appends one request, {@code {"id":"p<number>", ...}}, without a line end. */
    public static void appendRequest(StringBuilder line, long number, PatientFacts facts) {
        line.append("{\"id\":\"p").append(number).append('"');
        for (FactField field : FactField.ALL) {
            if (field.isUnknown(facts)) {
                continue;
            }
            Object value = field.read(facts);
            line.append(",\"").append(field.fieldName()).append("\":");
            if (value instanceof Enum<?> answer) {
                line.append('"').append(answer.name()).append('"');
            } else {
                line.append(value);
            }
        }
        line.append('}');
    }
}
