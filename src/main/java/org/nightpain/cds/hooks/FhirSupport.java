package org.nightpain.cds.hooks;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.nightpain.cds.internal.KnowledgeFiles;

/**
 * The FHIR side of the service, made ready once: the HAPI FHIR R4 context, the prefetch reader and the
 * Questionnaire as JSON. Loading it is the slow part of starting the service (HAPI learns the resource
 * types it meets), so it parses one of each prefetched type up front: the first call is then as fast as
 * the others, and {@code serve} can load it while the rule base loads.
 */
final class FhirSupport {
    /** One record of every type the prefetch can hold; parsing it teaches HAPI those types. */
    private static final String WARM_UP = """
            {"resourceType": "Bundle", "type": "searchset", "entry": [
              {"resource": {"resourceType": "Patient", "id": "w", "birthDate": "1980-01-01"}},
              {"resource": {"resourceType": "QuestionnaireResponse", "status": "completed",
                "item": [{"linkId": "nightPain", "answer": [{"valueBoolean": true}]}]}},
              {"resource": {"resourceType": "Condition", "code": {"coding": [{"system": "s", "code": "c"}]}}},
              {"resource": {"resourceType": "Observation", "status": "final", "code": {"text": "t"},
                "valueQuantity": {"value": 37.0, "code": "Cel"}}},
              {"resource": {"resourceType": "MedicationStatement", "status": "active",
                "medicationCodeableConcept": {"text": "m"}}},
              {"resource": {"resourceType": "OperationOutcome", "issue": [{"severity": "warning", "code": "informational"}]}}
            ]}""";

    private final FhirContext fhir;
    private final PrefetchReader reader;
    private final String questionnaire;
    private final Canonicals canonicals;

    private FhirSupport(FhirContext fhir, PrefetchReader reader, String questionnaire, Canonicals canonicals) {
        this.fhir = fhir;
        this.reader = reader;
        this.questionnaire = questionnaire;
        this.canonicals = canonicals;
    }

    /** The FHIR side with the placeholder canonical URLs. */
    static FhirSupport load() {
        return load(Canonicals.PLACEHOLDER);
    }

    /** Builds the context, the reader and the Questionnaire, and warms the parser. */
    static FhirSupport load(Canonicals canonicals) {
        FhirContext fhir = FhirContext.forR4();
        fhir.newJsonParser().setParserErrorHandler(new FhirParseErrors()).parseResource(WARM_UP);
        String questionnaire = fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(
                TriageQuestionnaire.build(KnowledgeFiles.knowledgeBaseInfo().version(), canonicals));
        return new FhirSupport(fhir, new PrefetchReader(fhir, CodeLists.load(), canonicals), questionnaire, canonicals);
    }

    /** The canonical URLs the Questionnaire and the reader use. */
    Canonicals canonicals() {
        return canonicals;
    }

    PrefetchReader reader() {
        return reader;
    }

    /** A resource as FHIR JSON. */
    String encode(IBaseResource resource) {
        return fhir.newJsonParser().encodeResourceToString(resource);
    }

    /** The Questionnaire resource as pretty-printed FHIR JSON. */
    String questionnaire() {
        return questionnaire;
    }
}
