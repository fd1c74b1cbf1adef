package org.nightpain.cds.hooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.nightpain.cds.Problem;
import org.nightpain.cds.fhir.FhirFactMapper;
import org.nightpain.cds.fhir.FhirMappingException;
import org.nightpain.cds.fhir.FhirParseErrors;
import org.nightpain.cds.fhir.MappedFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a call's prefetch: which keys were sent, the FHIR resources each holds (a resource, a searchset
 * Bundle of them, or null for none), that every record is of the expected type and about the patient in
 * context; then hands the records to the {@link FhirFactMapper}, which turns them into facts. An
 * OperationOutcome in place of a result is read as "not sent"; a key the service did not ask for is
 * ignored.
 *
 * <p>Thread-safe: one reader serves every request.
 */
final class PrefetchReader {
    /** A FHIR resource id. */
    static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private static final Logger LOG = LoggerFactory.getLogger(PrefetchReader.class);

    private final FhirContext fhir;
    private final FhirFactMapper mapper;

    PrefetchReader(FhirContext fhir, FhirFactMapper mapper) {
        this.fhir = fhir;
        this.mapper = mapper;
    }

    /** One request's reading: the state that the steps below share. */
    private static final class Reading {
        final String patientId;
        final List<Problem> problems = new ArrayList<>();
        final Map<PrefetchKey, List<Resource>> resources = new EnumMap<>(PrefetchKey.class);
        final List<String> notSent = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        Reading(String patientId) {
            this.patientId = patientId;
        }
    }

    /**
     * Reads the prefetch of one call.
     *
     * @param patientId the {@code context.patientId} of the call
     * @param prefetch  the {@code prefetch} object of the call, or null when there is none
     * @param now       the time of the call, for the age and the recency of a temperature
     * @throws HookException 400 for prefetch that is malformed, of the wrong type, about another patient or
     *                       with invalid answers; 412 when the questionnaire response was not sent
     */
    FhirFacts read(String patientId, JsonNode prefetch, Instant now) {
        Reading reading = new Reading(patientId);
        parse(reading, prefetch);
        failOnProblems(reading);
        if (!reading.resources.containsKey(PrefetchKey.QUESTIONNAIRE_RESPONSE)) {
            throw new HookException(412, "DATA_UNAVAILABLE", "The patient's answers were not sent, and the request named no"
                    + " FHIR server (fhirServer with fhirAuthorization) to read them from.", List.of(new Problem(
                    "prefetch." + PrefetchKey.QUESTIONNAIRE_RESPONSE.key(), null, "is missing: send the result of "
                    + PrefetchKey.QUESTIONNAIRE_RESPONSE.template(mapper.canonicals()) + " (null when there is none)")));
        }
        List<Resource> records = new ArrayList<>();
        Map<Resource, PrefetchKey> keys = new IdentityHashMap<>();
        reading.resources.forEach((key, found) -> found.forEach(resource -> {
            records.add(resource);
            keys.put(resource, key);
        }));
        MappedFacts mapped;
        try {
            mapped = mapper.map(records, resource -> "prefetch." + keys.get(resource).key(), now);
        } catch (FhirMappingException e) {
            throw HookException.invalid(e.problems());
        }
        List<String> notes = new ArrayList<>(reading.notes);
        notes.addAll(mapped.notes());
        if (!mapped.answered()) {
            return new FhirFacts(null, Map.of(), List.of(), reading.notSent, notes);
        }
        return new FhirFacts(mapped.facts(), mapped.sources(), mapped.basis(), reading.notSent, notes);
    }

    private void parse(Reading reading, JsonNode prefetch) {
        if (prefetch != null && !prefetch.isNull() && !prefetch.isObject()) {
            reading.problems.add(new Problem("prefetch", null, "must be an object whose keys are prefetch keys ("
                    + PrefetchKey.allKeys() + ")"));
            return;
        }
        for (PrefetchKey key : PrefetchKey.values()) {
            JsonNode value = prefetch == null ? null : prefetch.get(key.key());
            if (value == null) {
                reading.notSent.add(key.key());
            } else if (value.isNull()) {
                reading.resources.put(key, List.of());
            } else if (!value.isObject()) {
                reading.problems.add(new Problem("prefetch." + key.key(), null,
                        "must be a FHIR resource (a JSON object) or null"));
            } else {
                parseResource(reading, key, value);
            }
        }
        if (prefetch != null && prefetch.isObject()) {
            for (Iterator<String> names = prefetch.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (PrefetchKey.byKey(name) == null && LOG.isDebugEnabled()) {
                    // CDS Hooks lets a client send more than was asked for (the specification's own example
                    // request does); it is not read. The key's name only: its value may be patient data.
                    LOG.debug("Ignored the prefetch key '{}', which this service does not ask for",
                            ClientAuthenticator.printable(name));
                }
            }
        }
    }

    private void parseResource(Reading reading, PrefetchKey key, JsonNode value) {
        String field = "prefetch." + key.key();
        Resource resource;
        try {
            IParser parser = fhir.newJsonParser().setParserErrorHandler(new FhirParseErrors());
            resource = FhirParseErrors.parse(parser, value.toString());
        } catch (DataFormatException e) {
            reading.problems.add(new Problem(field, null, "is not a readable FHIR R4 resource: " + e.getMessage()));
            return;
        }
        if (resource instanceof OperationOutcome) {
            reading.notSent.add(key.key());
            reading.notes.add("The EHR reported that it could not fetch '" + key.key() + "' (OperationOutcome).");
            return;
        }
        List<Resource> found = new ArrayList<>();
        if (resource instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                Resource inside = entry.getResource();
                if (inside instanceof OperationOutcome) {
                    reading.notes.add("The EHR's search for '" + key.key() + "' returned an OperationOutcome;"
                            + " its results may be incomplete.");
                } else if (inside != null) {
                    found.add(inside);
                }
            }
        } else {
            found.add(resource);
        }
        for (Resource each : found) {
            String id = each.getIdElement().getIdPart();
            if (!key.resourceType().equals(each.fhirType())) {
                reading.problems.add(new Problem(field, each.fhirType(), "holds a " + each.fhirType() + "; expected "
                        + key.resourceType() + " resources (one, or a searchset Bundle of them)"));
            } else if (id != null && !FHIR_ID.matcher(id).matches()) {
                // The id names the record in the cards and in the RiskAssessment's basis, which must be valid FHIR.
                reading.problems.add(new Problem(field, id, "holds a " + each.fhirType() + " whose id is not a FHIR id"
                        + " (1-64 letters, digits, '-' or '.')"));
            } else {
                checkPatient(reading, field, each);
            }
        }
        reading.resources.put(key, found);
    }

    /** A record about another patient must never be assessed as this one's. */
    private static void checkPatient(Reading reading, String field, Resource resource) {
        String about;
        if (resource instanceof Patient) {
            about = resource.getIdElement().getIdPart();
        } else {
            Reference subject = resource instanceof QuestionnaireResponse r ? r.getSubject()
                    : resource instanceof Condition r ? r.getSubject()
                    : resource instanceof Observation r ? r.getSubject()
                    : resource instanceof MedicationStatement r ? r.getSubject()
                    : new Reference();
            about = subject.hasReference() && "Patient".equals(subject.getReferenceElement().getResourceType())
                    ? subject.getReferenceElement().getIdPart() : null;
        }
        if (about != null && !about.equals(reading.patientId)) {
            reading.problems.add(new Problem(field, FhirFactMapper.label(resource), "is about Patient/" + about
                    + ", not the patient in context (Patient/" + reading.patientId + ")"));
        }
    }

    private static void failOnProblems(Reading reading) {
        if (!reading.problems.isEmpty()) {
            throw HookException.invalid(reading.problems);
        }
    }
}
