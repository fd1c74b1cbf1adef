package org.nightpain.cds.hooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Finding;
import org.nightpain.cds.KnowledgeBaseInfo;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.Urgency;
import org.nightpain.cds.fhir.Canonicals;

/**
 * The assessment as a FHIR R4 RiskAssessment, for an EHR that stores triage results: one prediction per
 * presented finding code (its rules as the outcome, the urgency as the qualitative risk), the records the facts
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
        // A fresh id, as the CDS Hooks specification's example of a create action gives its resource.
        record.put("id", UUID.randomUUID().toString());
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
            for (List<Finding> group : Cards.byCode(assessment.findings())) {
                Finding first = group.get(0);
                String title = DisplayTexts.finding(first.code());
                ObjectNode prediction = predictions.addObject();
                ObjectNode outcome = prediction.putObject("outcome");
                ArrayNode codings = outcome.putArray("coding");
                group.forEach(finding -> codings.add(coding(canonicals.ruleSystem(), finding.ruleId(), title)));
                outcome.put("text", title);
                if (first.urgency() != null) {
                    prediction.putObject("qualitativeRisk").putArray("coding").add(coding(
                            canonicals.codeSystem(Urgency.class), first.urgency().name(), DisplayTexts.of(first.urgency())));
                }
                prediction.put("rationale", group.stream().map(Finding::rationale).distinct().collect(Collectors.joining(" ")));
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
