package org.nightpain.cds.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.KnowledgeBaseInfo;

/**
 * What a deployment adds to one call of the service, at two points of {@link TriageService}: before the
 * prefetch is read (fill in what the call left out) and once the cards are made (record them before they are
 * sent). Either may refuse the call with a {@link HookException}.
 */
interface CallSteps {
    /** Nothing added: the prefetch as sent, nothing recorded. */
    CallSteps NONE = new CallSteps() {
        @Override
        public JsonNode prefetch(JsonNode request, String patientId) {
            return request.get("prefetch");
        }

        @Override
        public void answered(JsonNode request, String patientId, KnowledgeBaseInfo knowledgeBase, Assessment assessment,
                             JsonNode response) {
            // nothing to record
        }
    };

    /** The prefetch to read for this call, whose envelope has been checked. */
    JsonNode prefetch(JsonNode request, String patientId);

    /**
     * The call is answered with {@code response} (its cards); called before it is sent.
     *
     * @param assessment the assessment, or null when the triage did not run (no answers on record)
     */
    void answered(JsonNode request, String patientId, KnowledgeBaseInfo knowledgeBase, Assessment assessment,
                  JsonNode response);
}
