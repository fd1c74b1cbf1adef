package org.nightpain.cds.screening;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.nightpain.cds.fhir.Canonicals;

/**
 * Writes a synthetic FHIR Bulk Data export for tests and benchmarks: Patient, QuestionnaireResponse,
 * Condition, Observation, MedicationStatement and (not screened) Encounter files, about eight
 * resources per patient, coded with the SNOMED CT, ICD-10, LOINC and ATC codes the fact mapper reads,
 * and a manifest. The same settings always give the same bytes. A known share of patients carry a
 * planted red flag, most of them in the records rather than the answers (a cancer on the problem list
 * that the questionnaire denies, a fever with HIV, long-term prednisolone with a sudden onset), and
 * {@link Result#planted()} says which finding each must raise. The rest are drawn to look like ordinary
 * night-time back pain; some of them have findings of their own. No real person is described.
 */
public final class SyntheticBulkExport {
    /** The resource types written, in file order. */
    static final List<String> TYPES = List.of("Patient", "QuestionnaireResponse", "Condition", "Observation",
            "MedicationStatement", "Encounter");
    private static final String SERVER = "https://ehr.example.org/fhir/";
    private static final String SNOMED = "http://snomed.info/sct";
    private static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    private static final String LOINC = "http://loinc.org";
    private static final String ATC = "http://www.whocc.no/atc";
    private static final String[][] BACKGROUND_CONDITIONS = {
        {ICD10, "I10", "Essential hypertension"}, {SNOMED, "38341003", "Hypertensive disorder"},
        {ICD10, "E11.9", "Type 2 diabetes mellitus without complications"}, {SNOMED, "279039007", "Low back pain"},
        {ICD10, "M54.5", "Low back pain"}, {ICD10, "J45.909", "Asthma, unspecified"},
        {SNOMED, "35489007", "Depressive disorder"}, {ICD10, "K21.9", "Gastro-oesophageal reflux disease"},
        {ICD10, "C44.91", "Basal cell carcinoma of skin"}};
    private static final String[][] BACKGROUND_MEDICINES = {
        {"M01AE01", "Ibuprofen"}, {"N02BE01", "Paracetamol"}, {"A02BC01", "Omeprazole"},
        {"C08CA01", "Amlodipine"}, {"A10BA02", "Metformin"}, {"N02AJ06", "Codeine and paracetamol"}};
    private static final Set<String> RED_FLAG_QUESTIONS = Set.of("urinaryRetention", "urinaryDifficultyNew",
            "urinaryIncontinenceNew", "faecalIncontinenceNew", "saddleAnaesthesia", "feverOrRigorsReported",
            "weightLossUnexplained", "historyOfCancer");

    /** A red flag planted in a patient's records, and the finding codes of which one must be raised. */
    public enum Plant {
        /** The answers: unable to pass urine, saddle numbness. */
        CAUDA_EQUINA(Set.of("CAUDA_EQUINA_SUSPECTED")),
        /** The records: HIV on the problem list and 38.9 °C measured within the day. */
        SPINAL_INFECTION(Set.of("SPINAL_INFECTION_SUSPECTED")),
        /** The records: breast cancer on the problem list, which the answers deny. */
        CANCER_HISTORY(Set.of("CANCER_HISTORY_REVIEW", "SPINAL_METASTASIS_SUSPECTED", "MSCC_SUSPECTED")),
        /** The records: prednisolone taken; the answers: the pain began suddenly. */
        STEROID_FRACTURE(Set.of("OSTEOPOROTIC_FRACTURE_SUSPECTED", "SPINAL_FRACTURE_SUSPECTED"));

        private final Set<String> findings;

        Plant(Set<String> findings) {
            this.findings = findings;
        }

        /** {@return the finding codes any one of which shows the red flag was found} */
        public Set<String> findings() {
            return findings;
        }
    }

    /**
     * How to generate.
     *
     * @param patients         how many patients
     * @param seed             the seed: the same seed gives the same export
     * @param plantedShare     the share of patients with a planted red flag, 0 to 1
     * @param asOf             the export's transaction time; records are dated before it
     * @param resourcesPerFile resources per file before a type's next file is begun
     * @param canonicals       the canonical URLs that name the triage Questionnaire
     */
    public record Settings(long patients, long seed, double plantedShare, Instant asOf, int resourcesPerFile,
                           Canonicals canonicals) {
        /**
         * Checks the settings.
         *
         * @param patients         how many patients, at least 0
         * @param seed             the seed: the same seed gives the same export
         * @param plantedShare     the share of patients with a planted red flag, 0 to 1
         * @param asOf             the export's transaction time; records are dated before it
         * @param resourcesPerFile resources per file before a type's next file is begun, at least 1
         * @param canonicals       the canonical URLs that name the triage Questionnaire
         * @throws NullPointerException     when asOf or canonicals is null
         * @throws IllegalArgumentException when a number is out of its range
         */
        public Settings {
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(canonicals, "canonicals");
            if (patients < 0 || plantedShare < 0 || plantedShare > 1 || resourcesPerFile < 1) {
                throw new IllegalArgumentException("patients >= 0, plantedShare 0-1 and resourcesPerFile >= 1");
            }
        }

        /**
         * 5 % planted, 50,000 resources per file, the placeholder canonicals.
         *
         * @param patients how many patients
         * @param seed     the seed: the same seed gives the same export
         * @param asOf     the export's transaction time; records are dated before it
         * @return the settings
         */
        public static Settings of(long patients, long seed, Instant asOf) {
            return new Settings(patients, seed, 0.05, asOf, 50_000, Canonicals.PLACEHOLDER);
        }
    }

    /**
     * One patient with a planted red flag.
     *
     * @param patient the patient's key ({@code Patient/p17})
     * @param plant   the red flag planted in the patient's records
     */
    public record Planted(String patient, Plant plant) {
    }

    /**
     * What was written.
     *
     * @param planted   every patient with a planted red flag, in patient order
     * @param resources resources written, by type
     */
    public record Result(List<Planted> planted, Map<String, Long> resources) {
    }

    // Resources are flushed into the file's buffer one by one, so that a line end can follow each: not to the disk.
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM).build();

    private final Settings settings;
    private final Path folder;
    private final Map<String, TypeWriter> writers = new LinkedHashMap<>();
    private final LocalDate today;

    private SyntheticBulkExport(Settings settings, Path folder) {
        this.settings = settings;
        this.folder = folder;
        this.today = LocalDate.ofInstant(settings.asOf(), ZoneOffset.UTC);
    }

    /**
     * Writes an export into {@code folder} (created if needed): its NDJSON files and {@code manifest.json}.
     *
     * @param folder   the folder to write into
     * @param settings how to generate
     * @return the patients with a planted red flag, and the resources written by type
     * @throws IOException when a file cannot be written
     */
    public static Result write(Path folder, Settings settings) throws IOException {
        Files.createDirectories(folder);
        SyntheticBulkExport export = new SyntheticBulkExport(settings, folder);
        try {
            return export.writeAll();
        } finally {
            for (TypeWriter writer : export.writers.values()) {
                writer.close();
            }
        }
    }

    /**
     * Writes an export from the command line: {@code FOLDER PATIENTS [SEED [AS_OF [PLANTED_SHARE]]]}. Used by
     * the benchmarks and for {@code examples/bulk}. Exits with status 2 when fewer than two arguments are given.
     *
     * @param args the folder, the number of patients, then optionally the seed (1), the as-of time
     *             (2026-11-25T08:00:00Z) and the planted share (0.05)
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SyntheticBulkExport FOLDER PATIENTS [SEED [AS_OF [PLANTED_SHARE]]]");
            System.exit(2);
        }
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        Instant asOf = args.length > 3 ? Instant.parse(args[3]) : Instant.parse("2026-11-25T08:00:00Z");
        double share = args.length > 4 ? Double.parseDouble(args[4]) : 0.05;
        Result result = write(Path.of(args[0]), new Settings(Long.parseLong(args[1]), seed, share, asOf, 50_000,
                Canonicals.PLACEHOLDER));
        System.err.println("wrote " + result.resources() + "; " + result.planted().size() + " planted red flags: "
                + (result.planted().size() <= 20 ? result.planted() : ""));
    }

    private Result writeAll() throws IOException {
        for (String type : TYPES) {
            writers.put(type, new TypeWriter(type));
        }
        List<Planted> planted = new ArrayList<>();
        for (long i = 0; i < settings.patients(); i++) {
            Plant plant = plant(i);
            SplittableRandom random = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + i);
            String key = patient(i, plant, random);
            if (plant != null) {
                planted.add(new Planted(key, plant));
            }
        }
        writeManifest();
        Map<String, Long> counts = new LinkedHashMap<>();
        writers.forEach((type, writer) -> counts.put(type, writer.total));
        return new Result(planted, counts);
    }

    /** Spreads the planted patients evenly: exactly floor(n * share) of the first n patients. */
    private Plant plant(long i) {
        double share = settings.plantedShare();
        long before = (long) Math.floor(i * share);
        long after = (long) Math.floor((i + 1) * share);
        if (after == before) {
            return null;
        }
        return Plant.values()[(int) (before % Plant.values().length)];
    }

    /** Writes one patient's resources and returns the patient's key. */
    private String patient(long i, Plant plant, SplittableRandom random) throws IOException {
        // One patient in ten has a UUID for an id, and is referred to as urn:uuid:...; one in ten by an absolute URL.
        int naming = random.nextInt(10);
        String id = naming == 0 ? new UUID(settings.seed() ^ 0x5EEDL, i).toString() : "p" + i;
        String reference = naming == 0 ? "urn:uuid:" + id : naming == 1 ? SERVER + "Patient/" + id : "Patient/" + id;
        int age = 18 + random.nextInt(73);
        LocalDate birthDate = today.minusYears(age).minusDays(1 + random.nextInt(364));
        writePatient(id, i, birthDate, random);
        if (plant != null || random.nextInt(10) < 9) {
            writeQuestionnaireResponse(id, reference, age, plant, random);
        }
        int conditions = random.nextInt(4);
        for (int c = 0; c < conditions; c++) {
            String[] code = BACKGROUND_CONDITIONS[random.nextInt(BACKGROUND_CONDITIONS.length)];
            writeCondition(id + "-c" + c, reference, code, random);
        }
        if (plant == Plant.SPINAL_INFECTION) {
            writeCondition(id + "-hiv", reference, new String[] {ICD10, "B20", "HIV disease"}, random);
        } else if (plant == Plant.CANCER_HISTORY) {
            writeCondition(id + "-ca", reference, random.nextBoolean() ? new String[] {ICD10, "C50.9", "Breast cancer"}
                    : new String[] {SNOMED, "254837009", "Malignant neoplasm of breast"}, random);
        }
        if (random.nextInt(10) < 6) {
            writeTemperature(id + "-t1", reference, 36.2 + random.nextInt(13) / 10.0, random.nextInt(20), random);
        }
        if (random.nextInt(10) < 3) {
            writeTemperature(id + "-t0", reference, 36.0 + random.nextInt(30) / 10.0, 24 * (3 + random.nextInt(200)), random);
        }
        if (plant == Plant.SPINAL_INFECTION) {
            writeTemperature(id + "-fever", reference, 38.9, 2, random);
        }
        if (random.nextInt(10) < 7) {
            writeVitalSign(id + "-hr", reference, "8867-4", "Heart rate", 55 + random.nextInt(45), "/min", random);
        }
        if (random.nextInt(10) < 4) {
            writeVitalSign(id + "-bmi", reference, "39156-5", "Body mass index", 19 + random.nextInt(18), "kg/m2", random);
        }
        int medicines = random.nextInt(4);
        for (int m = 0; m < medicines; m++) {
            String[] medicine = BACKGROUND_MEDICINES[random.nextInt(BACKGROUND_MEDICINES.length)];
            writeMedication(id + "-m" + m, reference, medicine, false, random);
        }
        if (plant == Plant.STEROID_FRACTURE) {
            writeMedication(id + "-pred", reference, new String[] {"H02AB06", "Prednisolone"}, true, random);
        }
        int encounters = random.nextInt(3);
        for (int e = 0; e < encounters; e++) {
            writeEncounter(id + "-e" + e, reference, random);
        }
        return "Patient/" + id;
    }

    private void writePatient(String id, long i, LocalDate birthDate, SplittableRandom random) throws IOException {
        JsonGenerator json = writers.get("Patient").begin(id);
        meta(json, random);
        json.writeArrayFieldStart("identifier");
        json.writeStartObject();
        json.writeStringField("system", "https://ehr.example.org/mrn");
        json.writeStringField("value", String.format(Locale.ROOT, "MRN%08d", i));
        json.writeEndObject();
        json.writeEndArray();
        json.writeArrayFieldStart("name");
        json.writeStartObject();
        json.writeStringField("family", "Synthetic" + (i % 997));
        json.writeArrayFieldStart("given");
        json.writeString("Patient" + (i % 1009));
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        json.writeStringField("gender", random.nextBoolean() ? "female" : "male");
        json.writeStringField("birthDate", birthDate.toString());
        json.writeArrayFieldStart("address");
        json.writeStartObject();
        json.writeStringField("city", "Exampleton");
        json.writeStringField("postalCode", "EX" + random.nextInt(100) + " " + random.nextInt(10) + "AB");
        json.writeStringField("country", "GB");
        json.writeEndObject();
        json.writeEndArray();
        writers.get("Patient").end();
    }

    private void writeQuestionnaireResponse(String id, String reference, int age, Plant plant, SplittableRandom random)
            throws IOException {
        JsonGenerator json = writers.get("QuestionnaireResponse").begin(id + "-qr");
        meta(json, random);
        json.writeStringField("questionnaire", settings.canonicals().questionnaire());
        json.writeStringField("status", "completed");
        // Most name the patient as subject; some only as source or author, as some forms tools do.
        int who = random.nextInt(20);
        reference(json, who == 0 ? "source" : who == 1 ? "author" : "subject", reference);
        json.writeStringField("authored", settings.asOf().minus(1 + random.nextInt(30 * 24), ChronoUnit.HOURS).toString());
        json.writeArrayFieldStart("item");
        Map<String, Object> answers = answers(age, plant, random);
        for (Map.Entry<String, Object> answer : answers.entrySet()) {
            json.writeStartObject();
            json.writeStringField("linkId", answer.getKey());
            json.writeArrayFieldStart("answer");
            json.writeStartObject();
            Object value = answer.getValue();
            if (value instanceof Boolean yes) {
                json.writeBooleanField("valueBoolean", yes);
            } else if (value instanceof Integer number) {
                json.writeNumberField("valueInteger", number);
            } else if (value instanceof Double number) {
                json.writeNumberField("valueDecimal", number);
            } else {
                json.writeObjectFieldStart("valueCoding");
                json.writeStringField("code", value.toString());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        writers.get("QuestionnaireResponse").end();
    }

    /** Answers that look like ordinary night-time back pain, with the planted red flag if any. */
    private static Map<String, Object> answers(int age, Plant plant, SplittableRandom random) {
        Map<String, Object> answers = new LinkedHashMap<>();
        if (random.nextInt(10) < 3) {
            answers.put("ageYears", age);
        }
        answers.put("symptomDurationWeeks", 1 + random.nextInt(100) / 2.0);
        answers.put("onsetType", plant == Plant.STEROID_FRACTURE ? "SUDDEN"
                : random.nextInt(10) < 8 ? "GRADUAL_INSIDIOUS" : "SUDDEN");
        answers.put("progression", List.of("IMPROVING", "STABLE", "STABLE", "WORSENING").get(random.nextInt(4)));
        answers.put("painSeverityNrs", 2 + random.nextInt(7));
        answers.put("nightPain", random.nextInt(10) < 8);
        answers.put("wakesFromSleep", random.nextInt(10) < 5);
        answers.put("nightPainUnrelievedByPositionChange", random.nextInt(10) < 2);
        answers.put("radicularLegPain", random.nextInt(10) < 8 ? "NONE" : "UNILATERAL");
        answers.put("motorWeakness", "NONE");
        for (String question : RED_FLAG_QUESTIONS) {
            if (random.nextInt(100) < 92) {
                answers.put(question, false);
            }
        }
        answers.put("trauma", "NONE");
        if (random.nextInt(10) < 7) {
            answers.put("ivDrugUse", false);
            answers.put("immunosuppression", false);
        }
        if (random.nextInt(10) < 6) {
            answers.put("morningStiffnessMinutes", 5 * random.nextInt(12));
            answers.put("improvesWithExercise", random.nextBoolean());
            answers.put("restRelievesPain", random.nextBoolean());
            answers.put("sleepPosition", List.of("BACK", "SIDE", "STOMACH", "MIXED").get(random.nextInt(4)));
            answers.put("mattressFirmness", List.of("SOFT", "MEDIUM", "MEDIUM_FIRM", "FIRM").get(random.nextInt(4)));
        }
        switch (plant == null ? "" : plant.name()) {
            case "CAUDA_EQUINA" -> {
                answers.put("urinaryRetention", true);
                answers.put("saddleAnaesthesia", true);
            }
            // The record says cancer; the answer, given or not, says no: the record must win.
            case "CANCER_HISTORY" -> answers.put("historyOfCancer", false);
            default -> {
            }
        }
        return answers;
    }

    private void writeCondition(String id, String reference, String[] code, SplittableRandom random) throws IOException {
        JsonGenerator json = writers.get("Condition").begin(id);
        meta(json, random);
        codeable(json, "clinicalStatus", "http://terminology.hl7.org/CodeSystem/condition-clinical",
                random.nextInt(4) == 0 ? "resolved" : "active", null);
        codeable(json, "verificationStatus", "http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", null);
        codeable(json, "code", code[0], code[1], code[2]);
        reference(json, "subject", reference);
        json.writeStringField("recordedDate", today.minusDays(30 + random.nextInt(3000)).toString());
        writers.get("Condition").end();
    }

    private void writeTemperature(String id, String reference, double celsius, int hoursAgo, SplittableRandom random)
            throws IOException {
        JsonGenerator json = writers.get("Observation").begin(id);
        meta(json, random);
        json.writeStringField("status", "final");
        vitalSignsCategory(json);
        codeable(json, "code", LOINC, "8310-5", "Body temperature");
        reference(json, "subject", reference);
        json.writeStringField("effectiveDateTime", settings.asOf().minus(hoursAgo, ChronoUnit.HOURS).toString());
        json.writeObjectFieldStart("valueQuantity");
        json.writeNumberField("value", Math.round(celsius * 10) / 10.0);
        json.writeStringField("unit", "Cel");
        json.writeStringField("system", "http://unitsofmeasure.org");
        json.writeStringField("code", "Cel");
        json.writeEndObject();
        writers.get("Observation").end();
    }

    private void writeVitalSign(String id, String reference, String loinc, String name, int value, String unit,
                                SplittableRandom random) throws IOException {
        JsonGenerator json = writers.get("Observation").begin(id);
        meta(json, random);
        json.writeStringField("status", "final");
        vitalSignsCategory(json);
        codeable(json, "code", LOINC, loinc, name);
        reference(json, "subject", reference);
        json.writeStringField("effectiveDateTime", settings.asOf().minus(1 + random.nextInt(2000), ChronoUnit.HOURS).toString());
        json.writeObjectFieldStart("valueQuantity");
        json.writeNumberField("value", value);
        json.writeStringField("unit", unit);
        json.writeStringField("system", "http://unitsofmeasure.org");
        json.writeStringField("code", unit);
        json.writeEndObject();
        writers.get("Observation").end();
    }

    /**
     * A medicine taken; a {@code course} is one taken since a date and still taken, months of it (only a
     * documented course of 3 months or more counts as prolonged corticosteroids), the others one date.
     */
    private void writeMedication(String id, String reference, String[] medicine, boolean course,
                                 SplittableRandom random) throws IOException {
        JsonGenerator json = writers.get("MedicationStatement").begin(id);
        meta(json, random);
        json.writeStringField("status", "active");
        codeable(json, "medicationCodeableConcept", ATC, medicine[0], medicine[1]);
        reference(json, "subject", reference);
        if (course) {
            json.writeObjectFieldStart("effectivePeriod");
            json.writeStringField("start", today.minusDays(120 + random.nextInt(400)).toString());
            json.writeEndObject();
        } else {
            json.writeStringField("effectiveDateTime", today.minusDays(1 + random.nextInt(400)).toString());
        }
        writers.get("MedicationStatement").end();
    }

    private void writeEncounter(String id, String reference, SplittableRandom random) throws IOException {
        JsonGenerator json = writers.get("Encounter").begin(id);
        meta(json, random);
        json.writeStringField("status", "finished");
        json.writeObjectFieldStart("class");
        json.writeStringField("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode");
        json.writeStringField("code", "AMB");
        json.writeEndObject();
        reference(json, "subject", reference);
        json.writeObjectFieldStart("period");
        json.writeStringField("start", today.minusDays(1 + random.nextInt(700)).toString());
        json.writeEndObject();
        writers.get("Encounter").end();
    }

    private void meta(JsonGenerator json, SplittableRandom random) throws IOException {
        json.writeObjectFieldStart("meta");
        json.writeStringField("versionId", Integer.toString(1 + random.nextInt(3)));
        json.writeStringField("lastUpdated", settings.asOf().minus(1 + random.nextInt(100_000), ChronoUnit.MINUTES).toString());
        json.writeEndObject();
    }

    private static void vitalSignsCategory(JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("category");
        json.writeStartObject();
        json.writeArrayFieldStart("coding");
        json.writeStartObject();
        json.writeStringField("system", "http://terminology.hl7.org/CodeSystem/observation-category");
        json.writeStringField("code", "vital-signs");
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
    }

    private static void codeable(JsonGenerator json, String field, String system, String code, String display)
            throws IOException {
        json.writeObjectFieldStart(field);
        json.writeArrayFieldStart("coding");
        json.writeStartObject();
        json.writeStringField("system", system);
        json.writeStringField("code", code);
        if (display != null) {
            json.writeStringField("display", display);
        }
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void reference(JsonGenerator json, String field, String reference) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("reference", reference);
        json.writeEndObject();
    }

    private void writeManifest() throws IOException {
        try (OutputStream out = Files.newOutputStream(folder.resolve("manifest.json"));
             JsonGenerator json = JSON.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("transactionTime", settings.asOf().toString());
            json.writeStringField("request", SERVER + "$export");
            json.writeBooleanField("requiresAccessToken", false);
            json.writeArrayFieldStart("output");
            for (TypeWriter writer : writers.values()) {
                for (int f = 0; f < writer.counts.size(); f++) {
                    json.writeStartObject();
                    json.writeStringField("type", writer.type);
                    json.writeStringField("url", writer.fileName(f));
                    json.writeNumberField("count", writer.counts.get(f));
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            json.writeArrayFieldStart("error");
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /** The files of one resource type: a new one every {@code resourcesPerFile} resources. */
    private final class TypeWriter {
        private final String type;
        private final List<Long> counts = new ArrayList<>();
        private OutputStream out;
        private JsonGenerator json;
        private long total;

        TypeWriter(String type) {
            this.type = type;
        }

        String fileName(int index) {
            return String.format(Locale.ROOT, "%s-%03d.ndjson", type, index);
        }

        JsonGenerator begin(String id) throws IOException {
            if (json == null || counts.get(counts.size() - 1) == settings.resourcesPerFile()) {
                close();
                out = new BufferedOutputStream(Files.newOutputStream(folder.resolve(fileName(counts.size()))), 1 << 18);
                json = JSON.createGenerator(out);
                json.setPrettyPrinter(new MinimalPrettyPrinter(""));
                counts.add(0L);
            }
            json.writeStartObject();
            json.writeStringField("resourceType", type);
            json.writeStringField("id", id);
            return json;
        }

        void end() throws IOException {
            json.writeEndObject();
            json.flush();
            out.write('\n');
            counts.set(counts.size() - 1, counts.get(counts.size() - 1) + 1);
            total++;
        }

        void close() throws IOException {
            if (json != null) {
                json.close();
                out.close();
                json = null;
            }
        }
    }
}
