package org.nightpain.cds.hooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.nightpain.cds.InvalidPatientFactsException;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.Problem;
import org.nightpain.cds.TriState;
import org.nightpain.cds.internal.FactField;

/**
 * Turns a request's prefetch into patient facts. The QuestionnaireResponse is the primary input;
 * {@code Patient.birthDate} gives the age when the answers do not; coded Conditions and
 * MedicationStatements set history facts to YES through the code lists; a recent body temperature
 * Observation gives the temperature. Nothing here ever turns a missing record into NO, and where the
 * answers and the records disagree the safer reading (YES, the higher temperature) wins.
 *
 * <p>Thread-safe: one reader serves every request.
 */
final class PrefetchReader {
    static final String LOINC = "http://loinc.org";
    static final String BODY_TEMPERATURE = "8310-5";
    /** How old a temperature may be and still count as "now" (a design parameter). */
    static final Duration TEMPERATURE_WINDOW = Duration.ofHours(24);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Set<String> USABLE_OBSERVATION = Set.of("final", "amended", "corrected", "preliminary");
    /** A FHIR resource id. */
    static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final FhirContext fhir;
    private final CodeLists codeLists;
    private final Canonicals canonicals;

    PrefetchReader(FhirContext fhir, CodeLists codeLists, Canonicals canonicals) {
        this.fhir = fhir;
        this.codeLists = codeLists;
        this.canonicals = canonicals;
    }

    /** One request's reading: the state that the steps below share. */
    private static final class Reading {
        final String patientId;
        final Instant now;
        final List<Problem> problems = new ArrayList<>();
        final Map<PrefetchKey, List<Resource>> resources = new EnumMap<>(PrefetchKey.class);
        final Map<FactField, Object> values = new EnumMap<>(FactField.class);
        final Map<String, String> sources = new LinkedHashMap<>();
        final List<String> notSent = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final Set<String> basis = new LinkedHashSet<>();

        Reading(String patientId, Instant now) {
            this.patientId = patientId;
            this.now = now;
        }

        List<Resource> of(PrefetchKey key) {
            return resources.getOrDefault(key, List.of());
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
        Reading reading = new Reading(patientId, now);
        parse(reading, prefetch);
        failOnProblems(reading);
        if (!reading.resources.containsKey(PrefetchKey.QUESTIONNAIRE_RESPONSE)) {
            throw new HookException(412, "DATA_UNAVAILABLE", "The patient's answers were not sent, and this service"
                    + " does not query the FHIR server itself.", List.of(new Problem(
                    "prefetch." + PrefetchKey.QUESTIONNAIRE_RESPONSE.key(), null, "is missing: send the result of "
                    + PrefetchKey.QUESTIONNAIRE_RESPONSE.template(canonicals) + " (null when there is none)")));
        }
        QuestionnaireResponse response = chooseResponse(reading);
        failOnProblems(reading);
        if (response == null) {
            return new FhirFacts(null, Map.of(), List.of(), reading.notSent, reading.notes);
        }
        String responseSource = label(response);
        QuestionnaireAnswers.read(response, reading.problems, canonicals)
                .forEach((field, value) -> set(reading, field, value, responseSource, ""));
        readAge(reading);
        readConditions(reading);
        readMedications(reading);
        readTemperature(reading);
        failOnProblems(reading);
        return new FhirFacts(build(reading), reading.sources, List.copyOf(reading.basis), reading.notSent, reading.notes);
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
                if (PrefetchKey.byKey(name) == null) {
                    reading.problems.add(new Problem("prefetch." + name, null,
                            "is not a prefetch key of this service; its keys are " + PrefetchKey.allKeys()));
                }
            }
        }
    }

    private void parseResource(Reading reading, PrefetchKey key, JsonNode value) {
        String field = "prefetch." + key.key();
        Resource resource;
        try {
            IParser parser = fhir.newJsonParser().setParserErrorHandler(new FhirParseErrors());
            resource = (Resource) parser.parseResource(value.toString());
        } catch (DataFormatException | ClassCastException e) {
            reading.problems.add(new Problem(field, null, "is not a readable FHIR R4 resource: " + e.getMessage()));
            return;
        } catch (RuntimeException e) {
            // The FHIR parser fails on some malformed input with exceptions of its own making (HAPI FHIR
            // 8.12 throws StringIndexOutOfBoundsException for an empty key): that is unreadable input, not
            // a failure of this service.
            reading.problems.add(new Problem(field, null, "is not a readable FHIR R4 resource (the FHIR parser"
                    + " failed on it; look for an empty or malformed key)"));
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
            reading.problems.add(new Problem(field, label(resource), "is about Patient/" + about
                    + ", not the patient in context (Patient/" + reading.patientId + ")"));
        }
    }

    /** The latest response to this questionnaire, or null when there is none to use. */
    private QuestionnaireResponse chooseResponse(Reading reading) {
        List<QuestionnaireResponse> usable = new ArrayList<>();
        for (Resource resource : reading.of(PrefetchKey.QUESTIONNAIRE_RESPONSE)) {
            QuestionnaireResponse response = (QuestionnaireResponse) resource;
            // Null when absent, and also when the element carries only extensions (FHIR allows a primitive
            // without a value): either way the response does not say which questionnaire it answers.
            String questionnaire = response.getQuestionnaire();
            if (response.getStatus() == QuestionnaireResponse.QuestionnaireResponseStatus.ENTEREDINERROR) {
                reading.notes.add(label(response) + " is marked entered-in-error; not used.");
            } else if (questionnaire != null && canonicalUrl(questionnaire).isEmpty()) {
                // "|" or "|1.0": a version with nothing to be the version of. Unreadable, not "another questionnaire".
                reading.problems.add(new Problem("prefetch." + PrefetchKey.QUESTIONNAIRE_RESPONSE.key(),
                        questionnaire, label(response) + ": 'questionnaire' has no URL before its '|'"
                        + " (a canonical is URL or URL|version)"));
            } else if (questionnaire != null && !canonicalUrl(questionnaire).equals(canonicals.questionnaire())) {
                reading.notes.add(label(response) + " answers another questionnaire; not used.");
            } else {
                usable.add(response);
            }
        }
        if (usable.size() > 1) {
            usable.sort(Comparator.comparing((QuestionnaireResponse r) -> r.hasAuthored() ? r.getAuthored() : new Date(0))
                    .reversed());
            reading.notes.add(usable.size() + " questionnaire responses were sent; the latest, "
                    + label(usable.get(0)) + ", was used.");
        }
        return usable.isEmpty() ? null : usable.get(0);
    }

    /** The URL part of a canonical reference ("URL|version"), without the version; empty when there is none. */
    static String canonicalUrl(String canonical) {
        int bar = canonical.indexOf('|');
        return (bar < 0 ? canonical : canonical.substring(0, bar)).strip();
    }

    /**
     * The age from Patient.birthDate. Without an answered age it gives the age when the date is precise
     * enough. With one, a birth date that allows the answered age says nothing new; one that does not is
     * a conflict, settled by the higher age (the safer reading: every age threshold of the rules that
     * points to serious disease is an "at or above" one) and noted on the card.
     */
    private static void readAge(Reading reading) {
        for (Resource resource : reading.of(PrefetchKey.PATIENT)) {
            DateType birthDate = ((Patient) resource).getBirthDateElement();
            if (birthDate.getValue() == null) {
                continue;
            }
            int[] ages = ages(reading, resource, birthDate);
            if (ages == null) {
                return;
            }
            int youngest = ages[0];
            int oldest = ages[1];
            String text = birthDate.getValueAsString();
            Object answered = reading.values.get(FactField.AGE_YEARS);
            if (answered instanceof Integer given) {
                if (given < youngest || given > oldest) {
                    String fromRecord = youngest == oldest ? String.valueOf(oldest) : youngest + " or " + oldest;
                    int used = Math.max(given, oldest);
                    reading.notes.add("ageYears: the questionnaire gives " + given + " but " + label(resource)
                            + "'s birth date (" + text + ") gives " + fromRecord + " on the day of the request; the"
                            + " higher, " + used + ", was used (the safer reading). Check the age.");
                    if (used != given) {
                        set(reading, FactField.AGE_YEARS, used, label(resource), " (birth date)");
                    }
                }
            } else if (youngest == oldest) {
                set(reading, FactField.AGE_YEARS, oldest, label(resource), " (birth date)");
            } else {
                reading.notes.add(label(resource) + ": the birth date (" + text
                        + ") is too coarse to tell the age in years; ageYears left unknown.");
            }
        }
    }

    /**
     * The youngest and the oldest age in whole years on the day of the request that a birth date allows
     * ({@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}); null when it gives none, after adding a
     * problem (or, for a date in the future beside an answered age, a note).
     */
    private static int[] ages(Reading reading, Resource patient, DateType birthDate) {
        String text = birthDate.getValueAsString();
        TemporalPrecisionEnum precision = birthDate.getPrecision();
        LocalDate earliest;
        LocalDate latest;
        try {
            // The FHIR parser has checked the form; its precision says which parts the text has.
            int year = Integer.parseInt(text.substring(0, 4));
            if (precision == TemporalPrecisionEnum.YEAR) {
                earliest = LocalDate.of(year, 1, 1);
                latest = earliest.withDayOfYear(earliest.lengthOfYear());
            } else if (precision == TemporalPrecisionEnum.MONTH) {
                earliest = LocalDate.of(year, Integer.parseInt(text.substring(5, 7)), 1);
                latest = earliest.withDayOfMonth(earliest.lengthOfMonth());
            } else if (precision == TemporalPrecisionEnum.DAY) {
                earliest = LocalDate.of(year, Integer.parseInt(text.substring(5, 7)), Integer.parseInt(text.substring(8, 10)));
                latest = earliest;
            } else {
                // HAPI FHIR reads a date and time here too, although birthDate is a date.
                reading.problems.add(new Problem("prefetch." + PrefetchKey.PATIENT.key(), text, label(patient)
                        + ": birthDate must be a date (YYYY, YYYY-MM or YYYY-MM-DD), not a date and time"));
                return null;
            }
        } catch (RuntimeException e) {
            reading.problems.add(new Problem("prefetch." + PrefetchKey.PATIENT.key(), text, label(patient)
                    + ": birthDate is not a date this service can read (YYYY, YYYY-MM or YYYY-MM-DD)"));
            return null;
        }
        LocalDate today = LocalDate.ofInstant(reading.now, ZoneOffset.UTC);
        if (earliest.isAfter(today)) {
            if (reading.values.get(FactField.AGE_YEARS) == null) {
                reading.problems.add(new Problem("ageYears", text, label(patient)
                        + ": the birth date is after the date of the request"));
            } else {
                reading.notes.add(label(patient) + ": the birth date (" + text + ") is after the date of the request;"
                        + " not used. Check the record.");
            }
            return null;
        }
        int oldest = Period.between(earliest, today).getYears();
        int youngest = Period.between(latest.isAfter(today) ? today : latest, today).getYears();
        return new int[] {youngest, oldest};
    }

    private void readConditions(Reading reading) {
        for (Resource resource : reading.of(PrefetchKey.CONDITIONS)) {
            Condition condition = (Condition) resource;
            String verification = condition.getVerificationStatus().getCodingFirstRep().getCode();
            if ("refuted".equals(verification) || "entered-in-error".equals(verification)) {
                continue;
            }
            if (hasCode(condition.getCode())) {
                matchCodes(reading, "Condition", label(condition), condition.getCode());
            } else {
                reading.notes.add(label(condition) + " has no coded diagnosis" + asText(condition.getCode().getText())
                        + ", which the code lists cannot read; not used. Check it by hand.");
            }
        }
    }

    private void readMedications(Reading reading) {
        for (Resource resource : reading.of(PrefetchKey.MEDICATIONS)) {
            MedicationStatement statement = (MedicationStatement) resource;
            MedicationStatement.MedicationStatementStatus status = statement.getStatus();
            if (status == MedicationStatement.MedicationStatementStatus.ENTEREDINERROR
                    || status == MedicationStatement.MedicationStatementStatus.NOTTAKEN) {
                continue;
            }
            CodeableConcept code = medicationCode(reading, statement);
            if (code != null) {
                matchCodes(reading, "MedicationStatement", label(statement), code);
            }
        }
    }

    /** The coded medicine of a statement; null, with a note saying why, when there is none to read. */
    private static CodeableConcept medicationCode(Reading reading, MedicationStatement statement) {
        Type medication = statement.getMedication();
        String label = label(statement);
        CodeableConcept concept = null;
        String text = null;
        if (medication instanceof CodeableConcept given) {
            concept = given;
            text = given.getText();
        } else if (medication instanceof Reference reference && reference.hasReference()) {
            String ref = reference.getReference();
            for (Resource contained : statement.getContained()) {
                if (contained instanceof Medication drug && ref.equals("#" + contained.getIdElement().getIdPart())) {
                    concept = drug.getCode();
                    text = concept.hasText() ? concept.getText() : reference.getDisplay();
                }
            }
            if (concept == null) {
                reading.notes.add(label + " names its medicine only by reference (" + ref
                        + "), which was not sent; not used.");
                return null;
            }
        } else if (medication instanceof Reference reference) {
            // Only a display, or nothing: there is no code to look up and no record to follow.
            reading.notes.add(label + " names its medicine only as text" + asText(reference.getDisplay())
                    + ", which the code lists cannot read; not used. Check it by hand.");
            return null;
        }
        if (concept == null || !hasCode(concept)) {
            reading.notes.add(label + " has no coded medicine" + asText(text)
                    + ", which the code lists cannot read; not used. Check it by hand.");
            return null;
        }
        return concept;
    }

    /** True when the concept has at least one coding with a code. */
    private static boolean hasCode(CodeableConcept concept) {
        return concept.getCoding().stream().anyMatch(coding -> coding.hasCode() && !coding.getCode().isBlank());
    }

    /** " ('the text')", shortened, for a note; empty when there is no text. */
    private static String asText(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String strip = text.strip();
        int limit = 80;
        if (strip.length() > limit) {
            int cut = Character.isHighSurrogate(strip.charAt(limit - 1)) ? limit - 1 : limit;
            strip = strip.substring(0, cut) + "…";
        }
        return " ('" + strip + "')";
    }

    private void matchCodes(Reading reading, String resourceType, String label, CodeableConcept concept) {
        for (Coding coding : concept.getCoding()) {
            for (CodeLists.Entry entry : codeLists.match(resourceType, coding.getSystem(), coding.getCode())) {
                String detail = " (" + entry.system() + " " + coding.getCode() + ")";
                String source = label + detail;
                FactField fact = entry.fact();
                Object answered = reading.values.get(fact);
                if (answered == TriState.NO) {
                    reading.notes.add(fact.fieldName() + ": the questionnaire says NO but " + source
                            + " records it; read as YES, the safer reading.");
                }
                if (answered != TriState.YES) {
                    set(reading, fact, TriState.YES, label, detail);
                }
            }
        }
    }

    /** The highest body temperature of the last 24 hours; a higher questionnaire answer wins. */
    private static void readTemperature(Reading reading) {
        Double best = null;
        String bestSource = null;
        for (Resource resource : reading.of(PrefetchKey.BODY_TEMPERATURE)) {
            Observation observation = (Observation) resource;
            String label = label(observation);
            Double celsius = celsius(reading, observation, label);
            if (celsius != null && (best == null || celsius > best)) {
                best = celsius;
                bestSource = label;
            }
        }
        if (best == null) {
            return;
        }
        Object answered = reading.values.get(FactField.TEMPERATURE_C);
        if (answered instanceof Double given && given >= best) {
            return;
        }
        if (answered != null) {
            reading.notes.add("temperatureC: " + bestSource + " records " + best + " °C, higher than the questionnaire's "
                    + answered + " °C; the higher was used.");
        }
        set(reading, FactField.TEMPERATURE_C, best, bestSource, "");
    }

    private static Double celsius(Reading reading, Observation observation, String label) {
        boolean bodyTemperature = observation.getCode().getCoding().stream()
                .anyMatch(c -> LOINC.equals(c.getSystem()) && BODY_TEMPERATURE.equals(c.getCode()));
        if (!bodyTemperature) {
            reading.notes.add(label + " is not a body temperature (LOINC 8310-5); not used.");
            return null;
        }
        if (observation.getStatus() == null || !USABLE_OBSERVATION.contains(observation.getStatus().toCode())) {
            reading.notes.add(label + " has status '" + (observation.getStatus() == null ? "none"
                    : observation.getStatus().toCode()) + "'; not used.");
            return null;
        }
        Instant when = effective(observation.getEffective());
        if (when == null || when.isBefore(reading.now.minus(TEMPERATURE_WINDOW)) || when.isAfter(reading.now.plus(CLOCK_SKEW))) {
            reading.notes.add(label + " was not taken in the 24 hours before the request; not used.");
            return null;
        }
        if (!(observation.getValue() instanceof Quantity quantity) || quantity.getValue() == null) {
            reading.notes.add(label + " has no temperature value; not used.");
            return null;
        }
        String unit = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
        BigDecimal value = quantity.getValue();
        if (unit != null && List.of("Cel", "°C", "C", "degC").contains(unit.strip())) {
            return value.setScale(1, RoundingMode.HALF_UP).doubleValue();
        }
        if (unit != null && List.of("[degF]", "°F", "F", "degF").contains(unit.strip())) {
            return value.subtract(BigDecimal.valueOf(32)).multiply(BigDecimal.valueOf(5))
                    .divide(BigDecimal.valueOf(9), 1, RoundingMode.HALF_UP).doubleValue();
        }
        reading.notes.add(label + " gives the temperature in a unit this service does not read ('" + unit
                + "'); not used.");
        return null;
    }

    private static Instant effective(Type effective) {
        if (effective instanceof DateTimeType dateTime && dateTime.getValue() != null) {
            return dateTime.getValue().toInstant();
        }
        if (effective instanceof InstantType instant && instant.getValue() != null) {
            return instant.getValue().toInstant();
        }
        if (effective instanceof org.hl7.fhir.r4.model.Period period) {
            Date end = period.hasEnd() ? period.getEnd() : period.getStart();
            return end == null ? null : end.toInstant();
        }
        return null;
    }

    /** Sets a fact from a record ("Condition/c7"), with what in the record gave it (" (SNOMED 363346000)"). */
    private static void set(Reading reading, FactField field, Object value, String record, String detail) {
        reading.values.put(field, value);
        reading.sources.put(field.fieldName(), record + detail);
        if (record.contains("/")) {
            reading.basis.add(record);
        }
    }

    /** Builds the facts; a validation problem names its field and, for a value from a record, the record. */
    private static PatientFacts build(Reading reading) {
        PatientFacts.Builder builder = PatientFacts.builder();
        reading.values.forEach((field, value) -> field.write(builder, value));
        try {
            return builder.build();
        } catch (InvalidPatientFactsException e) {
            List<Problem> problems = new ArrayList<>();
            for (Problem problem : e.problems()) {
                String source = problem.field() == null ? null : reading.sources.get(problem.field());
                problems.add(source == null || source.startsWith("QuestionnaireResponse") ? problem
                        : new Problem(problem.field(), problem.value(), problem.message() + " (from " + source + ")"));
            }
            throw HookException.invalid(problems);
        }
    }

    private static void failOnProblems(Reading reading) {
        if (!reading.problems.isEmpty()) {
            throw HookException.invalid(reading.problems);
        }
    }

    /** "Condition/c7", or the bare type when the record has no id. */
    static String label(Resource resource) {
        String id = resource.getIdElement().getIdPart();
        return resource.fhirType() + (id == null ? "" : "/" + id);
    }
}
