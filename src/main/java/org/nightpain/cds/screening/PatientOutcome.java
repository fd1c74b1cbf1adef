package org.nightpain.cds.screening;

import java.util.List;
import java.util.Map;
import org.nightpain.cds.Problem;
import org.nightpain.cds.fhir.MappedFacts;

/**
 * What one patient's records came to.
 *
 * @param patient  the patient's key ({@code Patient/p1})
 * @param status   whether there are facts to assess
 * @param facts    the mapped facts when {@code status} is {@link Status#MAPPED}, else null
 * @param problems why the patient cannot be assessed when {@code status} is {@link Status#INVALID}, else empty
 * @param records  the records read for the patient ("Condition/c7"), duplicates once
 * @param used     how many records went into the facts
 * @param reasons  how many records were not used, by reason
 * @param invalid  the invalid records among them, named
 */
public record PatientOutcome(String patient, Status status, MappedFacts facts, List<Problem> problems,
                             List<String> records, long used, Map<RecordReason, Long> reasons,
                             List<ScreeningSummary.InvalidRecord> invalid) {
    /** Whether a patient's records can be assessed. */
    public enum Status {
        /** The records gave valid facts. */
        MAPPED,
        /** A record or the facts are invalid: the patient gets an error row, never a result. */
        INVALID,
        /** Records name a patient whose Patient resource is not in the export: no row. */
        NOT_IN_EXPORT
    }

    /**
     * Copies the lists and the map, so that the outcome is immutable.
     *
     * @param patient  the patient's key ({@code Patient/p1})
     * @param status   whether there are facts to assess
     * @param facts    the mapped facts when {@code status} is {@link Status#MAPPED}, else null
     * @param problems why the patient cannot be assessed when {@code status} is {@link Status#INVALID}, else empty
     * @param records  the records read for the patient ("Condition/c7"), duplicates once
     * @param used     how many records went into the facts
     * @param reasons  how many records were not used, by reason
     * @param invalid  the invalid records among them, named
     */
    public PatientOutcome {
        problems = List.copyOf(problems);
        records = List.copyOf(records);
        reasons = Map.copyOf(reasons);
        invalid = List.copyOf(invalid);
    }
}
