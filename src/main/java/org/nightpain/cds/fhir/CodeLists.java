package org.nightpain.cds.fhir;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nightpain.cds.FactField;
import org.nightpain.cds.knowledge.KnowledgeBase;
import org.nightpain.cds.knowledge.Thresholds;

/**
 * The code lists of the knowledge base's register {@code code-lists.tsv}: which coded Condition or
 * MedicationStatement sets which yes/no fact to YES, and which of its records count (any, only a current
 * one, or only a long enough course). Matching never yields NO: a code that is not listed says nothing.
 */
public final class CodeLists {
    /** The knowledge base's register of codes. */
    static final String FILE = "code-lists.tsv";

    /** The code systems behind the short names of the file. */
    public static final Map<String, List<String>> SYSTEMS = Map.of(
            "SNOMED", List.of("http://snomed.info/sct"),
            "ICD-10", List.of("http://hl7.org/fhir/sid/icd-10", "http://hl7.org/fhir/sid/icd-10-cm"),
            "ATC", List.of("http://www.whocc.no/atc"),
            "RXNORM", List.of("http://www.nlm.nih.gov/research/umls/rxnorm"));

    /** How an entry's code is compared. */
    public enum Match {
        /** The code is the entry's code. */
        EXACT,
        /** The entry's code and every code that starts with it, dots ignored. */
        PREFIX,
        /** A prefix that never matches, even inside an included prefix. */
        EXCLUDE
    }

    /**
     * Which records of a listed code count: any record (a history), only a current Condition (a state), or
     * only a MedicationStatement that documents a course of at least {@link Entry#courseMonths()} (a
     * prolonged treatment).
     */
    public enum Counts {
        /** Any record, past or present. */
        EVER,
        /** Only a Condition that is current: active, recurrence or relapse, or no status and no abatement. */
        CURRENT,
        /** Only a MedicationStatement that documents a course at least {@link Entry#courseMonths()} long. */
        COURSE
    }

    /**
     * One row of the file.
     *
     * @param resourceType the FHIR resource type the code is read from: Condition or MedicationStatement
     * @param fact         the yes/no fact a matching code sets to YES
     * @param system       the short name of the code system, a key of {@link #SYSTEMS}
     * @param match        how the code is compared
     * @param code         the code, or the start of the codes, it matches
     * @param counts       which records of the code count
     * @param courseMonths for {@link Counts#COURSE}, the shortest course that counts, in months, from the
     *                     threshold register entry the row names; 0 otherwise
     * @param meaning      what the code means, in plain words
     */
    public record Entry(String resourceType, FactField fact, String system, Match match, String code, Counts counts,
                        int courseMonths, String meaning) {
        /**
         * Tells whether a code matches this entry.
         *
         * @param codeSystem the code's system URL, as the resource gives it
         * @param value      the code
         * @return true when the system is one of this entry's and the code matches as {@link #match()} says
         */
        public boolean matches(String codeSystem, String value) {
            if (!SYSTEMS.get(system).contains(codeSystem)) {
                return false;
            }
            return match == Match.EXACT ? code.equals(value.strip()) : normalise(value).startsWith(normalise(code));
        }
    }

    private final List<Entry> entries;
    /** Each entry's code as compared, by the entry's index: stripped for an exact match, else normalised. */
    private final String[] compared;

    private CodeLists(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.compared = entries.stream()
                .map(e -> e.match() == Match.EXACT ? e.code() : normalise(e.code())).toArray(String[]::new);
    }

    /**
     * Reads the lists from the knowledge base.
     *
     * @return the code lists
     * @throws IllegalStateException when a row is malformed (a packaging error)
     */
    public static CodeLists load() {
        List<Entry> entries = new ArrayList<>();
        for (String line : KnowledgeBase.text(FILE).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                entries.add(parse(line));
            }
        }
        return new CodeLists(entries);
    }

    private static Entry parse(String line) {
        String[] cells = line.split("\t", -1);
        FactField fact = cells.length == 7 ? FactField.byName(cells[1]) : null;
        if (fact == null || fact.kind() != FactField.Kind.TRI_STATE || !SYSTEMS.containsKey(cells[2])) {
            throw new IllegalStateException(FILE + ": bad row '" + line + "'");
        }
        String[] counted = cells[5].split(":", 2);
        Counts counts = Counts.valueOf(counted[0].toUpperCase(Locale.ROOT));
        if (counts == Counts.CURRENT && !cells[0].equals("Condition")
                || counts == Counts.COURSE && !cells[0].equals("MedicationStatement")
                || (counts == Counts.COURSE) != (counted.length == 2)) {
            throw new IllegalStateException(FILE + ": 'current' is for a Condition, 'course:THRESHOLD' for a"
                    + " MedicationStatement, in '" + line + "'");
        }
        return new Entry(cells[0], fact, cells[2], Match.valueOf(cells[3].toUpperCase(Locale.ROOT)), cells[4], counts,
                counts == Counts.COURSE ? months(counted[1], line) : 0, cells[6]);
    }

    /** The value of a threshold register entry given in months. */
    private static int months(String threshold, String line) {
        for (Thresholds.Entry entry : Thresholds.entries()) {
            if (entry.name().equals(threshold) && entry.unit().equals("months")) {
                return Integer.parseInt(entry.value());
            }
        }
        throw new IllegalStateException(FILE + ": no threshold in months named " + threshold + ", in '" + line + "'");
    }

    /** {@return every row of the file, in file order} */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * Finds the entries that a code, on a resource of a type, matches: one per fact at most, the first
     * included entry, unless an exclusion for the same fact also matches.
     *
     * @param resourceType the resource type, Condition or MedicationStatement
     * @param system       the code's system URL; null matches nothing
     * @param code         the code; null or blank matches nothing
     * @return the matching entries, empty when none matches
     */
    public List<Entry> match(String resourceType, String system, String code) {
        if (system == null || code == null || code.isBlank()) {
            return List.of();
        }
        // As Entry.matches, with the code stripped and normalised once rather than once for each entry.
        String stripped = code.strip();
        String normalised = normalise(code);
        Set<FactField> excluded = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (entry.match() == Match.EXCLUDE && matches(i, resourceType, system, stripped, normalised)) {
                excluded.add(entry.fact());
            }
        }
        List<Entry> matched = new ArrayList<>();
        Set<FactField> seen = new LinkedHashSet<>(excluded);
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (entry.match() != Match.EXCLUDE && matches(i, resourceType, system, stripped, normalised)
                    && seen.add(entry.fact())) {
                matched.add(entry);
            }
        }
        return matched;
    }

    private boolean matches(int index, String resourceType, String system, String stripped, String normalised) {
        Entry entry = entries.get(index);
        if (!entry.resourceType().equals(resourceType) || !SYSTEMS.get(entry.system()).contains(system)) {
            return false;
        }
        return entry.match() == Match.EXACT ? compared[index].equals(stripped) : normalised.startsWith(compared[index]);
    }

    private static String normalise(String code) {
        return code.strip().replace(".", "").toUpperCase(Locale.ROOT);
    }
}
