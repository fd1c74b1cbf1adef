package org.nightpain.cds.hooks;

import java.util.stream.Collectors;
import org.nightpain.cds.fhir.Canonicals;
import org.nightpain.cds.fhir.FhirFactMapper;

/**
 * The prefetch templates of the service: the key the CDS client sends each result under, the FHIR
 * query it runs, and the resource type the result must hold (the resource itself or a searchset Bundle
 * of them).
 */
enum PrefetchKey {
    PATIENT("patient", "Patient/{{context.patientId}}", "Patient"),
    QUESTIONNAIRE_RESPONSE("questionnaireResponse", "QuestionnaireResponse?patient={{context.patientId}}"
            + "&questionnaire=" + PrefetchKey.QUESTIONNAIRE + "&_sort=-authored&_count=1", "QuestionnaireResponse"),
    CONDITIONS("conditions", "Condition?patient={{context.patientId}}", "Condition"),
    BODY_TEMPERATURE("bodyTemperature", "Observation?patient={{context.patientId}}&code=http://loinc.org|8310-5"
            + "&_sort=-date&_count=10", "Observation"),
    MEDICATIONS("medications", "MedicationStatement?patient={{context.patientId}}", "MedicationStatement"),
    PREGNANCY("pregnancy", "Observation?patient={{context.patientId}}&code=" + FhirFactMapper.PREGNANCY_OBSERVATIONS
            .stream().map(code -> "http://loinc.org|" + code).collect(Collectors.joining(",")) + "&_sort=-date&_count=10",
            "Observation");

    /** Stands for the Questionnaire's canonical URL in a template. */
    private static final String QUESTIONNAIRE = "{questionnaire}";

    private final String key;
    private final String template;
    private final String resourceType;

    PrefetchKey(String key, String template, String resourceType) {
        this.key = key;
        this.template = template;
        this.resourceType = resourceType;
    }

    String key() {
        return key;
    }

    /** The FHIR query, with the Questionnaire named by these canonicals. */
    String template(Canonicals canonicals) {
        return template.replace(QUESTIONNAIRE, canonicals.questionnaire());
    }

    String resourceType() {
        return resourceType;
    }

    /** The template with this key, or null. */
    static PrefetchKey byKey(String key) {
        for (PrefetchKey candidate : values()) {
            if (candidate.key.equals(key)) {
                return candidate;
            }
        }
        return null;
    }

    /** Every key, for messages. */
    static String allKeys() {
        StringBuilder keys = new StringBuilder();
        for (PrefetchKey candidate : values()) {
            keys.append(keys.length() == 0 ? "" : ", ").append(candidate.key);
        }
        return keys.toString();
    }
}
