package org.nightpain.cds.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Finding;
import org.nightpain.cds.KnowledgeBaseInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of one call in a deployment: missing prefetch read from the EHR's FHIR server, and the answer
 * written to the audit trail before it is sent, under the client that made the call.
 */
final class TrustedCall implements CallSteps {
    private static final Logger LOG = LoggerFactory.getLogger(TrustedCall.class);
    private final Deployment deployment;
    private final String serviceId;
    private final String clientIss;

    /**
     * @param clientIss the issuer of the verified token, or null for a service without authentication
     */
    TrustedCall(Deployment deployment, String serviceId, String clientIss) {
        this.deployment = deployment;
        this.serviceId = serviceId;
        this.clientIss = clientIss;
    }

    @Override
    public JsonNode prefetch(JsonNode request, String patientId) {
        return deployment.fetch().fill(request, patientId);
    }

    /**
     * Stores the audit record; a call whose record cannot be stored is not answered with cards (a 503), so
     * that every card a clinician saw has its record.
     */
    @Override
    public void answered(JsonNode request, String patientId, KnowledgeBaseInfo knowledgeBase, Assessment assessment,
                         JsonNode response) {
        ArrayNode findings = JsonNodeFactory.instance.arrayNode();
        if (assessment != null) {
            for (Finding finding : assessment.findings()) {
                findings.addObject().put("code", finding.code()).put("ruleId", finding.ruleId())
                        .put("ruleVersion", finding.ruleVersion());
            }
        }
        List<String> cards = new ArrayList<>();
        response.path("cards").forEach(card -> cards.add(card.path("uuid").asText()));
        Store.AuditRecord record = new Store.AuditRecord(deployment.clock().instant(), request.path("hookInstance").asText(),
                serviceId, clientIss, deployment.patientHash(patientId), knowledgeBase.id(), knowledgeBase.version(),
                knowledgeBase.sha256(), assessment == null || assessment.highestUrgency() == null ? null
                : assessment.highestUrgency().name(), findings, cards);
        try {
            deployment.store().recordCall(record);
        } catch (IllegalStateException e) {
            LOG.error("A call was not answered because its audit record could not be stored: {}", e.getMessage());
            throw new HookException(503, "UNAVAILABLE", "The audit trail could not be written, and no cards are sent"
                    + " without their record; call again shortly.", List.of());
        }
    }
}
