package org.nightpain.cds.hooks;

import java.util.HashMap;
import java.util.Map;
import org.nightpain.cds.knowledge.KnowledgeBase;

/**
 * The knowledge base's display texts ({@code display-texts.tsv}): what a clinician reads in place of a
 * finding code or an enumeration value on a card, in the Questionnaire's answer options and in the
 * RiskAssessment. Codes stay what programs read; a code without a text is a packaging error, which a
 * test rules out for every finding code and every value the service shows.
 */
final class DisplayTexts {
    static final String FILE = "display-texts.tsv";
    /** The kind of the rows that name finding codes; the other kinds are enumeration names. */
    static final String FINDING = "finding";

    private static final Map<String, String> TEXTS = read();

    private DisplayTexts() {
    }

    /** "Suspected cauda equina syndrome" for CAUDA_EQUINA_SUSPECTED. */
    static String finding(String code) {
        return text(FINDING, code);
    }

    /** The text of an enumeration value: "In several nerve roots, or in both legs" for MULTI_LEVEL_OR_BILATERAL. */
    static String of(Enum<?> value) {
        return text(value.getDeclaringClass().getSimpleName(), value.name());
    }

    /** The text of a code of this kind, or null when the register has none. */
    static String find(String kind, String code) {
        return TEXTS.get(kind + "\t" + code);
    }

    private static String text(String kind, String code) {
        String text = find(kind, code);
        if (text == null) {
            throw new IllegalStateException(FILE + " has no text for " + kind + " " + code);
        }
        return text;
    }

    private static Map<String, String> read() {
        Map<String, String> texts = new HashMap<>();
        for (String line : KnowledgeBase.text(FILE).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 3 || cells[2].isBlank() || texts.put(cells[0] + "\t" + cells[1], cells[2].strip()) != null) {
                throw new IllegalStateException(FILE + ": bad or repeated row '" + line + "'");
            }
        }
        return Map.copyOf(texts);
    }
}
