package org.nightpain.cds;

/**
 * Which knowledge base produced an assessment.
 *
 * @param id      the knowledge base id, {@code nightpain-lbp}
 * @param version the knowledge version
 * @param sha256  SHA-256 (hex) of the rule sources: the DRL files and the registers they use. One digest over,
 *                for each file that the knowledge-base manifest lists and in its order, the file's name and a
 *                line feed (UTF-8), then the file's bytes.
 */
public record KnowledgeBaseInfo(String id, String version, String sha256) {
}
