package org.nightpain.cds.knowledge;

import org.nightpain.cds.KnowledgeBaseInfo;

/**
 * What adapters read from the knowledge base without loading its rules.
 *
 * <p>Public only because the CDS Hooks service names the knowledge-base version in its Questionnaire
 * before the rules have loaded, and the FHIR mapping reads the code lists; not part of the API.
 */
public final class KnowledgeBase {
    private static final KnowledgeBaseInfo INFO = KnowledgeFiles.knowledgeBaseInfo();

    private KnowledgeBase() {
    }

    /** The id, version and SHA-256 of the knowledge base this library carries. */
    public static KnowledgeBaseInfo info() {
        return INFO;
    }

    /** A file of the knowledge base (one its manifest lists), as UTF-8 text. */
    public static String text(String file) {
        if (!KnowledgeFiles.files().contains(file)) {
            throw new IllegalArgumentException(file + " is not a file of the knowledge base");
        }
        return KnowledgeFiles.text(file);
    }
}
