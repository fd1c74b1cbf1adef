package org.nightpain.cds.hooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Finding;
import org.nightpain.cds.KnowledgeBaseInfo;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.Urgency;
import org.nightpain.cds.fhir.Canonicals;

/**
 * The assessment as a FHIR R4 RiskAssessment, for an EHR that stores triage results: one prediction per
 * presented finding (the rule as the outcome, the urgency as the qualitative risk), the records the facts
 * came from as its basis, and the knowledge base as its method. Offered on the first card as a
 * suggestion the clinician may accept; the service itself stores nothing.
 *
 * <p>It is written as FHIR R4 JSON directly, in the element order of the resource, so that the card that
 * carries it needs no round trip through HAPI FHIR; a test parses it with HAPI's strict parser.
 */
final class TriageRecord {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** FHIR dateTime to the second, with the offset written out as HAPI FHIR writes it. */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private TriageRecord() {
    }

    static ObjectNode of(Assessment assessment, FhirFacts input, String patientId, Canonicals canonicals) {
        KnowledgeBaseInfo knowledgeBase = assessment.knowledgeBase();
        ObjectNode record = JSON.objectNode();
        record.put("resourceType", "RiskAssessment");
        record.put("status", "final");
        record.putObject("method").set("coding", JSON.arrayNode().add(coding(canonicals.knowledgeBaseSystem(),
                knowledgeBase.id() + "|" + knowledgeBase.version(),
                knowledgeBase.id() + " " + knowledgeBase.version() + " (sha256 " + knowledgeBase.sha256() + ")")));
        record.putObject("code").put("text", "Triage of low back pain worse at night or on lying down");
        record.putObject("subject").put("reference", "Patient/" + patientId);
        record.put("occurrenceDateTime", DATE_TIME.format(assessment.assessedAt().atOffset(ZoneOffset.UTC)));
        if (!input.basis().isEmpty()) {
            ArrayNode basis = record.putArray("basis");
            input.basis().forEach(reference -> basis.addObject().put("reference", reference));
        }
        if (!assessment.findings().isEmpty()) {
            ArrayNode predictions = record.putArray("prediction");
            for (Finding finding : assessment.findings()) {
                ObjectNode prediction = predictions.addObject();
                ObjectNode outcome = prediction.putObject("outcome");
                outcome.putArray("coding").add(coding(canonicals.ruleSystem(), finding.ruleId(), Cards.title(finding.code())));
                outcome.put("text", Cards.title(finding.code()));
                if (finding.urgency() != null) {
                    prediction.putObject("qualitativeRisk").putArray("coding").add(coding(
                            canonicals.codeSystem(Urgency.class), finding.urgency().name(),
                            TriageQuestionnaire.display(finding.urgency().name())));
                }
                prediction.put("rationale", finding.rationale());
            }
        }
        record.putArray("note").addObject().put("text", "Highest urgency: " + assessment.highestUrgency().name()
                + ". " + NightPainAssessor.INTENDED_USE);
        return record;
    }

    private static ObjectNode coding(String system, String code, String display) {
        return JSON.objectNode().put("system", system).put("code", code).put("display", display);
    }
}
