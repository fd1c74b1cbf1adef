package org.nightpain.cds.screening;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hl7.fhir.r4.model.Resource;
import org.nightpain.cds.Problem;
import org.nightpain.cds.fhir.FhirFactMapper;
import org.nightpain.cds.fhir.FhirMappingException;
import org.nightpain.cds.fhir.FhirParseErrors;
import org.nightpain.cds.fhir.MappedFacts;

/**
 * Turns the records of one patient, gathered from every file of an export, into facts through the FHIR
 * fact mapper that the CDS Hooks service uses. Both the command line's screen and the Spark job call
 * it, so that a patient gets the same facts either way.
 *
 * <p>A byte-for-byte copy of a record is read once. The same resource id with different contents, or a
 * record the FHIR parser cannot read, makes the patient invalid rather than assessed without it: a record
 * left out could be the one that holds a red flag. Records that name a patient whose Patient resource is
 * not in the export are not assessed. Thread-safe: each thread gets its own parser.
 */
public final class PatientRecords {
    private final FhirFactMapper mapper;
    private final ThreadLocal<IParser> parsers;

    private PatientRecords(FhirContext fhir, FhirFactMapper mapper) {
        this.mapper = mapper;
        this.parsers = ThreadLocal.withInitial(() -> fhir.newJsonParser().setParserErrorHandler(new FhirParseErrors()));
    }

    /**
     * A reader that parses with this R4 context and maps with this mapper.
     *
     * @param fhir   the FHIR R4 context the records are parsed with
     * @param mapper the mapper that turns the records into facts
     * @return the reader
     * @throws NullPointerException when fhir or mapper is null
     */
    public static PatientRecords create(FhirContext fhir, FhirFactMapper mapper) {
        return new PatientRecords(Objects.requireNonNull(fhir, "fhir"), Objects.requireNonNull(mapper, "mapper"));
    }

    /**
     * The facts of one patient.
     *
     * @param patient the patient's key ({@code Patient/p1})
     * @param records every screened record that names the patient, in any order
     * @param asOf    the as-of time of the screen
     * @return the facts, or why there are none, and what became of each record
     */
    public PatientOutcome read(String patient, List<RawRecord> records, Instant asOf) {
        List<RawRecord> sorted = new ArrayList<>(records);
        sorted.sort(RawRecord.ORDER);
        Map<RecordReason, Long> reasons = new EnumMap<>(RecordReason.class);
        List<Problem> problems = new ArrayList<>();
        List<ScreeningSummary.InvalidRecord> invalid = new ArrayList<>();
        List<RawRecord> unique = new ArrayList<>();
        Map<String, RawRecord> byLabel = new HashMap<>();
        for (RawRecord record : sorted) {
            RawRecord first = byLabel.putIfAbsent(record.label(), record);
            if (first == null) {
                unique.add(record);
            } else if (Arrays.equals(first.json(), record.json())) {
                count(reasons, RecordReason.DUPLICATE, 1);
            } else {
                count(reasons, RecordReason.CONFLICTING_DUPLICATE, 1);
                invalid.add(new ScreeningSummary.InvalidRecord(record.where(), RecordReason.CONFLICTING_DUPLICATE,
                        record.label()));
                problems.add(new Problem(record.where(), null, record.label() + " is also at " + first.where()
                        + " with different contents; which one holds is unknown"));
            }
        }
        List<String> labels = unique.stream().map(RawRecord::label).toList();
        if (unique.stream().noneMatch(r -> r.resourceType().equals("Patient"))) {
            // Conflicting copies or not, none of them can be assessed without the patient.
            reasons.remove(RecordReason.CONFLICTING_DUPLICATE);
            count(reasons, RecordReason.PATIENT_NOT_IN_EXPORT, unique.size() + problems.size());
            return new PatientOutcome(patient, PatientOutcome.Status.NOT_IN_EXPORT, null, List.of(), labels, 0, reasons,
                    List.of());
        }
        IParser parser = parsers.get();
        List<Resource> resources = new ArrayList<>(unique.size());
        Map<Resource, String> origins = new IdentityHashMap<>();
        for (RawRecord record : unique) {
            try {
                Resource resource = FhirParseErrors.parse(parser, new String(record.json(), StandardCharsets.UTF_8));
                resources.add(resource);
                origins.put(resource, record.where());
            } catch (DataFormatException e) {
                count(reasons, RecordReason.UNREADABLE_FHIR, 1);
                invalid.add(new ScreeningSummary.InvalidRecord(record.where(), RecordReason.UNREADABLE_FHIR, record.label()));
                problems.add(new Problem(record.where(), null, record.label() + " is not readable as FHIR R4: "
                        + e.getMessage()));
            }
        }
        long invalidRecords = reasons.getOrDefault(RecordReason.UNREADABLE_FHIR, 0L);
        if (!problems.isEmpty()) {
            count(reasons, RecordReason.PATIENT_NOT_ASSESSED, unique.size() - invalidRecords);
            return new PatientOutcome(patient, PatientOutcome.Status.INVALID, null, problems, labels, 0, reasons, invalid);
        }
        try {
            MappedFacts facts = mapper.map(resources, origins::get, asOf);
            return new PatientOutcome(patient, PatientOutcome.Status.MAPPED, facts, List.of(), labels, unique.size(),
                    reasons, List.of());
        } catch (FhirMappingException e) {
            count(reasons, RecordReason.PATIENT_NOT_ASSESSED, unique.size());
            return new PatientOutcome(patient, PatientOutcome.Status.INVALID, null, e.problems(), labels, 0, reasons,
                    List.of());
        }
    }

    private static void count(Map<RecordReason, Long> reasons, RecordReason reason, long n) {
        if (n != 0) {
            reasons.merge(reason, n, Long::sum);
        }
    }
}
