package org.nightpain.cds.hooks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nightpain.cds.PatientFacts;

/**
 * What the service made of a request's prefetch.
 *
 * @param facts   the patient's facts, or null when there is no questionnaire response to assess
 * @param sources for each fact taken from FHIR, the record it came from ("QuestionnaireResponse/qr1",
 *                "Condition/c7 (SNOMED 363346000)")
 * @param basis   the references of the records that gave facts ("QuestionnaireResponse/qr1", "Condition/c7")
 * @param notSent the prefetch keys the CDS client did not send; their facts stay as answered or unknown
 * @param notes   records that were read but not used, and conflicts settled, in plain words
 */
record FhirFacts(PatientFacts facts, Map<String, String> sources, List<String> basis, List<String> notSent,
                 List<String> notes) {
    FhirFacts {
        // In the order given: Map.copyOf would iterate in an order that changes from one JVM to the next.
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        basis = List.copyOf(basis);
        notSent = List.copyOf(notSent);
        notes = List.copyOf(notes);
    }

    /** True when there were answers to assess. */
    boolean assessable() {
        return facts != null;
    }
}
