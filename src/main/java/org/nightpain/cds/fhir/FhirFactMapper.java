package org.nightpain.cds.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.nightpain.cds.FactField;
import org.nightpain.cds.InvalidPatientFactsException;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.Problem;
import org.nightpain.cds.TriState;

/**
 * Turns one patient's FHIR R4 records into {@link PatientFacts}. A QuestionnaireResponse to the triage
 * Questionnaire is the primary input; {@code Patient.birthDate} gives the age when the answers do not;
 * coded Conditions and MedicationStatements set yes/no facts to YES through the knowledge base's code
 * lists (a pregnancy only while its Condition is current); a body temperature Observation of the 24 hours
 * before the as-of time gives the temperature; a pregnancy status Observation can give YES for
 * {@code pregnant}, and a gestational age Observation, carried forward to the as-of day, the weeks.
 *
 * <p>The conflict policy: nothing here ever turns a missing record into NO, and where the answers and the
 * records disagree the safer reading wins (YES over NO, the higher age, the higher temperature), with a
 * note that says so. The CDS Hooks service and population screening both map through this class, so a
 * patient gets the same facts whichever way the records arrive.
 *
 * <p>Immutable and thread-safe: one mapper serves every patient.
 */
public final class FhirFactMapper {
    static final String LOINC = "http://loinc.org";
    static final String BODY_TEMPERATURE = "8310-5";
    /** LOINC Pregnancy status, answered Pregnant, Not pregnant or Unknown. */
    static final String PREGNANCY_STATUS = "82810-3";
    /** LOINC gestational age: in weeks, estimated, and as a clinical estimate. */
    static final List<String> GESTATIONAL_AGE = List.of("49051-6", "11884-4", "18185-9");
    /** The LOINC codes of the Observations that say whether, and how long, the patient is pregnant. */
    public static final List<String> PREGNANCY_OBSERVATIONS = List.of(PREGNANCY_STATUS, "49051-6", "11884-4", "18185-9");
    /** How old a temperature may be and still count as "now" (a design parameter). */
    static final Duration TEMPERATURE_WINDOW = Duration.ofHours(24);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Set<String> USABLE_OBSERVATION = Set.of("final", "amended", "corrected", "preliminary");
    private static final String SNOMED = CodeLists.SYSTEMS.get("SNOMED").get(0);
    /** The answers of a pregnancy status (LOINC, and the SNOMED CT concepts the International Patient Summary maps them to). */
    private static final Set<String> PREGNANT = Set.of(LOINC + "|LA15173-0", SNOMED + "|77386006");
    private static final Set<String> NOT_PREGNANT = Set.of(LOINC + "|LA26683-5", SNOMED + "|60001007");
    private static final Set<String> CURRENT_CONDITION = Set.of("active", "recurrence", "relapse");
    /** The longest pregnancy the fact model allows: a record of a pregnancy older than that is of another one. */
    private static final int LONGEST_PREGNANCY_WEEKS = (int) FactField.GESTATION_WEEKS.max();

    private final CodeLists codeLists;
    private final Canonicals canonicals;

    private FhirFactMapper(CodeLists codeLists, Canonicals canonicals) {
        this.codeLists = codeLists;
        this.canonicals = canonicals;
    }

    /**
     * Makes a mapper that reads responses to the triage Questionnaire named by these canonical URLs.
     *
     * @param canonicals the canonical URLs of the Questionnaire and its code systems
     * @return the mapper
     * @throws IllegalStateException when the knowledge base's code lists cannot be read (a packaging error)
     */
    public static FhirFactMapper create(Canonicals canonicals) {
        return new FhirFactMapper(CodeLists.load(), Objects.requireNonNull(canonicals, "canonicals"));
    }

    /** {@return the canonical URLs whose Questionnaire this mapper reads the answers of} */
    public Canonicals canonicals() {
        return canonicals;
    }

    /** One patient's mapping: the state that the steps below share. */
    private static final class Mapping {
        final Instant asOf;
        final Function<Resource, String> origin;
        final List<Problem> problems = new ArrayList<>();
        final Map<FactField, Object> values = new EnumMap<>(FactField.class);
        final Map<String, String> sources = new LinkedHashMap<>();
        final List<String> notes = new ArrayList<>();
        final Set<String> basis = new LinkedHashSet<>();
        final List<Patient> patients = new ArrayList<>();
        final List<QuestionnaireResponse> responses = new ArrayList<>();
        final List<Condition> conditions = new ArrayList<>();
        final List<Observation> observations = new ArrayList<>();
        final List<MedicationStatement> medications = new ArrayList<>();

        Mapping(Instant asOf, Function<Resource, String> origin) {
            this.asOf = asOf;
            this.origin = origin;
        }
    }

    /**
     * Maps one patient's records to facts. Records of other types are noted and not used; the caller has
     * already made sure that every record is about this patient.
     *
     * @param records the patient's Patient, QuestionnaireResponse, Condition, Observation and
     *                MedicationStatement resources
     * @param origin  names where a record came from, for a problem about the record as a whole (the CDS
     *                Hooks service names the prefetch key, screening the file)
     * @param asOf    the time the facts are as of: the age is taken on that day, and a temperature must be
     *                of the 24 hours before it
     * @return the facts, with the records they came from and notes on records not used
     * @throws FhirMappingException listing every problem, each naming the fact or the record at fault
     */
    public MappedFacts map(List<? extends Resource> records, Function<Resource, String> origin, Instant asOf) {
        Mapping mapping = new Mapping(Objects.requireNonNull(asOf, "asOf"), Objects.requireNonNull(origin, "origin"));
        for (Resource record : records) {
            sort(mapping, record);
        }
        QuestionnaireResponse response = chooseResponse(mapping);
        failOnProblems(mapping);
        if (response != null) {
            String responseSource = label(response);
            QuestionnaireAnswers.read(response, mapping.problems, canonicals)
                    .forEach((field, value) -> set(mapping, field, value, responseSource, ""));
        }
        readAge(mapping);
        readConditions(mapping);
        readMedications(mapping);
        readObservations(mapping);
        failOnProblems(mapping);
        return new MappedFacts(build(mapping), response != null, mapping.sources, List.copyOf(mapping.basis),
                mapping.notes);
    }

    private static void sort(Mapping mapping, Resource record) {
        if (record instanceof Patient patient) {
            mapping.patients.add(patient);
        } else if (record instanceof QuestionnaireResponse response) {
            mapping.responses.add(response);
        } else if (record instanceof Condition condition) {
            mapping.conditions.add(condition);
        } else if (record instanceof Observation observation) {
            mapping.observations.add(observation);
        } else if (record instanceof MedicationStatement statement) {
            mapping.medications.add(statement);
        } else {
            mapping.notes.add(label(record) + " is a " + record.fhirType() + ", which this mapping does not read;"
                    + " not used.");
        }
    }

    /** The latest response to this questionnaire, or null when there is none to use. */
    private QuestionnaireResponse chooseResponse(Mapping mapping) {
        List<QuestionnaireResponse> usable = new ArrayList<>();
        for (QuestionnaireResponse response : mapping.responses) {
            // Null when absent, and also when the element carries only extensions (FHIR allows a primitive
            // without a value): either way the response does not say which questionnaire it answers.
            String questionnaire = response.getQuestionnaire();
            if (response.getStatus() == QuestionnaireResponse.QuestionnaireResponseStatus.ENTEREDINERROR) {
                mapping.notes.add(label(response) + " is marked entered-in-error; not used.");
            } else if (questionnaire != null && canonicalUrl(questionnaire).isEmpty()) {
                // "|" or "|1.0": a version with nothing to be the version of. Unreadable, not "another questionnaire".
                mapping.problems.add(new Problem(mapping.origin.apply(response), questionnaire, label(response)
                        + ": 'questionnaire' has no URL before its '|' (a canonical is URL or URL|version)"));
            } else if (questionnaire != null && !canonicalUrl(questionnaire).equals(canonicals.questionnaire())) {
                mapping.notes.add(label(response) + " answers another questionnaire; not used.");
            } else {
                usable.add(response);
            }
        }
        if (usable.size() > 1) {
            usable.sort(Comparator.comparing((QuestionnaireResponse r) -> r.hasAuthored() ? r.getAuthored() : new Date(0))
                    .reversed());
            mapping.notes.add(usable.size() + " questionnaire responses were sent; the latest, "
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
     * points to serious disease is an "at or above" one) and noted.
     */
    private static void readAge(Mapping mapping) {
        for (Patient patient : mapping.patients) {
            DateType birthDate = patient.getBirthDateElement();
            if (birthDate.getValue() == null) {
                continue;
            }
            int[] ages = ages(mapping, patient, birthDate);
            if (ages == null) {
                return;
            }
            int youngest = ages[0];
            int oldest = ages[1];
            String text = birthDate.getValueAsString();
            Object answered = mapping.values.get(FactField.AGE_YEARS);
            if (answered instanceof Integer given) {
                if (given < youngest || given > oldest) {
                    String fromRecord = youngest == oldest ? String.valueOf(oldest) : youngest + " or " + oldest;
                    int used = Math.max(given, oldest);
                    mapping.notes.add("ageYears: the questionnaire gives " + given + " but " + label(patient)
                            + "'s birth date (" + text + ") gives " + fromRecord + " on the day of the assessment;"
                            + " the higher, " + used + ", was used (the safer reading). Check the age.");
                    if (used != given) {
                        set(mapping, FactField.AGE_YEARS, used, label(patient), " (birth date)");
                    }
                }
            } else if (youngest == oldest) {
                set(mapping, FactField.AGE_YEARS, oldest, label(patient), " (birth date)");
            } else {
                mapping.notes.add(label(patient) + ": the birth date (" + text
                        + ") is too coarse to tell the age in years; ageYears left unknown.");
            }
        }
    }

    /**
     * The youngest and the oldest age in whole years on the as-of day that a birth date allows
     * ({@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}); null when it gives none, after adding a
     * problem (or, for a date in the future beside an answered age, a note).
     */
    private static int[] ages(Mapping mapping, Patient patient, DateType birthDate) {
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
                mapping.problems.add(new Problem(mapping.origin.apply(patient), text, label(patient)
                        + ": birthDate must be a date (YYYY, YYYY-MM or YYYY-MM-DD), not a date and time"));
                return null;
            }
        } catch (RuntimeException e) {
            mapping.problems.add(new Problem(mapping.origin.apply(patient), text, label(patient)
                    + ": birthDate is not a date this service can read (YYYY, YYYY-MM or YYYY-MM-DD)"));
            return null;
        }
        LocalDate today = LocalDate.ofInstant(mapping.asOf, ZoneOffset.UTC);
        if (earliest.isAfter(today)) {
            if (mapping.values.get(FactField.AGE_YEARS) == null) {
                mapping.problems.add(new Problem("ageYears", text, label(patient)
                        + ": the birth date is after the date of the assessment"));
            } else {
                mapping.notes.add(label(patient) + ": the birth date (" + text + ") is after the date of the"
                        + " assessment; not used. Check the record.");
            }
            return null;
        }
        int oldest = Period.between(earliest, today).getYears();
        int youngest = Period.between(latest.isAfter(today) ? today : latest, today).getYears();
        return new int[] {youngest, oldest};
    }

    private void readConditions(Mapping mapping) {
        for (Condition condition : mapping.conditions) {
            String verification = condition.getVerificationStatus().getCodingFirstRep().getCode();
            if ("refuted".equals(verification) || "entered-in-error".equals(verification)) {
                continue;
            }
            if (hasCode(condition.getCode())) {
                matchCodes(mapping, condition, condition.getCode());
            } else {
                mapping.notes.add(label(condition) + " has no coded diagnosis" + asText(condition.getCode().getText())
                        + ", which the code lists cannot read; not used. Check it by hand.");
            }
        }
    }

    private void readMedications(Mapping mapping) {
        for (MedicationStatement statement : mapping.medications) {
            MedicationStatement.MedicationStatementStatus status = statement.getStatus();
            if (status == MedicationStatement.MedicationStatementStatus.ENTEREDINERROR
                    || status == MedicationStatement.MedicationStatementStatus.NOTTAKEN) {
                continue;
            }
            CodeableConcept code = medicationCode(mapping, statement);
            if (code != null) {
                matchCodes(mapping, statement, code);
            }
        }
    }

    /** The coded medicine of a statement; null, with a note saying why, when there is none to read. */
    private static CodeableConcept medicationCode(Mapping mapping, MedicationStatement statement) {
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
                mapping.notes.add(label + " names its medicine only by reference (" + ref
                        + "), which was not sent; not used.");
                return null;
            }
        } else if (medication instanceof Reference reference) {
            // Only a display, or nothing: there is no code to look up and no record to follow.
            mapping.notes.add(label + " names its medicine only as text" + asText(reference.getDisplay())
                    + ", which the code lists cannot read; not used. Check it by hand.");
            return null;
        }
        if (concept == null || !hasCode(concept)) {
            mapping.notes.add(label + " has no coded medicine" + asText(text)
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

    /** Sets to YES the facts whose code lists this concept's codes are in, where the record counts for them. */
    private void matchCodes(Mapping mapping, Resource record, CodeableConcept concept) {
        String label = label(record);
        for (Coding coding : concept.getCoding()) {
            for (CodeLists.Entry entry : codeLists.match(record.fhirType(), coding.getSystem(), coding.getCode())) {
                String detail = " (" + entry.system() + " " + coding.getCode() + ")";
                String notCounted = whyNotCounted(mapping, entry, record);
                if (notCounted == null) {
                    recordYes(mapping, entry.fact(), label, detail);
                } else {
                    mapping.notes.add(label + detail + " " + notCounted);
                }
            }
        }
    }

    /** Null when the record counts for the entry's fact; otherwise, for the card, why it does not. */
    private static String whyNotCounted(Mapping mapping, CodeLists.Entry entry, Resource record) {
        String fact = entry.fact().fieldName();
        return switch (entry.counts()) {
            case EVER -> null;
            case CURRENT -> {
                String notCurrent = currentStatus((Condition) record);
                yield notCurrent == null ? null : "is not current (" + notCurrent + "), so it says nothing about "
                        + fact + " now; not used.";
            }
            case COURSE -> Courses.lasts((MedicationStatement) record, entry.courseMonths(), mapping.asOf) ? null
                    : "records " + entry.meaning().toLowerCase(Locale.ROOT) + " but no course of " + entry.courseMonths()
                    + " months or more (no period, or dosage duration, that long); read, but it does not settle "
                    + fact + ", which stays as the questionnaire answered it. Ask how long it was taken.";
        };
    }

    /** A record says YES: the fact is YES, and a NO in the answers is noted as overruled by the safer reading. */
    private static void recordYes(Mapping mapping, FactField fact, String label, String detail) {
        Object answered = mapping.values.get(fact);
        if (answered == TriState.NO) {
            mapping.notes.add(fact.fieldName() + ": the questionnaire says NO but " + label + detail
                    + " records it; read as YES, the safer reading.");
        }
        if (answered != TriState.YES) {
            set(mapping, fact, TriState.YES, label, detail);
        }
    }

    /**
     * Null when the Condition is current: its clinicalStatus is active, recurrence or relapse, or it has none
     * and no abatement; otherwise why it is not.
     */
    private static String currentStatus(Condition condition) {
        String status = condition.getClinicalStatus().getCodingFirstRep().getCode();
        if (status != null) {
            return CURRENT_CONDITION.contains(status) ? null : "clinicalStatus " + status;
        }
        return condition.hasAbatement() ? "it has an abatement" : null;
    }

    /** Sorts the Observations by their LOINC code: body temperature, pregnancy status, gestational age. */
    private static void readObservations(Mapping mapping) {
        List<Observation> temperatures = new ArrayList<>();
        List<Observation> statuses = new ArrayList<>();
        List<Observation> gestations = new ArrayList<>();
        for (Observation observation : mapping.observations) {
            Set<String> codes = new LinkedHashSet<>();
            observation.getCode().getCoding().stream().filter(c -> LOINC.equals(c.getSystem()) && c.hasCode())
                    .forEach(c -> codes.add(c.getCode()));
            if (codes.contains(BODY_TEMPERATURE)) {
                temperatures.add(observation);
            } else if (codes.contains(PREGNANCY_STATUS)) {
                statuses.add(observation);
            } else if (GESTATIONAL_AGE.stream().anyMatch(codes::contains)) {
                gestations.add(observation);
            } else {
                mapping.notes.add(label(observation) + " is not a body temperature (LOINC " + BODY_TEMPERATURE
                        + "), a pregnancy status (" + PREGNANCY_STATUS + ") or a gestational age ("
                        + String.join(", ", GESTATIONAL_AGE) + "); not used.");
            }
        }
        readTemperature(mapping, temperatures);
        readPregnancyStatus(mapping, statuses);
        readGestationalAge(mapping, gestations);
    }

    /** The highest body temperature of the 24 hours before the as-of time; a higher questionnaire answer wins. */
    private static void readTemperature(Mapping mapping, List<Observation> temperatures) {
        Double best = null;
        String bestSource = null;
        for (Observation observation : temperatures) {
            String label = label(observation);
            Double celsius = celsius(mapping, observation, label);
            if (celsius != null && (best == null || celsius > best)) {
                best = celsius;
                bestSource = label;
            }
        }
        if (best == null) {
            return;
        }
        recordHigher(mapping, FactField.TEMPERATURE_C, best, bestSource, "");
    }

    /**
     * A number a record gives, where the higher is the safer reading (a temperature, the weeks of a
     * pregnancy): it is used unless the answers give as much or more; a lower answer is noted.
     */
    private static void recordHigher(Mapping mapping, FactField field, Number value, String label, String detail) {
        Object answered = mapping.values.get(field);
        if (answered instanceof Number given && given.doubleValue() >= value.doubleValue()) {
            return;
        }
        if (answered != null) {
            mapping.notes.add(field.fieldName() + ": " + label + " gives " + value + " " + field.unit()
                    + ", higher than the questionnaire's " + answered + " " + field.unit() + "; the higher was used.");
        }
        set(mapping, field, value, label, detail);
    }

    private static Double celsius(Mapping mapping, Observation observation, String label) {
        Instant when = usableTime(mapping, observation, label);
        if (when == null) {
            return null;
        }
        if (when.isBefore(mapping.asOf.minus(TEMPERATURE_WINDOW))) {
            mapping.notes.add(label + " was not taken in the 24 hours before the assessment; not used.");
            return null;
        }
        if (!(observation.getValue() instanceof Quantity quantity) || quantity.getValue() == null) {
            mapping.notes.add(label + " has no temperature value; not used.");
            return null;
        }
        String unit = unit(quantity);
        BigDecimal value = quantity.getValue();
        if (unit != null && List.of("Cel", "°C", "C", "degC").contains(unit)) {
            return value.setScale(1, RoundingMode.HALF_UP).doubleValue();
        }
        if (unit != null && List.of("[degF]", "°F", "F", "degF").contains(unit)) {
            return value.subtract(BigDecimal.valueOf(32)).multiply(BigDecimal.valueOf(5))
                    .divide(BigDecimal.valueOf(9), 1, RoundingMode.HALF_UP).doubleValue();
        }
        mapping.notes.add(label + " gives the temperature in a unit this service does not read ('" + unit
                + "'); not used.");
        return null;
    }

    /**
     * When a usable Observation was made: its status is final, amended, corrected or preliminary, and its
     * time is known and not after the as-of time. Null, with a note saying why, for any other.
     */
    private static Instant usableTime(Mapping mapping, Observation observation, String label) {
        if (observation.getStatus() == null || !USABLE_OBSERVATION.contains(observation.getStatus().toCode())) {
            mapping.notes.add(label + " has status '" + (observation.getStatus() == null ? "none"
                    : observation.getStatus().toCode()) + "'; not used.");
            return null;
        }
        Instant when = effective(observation.getEffective());
        if (when == null || when.isAfter(mapping.asOf.plus(CLOCK_SKEW))) {
            mapping.notes.add(label + " has no time, or one after the assessment; not used.");
            return null;
        }
        return when;
    }

    /** The latest usable Observation of these ("pregnancy status" records), with its time; null when none is usable. */
    private static Map.Entry<Observation, Instant> latest(Mapping mapping, List<Observation> observations, String what) {
        Map.Entry<Observation, Instant> latest = null;
        for (Observation observation : observations) {
            Instant when = usableTime(mapping, observation, label(observation));
            if (when != null && (latest == null || when.isAfter(latest.getValue()))) {
                latest = Map.entry(observation, when);
            }
        }
        if (latest != null && observations.size() > 1) {
            mapping.notes.add(observations.size() + " " + what + " records were sent; the latest usable one, "
                    + label(latest.getKey()) + ", was used.");
        }
        return latest;
    }

    /**
     * The latest pregnancy status (LOINC 82810-3). "Pregnant" of the last 45 weeks sets {@code pregnant} to
     * YES; "not pregnant" is noted and never read as NO, since a pregnancy may have begun since; "unknown"
     * says nothing.
     */
    private static void readPregnancyStatus(Mapping mapping, List<Observation> statuses) {
        Map.Entry<Observation, Instant> latest = latest(mapping, statuses, "pregnancy status");
        if (latest == null) {
            return;
        }
        String label = label(latest.getKey());
        String day = LocalDate.ofInstant(latest.getValue(), ZoneOffset.UTC).toString();
        Set<String> answer = new LinkedHashSet<>();
        if (latest.getKey().getValue() instanceof CodeableConcept concept) {
            concept.getCoding().forEach(c -> answer.add(c.getSystem() + "|" + c.getCode()));
        }
        if (answer.stream().anyMatch(PREGNANT::contains)) {
            if (latest.getValue().isBefore(mapping.asOf.minus(Duration.ofDays(7L * LONGEST_PREGNANCY_WEEKS)))) {
                mapping.notes.add(label + " records a pregnancy on " + day + ", longer ago than a pregnancy lasts;"
                        + " not used.");
            } else {
                recordYes(mapping, FactField.PREGNANT, label, " (pregnancy status on " + day + ")");
            }
        } else if (answer.stream().anyMatch(NOT_PREGNANT::contains)) {
            mapping.notes.add(label + " records 'not pregnant' on " + day + "; a record never answers no, since a"
                    + " pregnancy may have begun since: pregnant stays as the questionnaire answered it.");
        } else {
            mapping.notes.add(label + " does not say whether the patient is pregnant; not used.");
        }
    }

    /**
     * The gestational age now, in completed weeks, from the latest gestational age Observation (in weeks or
     * days) and the days since it was made; used only when the patient is pregnant by the answers or a
     * record. A higher answered age stands; a lower one gives way to the record's, with a note.
     */
    private static void readGestationalAge(Mapping mapping, List<Observation> gestations) {
        Map.Entry<Observation, Instant> latest = latest(mapping, gestations, "gestational age");
        if (latest == null) {
            return;
        }
        Observation observation = latest.getKey();
        String label = label(observation);
        Long days = gestationDays(observation);
        if (days == null) {
            mapping.notes.add(label + " gives no gestational age in weeks or days; not used.");
            return;
        }
        if (mapping.values.get(FactField.PREGNANT) != TriState.YES) {
            mapping.notes.add(label + " gives a gestational age, but neither the answers nor a current record say"
                    + " the patient is pregnant; not used. Ask whether she is pregnant.");
            return;
        }
        LocalDate made = LocalDate.ofInstant(latest.getValue(), ZoneOffset.UTC);
        long weeks = Math.floorDiv(days + ChronoUnit.DAYS.between(made, LocalDate.ofInstant(mapping.asOf, ZoneOffset.UTC)), 7);
        if (weeks > LONGEST_PREGNANCY_WEEKS) {
            mapping.notes.add(label + " (" + made + ") would make the pregnancy " + weeks + " weeks now, longer than a"
                    + " pregnancy lasts: it is of an earlier one; not used.");
            return;
        }
        recordHigher(mapping, FactField.GESTATION_WEEKS, (int) weeks, label, " (gestational age on " + made + ")");
    }

    /** The gestational age an Observation gives, in whole days; null when it gives none in weeks or days. */
    private static Long gestationDays(Observation observation) {
        if (!(observation.getValue() instanceof Quantity quantity) || quantity.getValue() == null
                || quantity.getValue().signum() < 0) {
            return null;
        }
        String unit = unit(quantity);
        if (unit != null && List.of("wk", "weeks", "week").contains(unit)) {
            return quantity.getValue().multiply(BigDecimal.valueOf(7)).setScale(0, RoundingMode.FLOOR).longValue();
        }
        if (unit != null && List.of("d", "days", "day").contains(unit)) {
            return quantity.getValue().setScale(0, RoundingMode.FLOOR).longValue();
        }
        return null;
    }

    /** A quantity's UCUM code, or its human unit when it has none. */
    private static String unit(Quantity quantity) {
        String unit = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
        return unit == null ? null : unit.strip();
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
    private static void set(Mapping mapping, FactField field, Object value, String record, String detail) {
        mapping.values.put(field, value);
        mapping.sources.put(field.fieldName(), record + detail);
        if (record.contains("/")) {
            mapping.basis.add(record);
        }
    }

    /** Builds the facts; a validation problem names its field and, for a value from a record, the record. */
    private static PatientFacts build(Mapping mapping) {
        PatientFacts.Builder builder = PatientFacts.builder();
        mapping.values.forEach((field, value) -> field.write(builder, value));
        try {
            return builder.build();
        } catch (InvalidPatientFactsException e) {
            List<Problem> problems = new ArrayList<>();
            for (Problem problem : e.problems()) {
                String source = problem.field() == null ? null : mapping.sources.get(problem.field());
                problems.add(source == null || source.startsWith("QuestionnaireResponse") ? problem
                        : new Problem(problem.field(), problem.value(), problem.message() + " (from " + source + ")"));
            }
            throw new FhirMappingException(problems);
        }
    }

    private static void failOnProblems(Mapping mapping) {
        if (!mapping.problems.isEmpty()) {
            throw new FhirMappingException(mapping.problems);
        }
    }

    /**
     * Names a record for notes and problems.
     *
     * @param resource the record
     * @return its type and id, such as {@code Condition/c7}, or the bare type when the record has no id
     */
    public static String label(Resource resource) {
        String id = resource.getIdElement().getIdPart();
        return resource.fhirType() + (id == null ? "" : "/" + id);
    }
}
