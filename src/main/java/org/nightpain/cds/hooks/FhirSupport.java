package org.nightpain.cds.hooks;

import ca.uhn.fhir.context.FhirContext;
import java.util.Date;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RiskAssessment;

/**
 * The FHIR side of the service, made ready once: the HAPI FHIR R4 context and the prefetch reader.
 * Loading it is the slow part of starting the service (HAPI learns the resource types it meets), so it
 * parses one of each prefetched type and writes a RiskAssessment up front: the first call is then as fast
 * as the others. {@code serve} loads it in the background once the port is open, beside the rule base.
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
    private final Canonicals canonicals;

    private FhirSupport(FhirContext fhir, PrefetchReader reader, Canonicals canonicals) {
        this.fhir = fhir;
        this.reader = reader;
        this.canonicals = canonicals;
    }

    /** The FHIR side with the placeholder canonical URLs. */
    static FhirSupport load() {
        return load(Canonicals.PLACEHOLDER);
    }

    /** Builds the context and the reader, and warms the parser and the encoder. */
    static FhirSupport load(Canonicals canonicals) {
        FhirContext fhir = FhirContext.forR4();
        fhir.newJsonParser().setParserErrorHandler(new FhirParseErrors()).parseResource(WARM_UP);
        // Each call writes a RiskAssessment: teach the encoder that type too.
        RiskAssessment record = new RiskAssessment();
        record.setStatus(RiskAssessment.RiskAssessmentStatus.FINAL).setSubject(new Reference("Patient/w"))
                .setOccurrence(new DateTimeType(new Date(0))).addBasis(new Reference("Condition/w"))
                .addPrediction().setOutcome(new CodeableConcept(new Coding("s", "c", "d")))
                .setQualitativeRisk(new CodeableConcept(new Coding("s", "c", "d"))).setRationale("r");
        record.addNote().setText("n");
        fhir.newJsonParser().encodeResourceToString(record);
        return new FhirSupport(fhir, new PrefetchReader(fhir, CodeLists.load(), canonicals), canonicals);
    }

    /** The canonical URLs the reader uses. */
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
}
