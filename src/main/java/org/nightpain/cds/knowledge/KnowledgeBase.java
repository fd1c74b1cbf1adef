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

    /** {@return the id, version and SHA-256 of the knowledge base this library carries} */
    public static KnowledgeBaseInfo info() {
        return INFO;
    }

    /**
     * Reads a file of the knowledge base, one its manifest lists.
     *
     * @param file the file's name, such as {@code facts.tsv}
     * @return the file's text, read as UTF-8
     * @throws IllegalArgumentException when the manifest does not list the file
     */
    public static String text(String file) {
        if (!KnowledgeFiles.files().contains(file)) {
            throw new IllegalArgumentException(file + " is not a file of the knowledge base");
        }
        return KnowledgeFiles.text(file);
    }
}
