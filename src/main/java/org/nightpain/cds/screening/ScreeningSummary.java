package org.nightpain.cds.screening;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Finding;
import org.nightpain.cds.KnowledgeBaseInfo;
import org.nightpain.cds.Referral;
import org.nightpain.cds.Urgency;

/**
 * The counts of a screen, written as {@code summary.json}: records read, used, skipped and invalid (each
 * by reason), patients assessed and not, and the assessed patients by highest urgency, finding code and
 * referral. The counts add up: every record read is used, skipped or invalid, and every patient row is
 * assessed or not. Parts counted apart (by thread, by Spark partition) are merged with {@link #add}.
 * Not thread-safe.
 */
public final class ScreeningSummary {
    /** The invalid records listed by name in the summary, at most; all of them are counted. */
    public static final int LISTED_INVALID_RECORDS = 1000;

    /**
     * An invalid record, named.
     *
     * @param where  its file and line (or byte offset)
     * @param reason why it is invalid
     * @param record the resource ("Condition/c7") when known, else null
     */
    public record InvalidRecord(String where, RecordReason reason, String record) {
    }

    private final Map<String, Long> readByType = new TreeMap<>();
    private long used;
    private final Map<RecordReason, Long> reasons = new EnumMap<>(RecordReason.class);
    private final List<InvalidRecord> invalidRecords = new ArrayList<>();
    private long assessed;
    private long notAssessed;
    private long withoutAnswers;
    private long flagged;
    private final Map<Urgency, Long> urgencies = new EnumMap<>(Urgency.class);
    private final Map<String, Long> findings = new TreeMap<>();
    private final Map<String, Long> referrals = new TreeMap<>();

    /**
     * Counts one line read from a file and what it was.
     *
     * @param line  what the line is
     * @param where the file and line in words, for the list of invalid records ("Condition.ndjson:17")
     */
    public void line(RecordClassifier.Line line, String where) {
        readByType.merge(line.resourceType() == null ? "(unknown)" : line.resourceType(), 1L, Long::sum);
        if (!line.screened()) {
            reason(line.reason(), 1);
            if (line.reason().invalid()) {
                invalid(new InvalidRecord(where, line.reason(),
                        line.resourceType() == null || line.id() == null ? null : line.resourceType() + "/" + line.id()));
            }
        }
    }

    /**
     * Counts what became of one patient's records (the records themselves were counted as read by {@link #line}).
     *
     * @param outcome what the patient's records came to
     */
    public void records(PatientOutcome outcome) {
        used += outcome.used();
        outcome.reasons().forEach(this::reason);
        outcome.invalid().forEach(this::invalid);
    }

    /**
     * Names an invalid record; only the first {@link #LISTED_INVALID_RECORDS} are kept. It is not counted here.
     *
     * @param record the invalid record
     */
    public void invalid(InvalidRecord record) {
        if (invalidRecords.size() < LISTED_INVALID_RECORDS) {
            invalidRecords.add(record);
        }
    }

    /**
     * Counts an assessed patient.
     *
     * @param assessment the patient's assessment
     * @param answered   whether answers to the triage questionnaire were found
     * @param flagged    whether the patient is listed in flagged.csv
     */
    public void countAssessed(Assessment assessment, boolean answered, boolean flagged) {
        assessed++;
        withoutAnswers += answered ? 0 : 1;
        this.flagged += flagged ? 1 : 0;
        urgencies.merge(assessment.highestUrgency(), 1L, Long::sum);
        for (String code : findingCodes(assessment)) {
            findings.merge(code, 1L, Long::sum);
        }
        for (Referral referral : assessment.referrals()) {
            referrals.merge(referral.name(), 1L, Long::sum);
        }
    }

    /** Counts a patient who could not be assessed (listed in flagged.csv too). */
    public void countNotAssessed() {
        notAssessed++;
        flagged++;
    }

    /**
     * The distinct codes of an assessment's findings, most urgent first.
     *
     * @param assessment a patient's assessment
     * @return the finding codes, each once
     */
    public static List<String> findingCodes(Assessment assessment) {
        return assessment.findings().stream().map(Finding::code).distinct().toList();
    }

    /**
     * Adds counts made apart; the invalid records listed stay within the limit.
     *
     * @param other the counts to add; not changed
     */
    public void add(ScreeningSummary other) {
        other.readByType.forEach((type, n) -> readByType.merge(type, n, Long::sum));
        used += other.used;
        other.reasons.forEach(this::reason);
        other.invalidRecords.forEach(this::invalid);
        assessed += other.assessed;
        notAssessed += other.notAssessed;
        withoutAnswers += other.withoutAnswers;
        flagged += other.flagged;
        other.urgencies.forEach((urgency, n) -> urgencies.merge(urgency, n, Long::sum));
        other.findings.forEach((code, n) -> findings.merge(code, n, Long::sum));
        other.referrals.forEach((referral, n) -> referrals.merge(referral, n, Long::sum));
    }

    /**
     * Adds counts that were made elsewhere (by Spark): records read of a type.
     *
     * @param resourceType the resource type, or {@code (unknown)} for lines without one
     * @param n            how many records of that type were read
     */
    public void addRead(String resourceType, long n) {
        readByType.merge(resourceType, n, Long::sum);
    }

    /**
     * Adds records used to assess.
     *
     * @param n how many records were used
     */
    public void addUsed(long n) {
        used += n;
    }

    /**
     * Adds records not used, for a reason.
     *
     * @param reason why they were not used
     * @param n      how many records
     */
    public void reason(RecordReason reason, long n) {
        if (n != 0) {
            reasons.merge(reason, n, Long::sum);
        }
    }

    /**
     * Adds patient counts made elsewhere.
     *
     * @param assessed       patients assessed
     * @param notAssessed    patients who could not be assessed
     * @param withoutAnswers assessed patients without answers to the triage questionnaire
     * @param flagged        patients listed in flagged.csv
     */
    public void addPatients(long assessed, long notAssessed, long withoutAnswers, long flagged) {
        this.assessed += assessed;
        this.notAssessed += notAssessed;
        this.withoutAnswers += withoutAnswers;
        this.flagged += flagged;
    }

    /**
     * Adds assessed patients of a highest urgency.
     *
     * @param urgency the highest urgency
     * @param n       how many patients
     */
    public void addUrgency(Urgency urgency, long n) {
        urgencies.merge(urgency, n, Long::sum);
    }

    /**
     * Adds assessed patients with a finding of this code.
     *
     * @param code the finding code
     * @param n    how many patients
     */
    public void addFinding(String code, long n) {
        findings.merge(code, n, Long::sum);
    }

    /**
     * Adds assessed patients referred here.
     *
     * @param referral the referral's name
     * @param n        how many patients
     */
    public void addReferral(String referral, long n) {
        referrals.merge(referral, n, Long::sum);
    }

    /** {@return the records read in all, of every type} */
    public long read() {
        return readByType.values().stream().mapToLong(Long::longValue).sum();
    }

    /** {@return the records used to assess} */
    public long used() {
        return used;
    }

    /** {@return the records skipped or invalid, by reason} */
    public Map<RecordReason, Long> reasons() {
        return Map.copyOf(reasons);
    }

    /** {@return the records skipped (not used, but not invalid)} */
    public long skipped() {
        return reasons.entrySet().stream().filter(e -> !e.getKey().invalid()).mapToLong(Map.Entry::getValue).sum();
    }

    /** {@return the invalid records, all of them, listed or not} */
    public long invalidRecords() {
        return reasons.entrySet().stream().filter(e -> e.getKey().invalid()).mapToLong(Map.Entry::getValue).sum();
    }

    /** {@return the invalid records named, in the order they were met (at most {@link #LISTED_INVALID_RECORDS})} */
    public List<InvalidRecord> listedInvalidRecords() {
        return List.copyOf(invalidRecords);
    }

    /** {@return the patients assessed} */
    public long assessed() {
        return assessed;
    }

    /** {@return the patients who could not be assessed} */
    public long notAssessed() {
        return notAssessed;
    }

    /** {@return the patients listed in flagged.csv, those not assessed included} */
    public long flagged() {
        return flagged;
    }

    /** {@return the assessed patients by highest urgency} */
    public Map<Urgency, Long> urgencies() {
        return Map.copyOf(urgencies);
    }

    /** {@return the assessed patients by finding code} */
    public Map<String, Long> findings() {
        return Map.copyOf(findings);
    }

    /** {@return the assessed patients by referral} */
    public Map<String, Long> referrals() {
        return Map.copyOf(referrals);
    }

    /** {@return true when a record was invalid or a patient could not be assessed (exit code 3)} */
    public boolean hasProblems() {
        return invalidRecords() > 0 || notAssessed > 0;
    }

    /**
     * Writes {@code summary.json}, indented, and a line end.
     *
     * @param out           where to write; left open
     * @param export        the export as named by the user
     * @param asOf          the screen's as-of time
     * @param minUrgency    the lowest urgency listed in flagged.csv
     * @param knowledgeBase the knowledge base that assessed
     * @throws IOException when {@code out} cannot be written
     */
    public void write(OutputStream out, String export, Instant asOf, Urgency minUrgency, KnowledgeBaseInfo knowledgeBase)
            throws IOException {
        JsonFactory factory = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("export", export);
            json.writeStringField("asOf", asOf.toString());
            json.writeStringField("minUrgency", minUrgency.name());
            json.writeObjectFieldStart("knowledgeBase");
            json.writeStringField("id", knowledgeBase.id());
            json.writeStringField("version", knowledgeBase.version());
            json.writeStringField("sha256", knowledgeBase.sha256());
            json.writeEndObject();

            json.writeObjectFieldStart("records");
            json.writeNumberField("read", read());
            json.writeNumberField("used", used);
            reasons(json, "skipped", false);
            reasons(json, "invalid", true);
            counts(json, "readByResourceType", readByType);
            json.writeEndObject();

            json.writeObjectFieldStart("patients");
            json.writeNumberField("total", assessed + notAssessed);
            json.writeNumberField("assessed", assessed);
            json.writeNumberField("notAssessed", notAssessed);
            json.writeNumberField("assessedWithoutAnswers", withoutAnswers);
            json.writeNumberField("flagged", flagged);
            json.writeEndObject();

            json.writeObjectFieldStart("highestUrgency");
            for (Urgency urgency : Urgency.values()) {
                json.writeNumberField(urgency.name(), urgencies.getOrDefault(urgency, 0L));
            }
            json.writeEndObject();
            counts(json, "findings", findings);
            counts(json, "referrals", referrals);

            json.writeArrayFieldStart("invalidRecords");
            for (InvalidRecord record : invalidRecords) {
                json.writeStartObject();
                json.writeStringField("where", record.where());
                json.writeStringField("reason", record.reason().code());
                json.writeStringField("record", record.record());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }

    private void reasons(JsonGenerator json, String key, boolean invalid) throws IOException {
        json.writeObjectFieldStart(key);
        json.writeNumberField("total", invalid ? invalidRecords() : skipped());
        json.writeObjectFieldStart("byReason");
        for (RecordReason reason : RecordReason.values()) {
            if (reason.invalid() == invalid && reasons.getOrDefault(reason, 0L) > 0) {
                json.writeNumberField(reason.code(), reasons.get(reason));
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void counts(JsonGenerator json, String key, Map<String, Long> counts) throws IOException {
        json.writeObjectFieldStart(key);
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            json.writeNumberField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }
}
