package org.nightpain.cds.hooks;

import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Finding;
import org.nightpain.cds.KnowledgeBaseInfo;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.Urgency;

/**
 * The assessment as a FHIR R4 RiskAssessment, for an EHR that stores triage results: one prediction per
 * presented finding (the rule as the outcome, the urgency as the qualitative risk), the records the facts
 * came from as its basis, and the knowledge base as its method. Offered on the first card as a
 * suggestion the clinician may accept; the service itself stores nothing.
 */
final class TriageRecord {

    private TriageRecord() {
    }

    static RiskAssessment of(Assessment assessment, FhirFacts input, String patientId, Canonicals canonicals) {
        KnowledgeBaseInfo knowledgeBase = assessment.knowledgeBase();
        RiskAssessment record = new RiskAssessment();
        record.setStatus(RiskAssessment.RiskAssessmentStatus.FINAL);
        record.setSubject(new Reference("Patient/" + patientId));
        record.setOccurrence(new DateTimeType(Date.from(assessment.assessedAt())));
        record.setCode(new CodeableConcept().setText("Triage of low back pain worse at night or on lying down"));
        record.setMethod(new CodeableConcept(new Coding(canonicals.knowledgeBaseSystem(), knowledgeBase.id() + "|" + knowledgeBase.version(),
                knowledgeBase.id() + " " + knowledgeBase.version() + " (sha256 " + knowledgeBase.sha256() + ")")));
        for (String reference : input.basis()) {
            record.addBasis(new Reference(reference));
        }
        for (Finding finding : assessment.findings()) {
            RiskAssessment.RiskAssessmentPredictionComponent prediction = record.addPrediction();
            prediction.setOutcome(new CodeableConcept(new Coding(canonicals.ruleSystem(), finding.ruleId(), Cards.title(finding.code())))
                    .setText(Cards.title(finding.code())));
            if (finding.urgency() != null) {
                prediction.setQualitativeRisk(new CodeableConcept(new Coding(canonicals.codeSystem(Urgency.class), finding.urgency().name(),
                        TriageQuestionnaire.display(finding.urgency().name()))));
            }
            prediction.setRationale(finding.rationale());
        }
        record.addNote().setText("Highest urgency: " + assessment.highestUrgency().name()
                + ". " + NightPainAssessor.INTENDED_USE);
        return record;
    }
}
