package org.nightpain.cds.json;

import java.time.Instant;
import java.util.Objects;
import org.nightpain.cds.PatientFacts;

/**
 * A request read from JSON.
 *
 * @param id    the request's {@code "id"}, echoed in its result; null when not given
 * @param asOf  the request's {@code "asOf"} time; null when not given (the assessment then uses now)
 * @param facts the patient's facts; never null
 */
record AssessmentRequest(String id, Instant asOf, PatientFacts facts) {
    public AssessmentRequest {
        Objects.requireNonNull(facts, "facts");
    }
}
