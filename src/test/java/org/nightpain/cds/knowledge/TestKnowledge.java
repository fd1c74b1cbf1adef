package org.nightpain.cds.knowledge;

import java.util.List;
import java.util.Map;
import org.nightpain.cds.Evidence;
import org.nightpain.cds.KnowledgeBaseInfo;
import org.nightpain.cds.Source;

/** Lets tests in other packages read the knowledge files as the library reads them. Test code only. */
public final class TestKnowledge {
    /** Class-path folder of the rule sources and registers. */
    public static final String FOLDER = KnowledgeFiles.FOLDER;

    private TestKnowledge() {
    }

    public static KnowledgeBaseInfo knowledgeBaseInfo() {
        return KnowledgeFiles.knowledgeBaseInfo();
    }

    public static List<String> files() {
        return KnowledgeFiles.files();
    }

    public static Map<String, Source> sources() {
        return KnowledgeFiles.sources();
    }

    public static Map<String, Evidence> sourceEvidence() {
        return KnowledgeFiles.sourceEvidence();
    }

    public static List<String[]> table(String file, int columns) {
        return KnowledgeFiles.table(file, columns);
    }

    public static String text(String file) {
        return KnowledgeFiles.text(file);
    }
}
