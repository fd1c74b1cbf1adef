package org.nightpain.cds.fhir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nightpain.cds.PatientFacts;

/**
 * What one patient's FHIR records say as facts.
 *
 * @param facts    the patient's facts: the questionnaire's answers with what the records add; every fact
 *                 that nothing gave is unknown
 * @param answered true when a QuestionnaireResponse to the triage Questionnaire gave answers; false when
 *                 the facts come from the records alone
 * @param sources  for each fact taken from FHIR, the record it came from ("QuestionnaireResponse/qr1",
 *                 "Condition/c7 (SNOMED 363346000)")
 * @param basis    the references of the records that gave facts ("QuestionnaireResponse/qr1", "Condition/c7")
 * @param notes    records that were read but not used, and conflicts settled, in plain words
 */
public record MappedFacts(PatientFacts facts, boolean answered, Map<String, String> sources, List<String> basis,
                          List<String> notes) {
    /**
     * Copies the map and the lists, so that the result is immutable.
     *
     * @param facts the patient's facts: the questionnaire's answers with what the records add; every fact that
     *        nothing gave is unknown
     * @param answered true when a QuestionnaireResponse to the triage Questionnaire gave answers; false when the
     *        facts come from the records alone
     * @param sources for each fact taken from FHIR, the record it came from ("QuestionnaireResponse/qr1",
     *        "Condition/c7 (SNOMED 363346000)")
     * @param basis the references of the records that gave facts ("QuestionnaireResponse/qr1", "Condition/c7")
     * @param notes records that were read but not used, and conflicts settled, in plain words
     */
    public MappedFacts {
        // In the order given: Map.copyOf would iterate in an order that changes from one JVM to the next.
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        basis = List.copyOf(basis);
        notes = List.copyOf(notes);
    }
}
