package org.nightpain.cds.hooks;

import ca.uhn.fhir.context.FhirContext;
import org.nightpain.cds.fhir.Canonicals;
import org.nightpain.cds.fhir.FhirFactMapper;
import org.nightpain.cds.fhir.FhirParseErrors;

/**
 * The FHIR side of the service, made ready once: the HAPI FHIR R4 context and the prefetch reader.
 * Loading it is the slow part of starting the service (HAPI learns the resource types it meets), so it
 * parses one of each prefetched type up front: the first call is then as fast as the others. {@code serve} loads it in the background once the port is open, beside the rule base.
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

    private final PrefetchReader reader;
    private final Canonicals canonicals;

    private FhirSupport(PrefetchReader reader, Canonicals canonicals) {
        this.reader = reader;
        this.canonicals = canonicals;
    }

    /** The FHIR side with the placeholder canonical URLs. */
    static FhirSupport load() {
        return load(Canonicals.PLACEHOLDER);
    }

    /** Builds the context and the reader, and warms the parser. */
    static FhirSupport load(Canonicals canonicals) {
        FhirContext fhir = FhirContext.forR4();
        fhir.newJsonParser().setParserErrorHandler(new FhirParseErrors()).parseResource(WARM_UP);
        return new FhirSupport(new PrefetchReader(fhir, FhirFactMapper.create(canonicals)), canonicals);
    }

    /** The canonical URLs the reader uses. */
    Canonicals canonicals() {
        return canonicals;
    }

    PrefetchReader reader() {
        return reader;
    }

}
