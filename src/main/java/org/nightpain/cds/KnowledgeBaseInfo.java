package org.nightpain.cds;

/**
 * Which knowledge base produced an assessment.
 *
 * @param id      the knowledge base id, {@code nightpain-lbp}
 * @param version the knowledge version
 * @param sha256  SHA-256 (hex) of the rule sources: the DRL files and the registers they use
 */
public record KnowledgeBaseInfo(String id, String version, String sha256) {
}
