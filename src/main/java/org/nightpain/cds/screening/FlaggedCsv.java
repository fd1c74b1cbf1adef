package org.nightpain.cds.screening;

import java.util.List;

/**
 * The rows of {@code flagged.csv}, a work list: each patient whose highest urgency is at or above the
 * screen's minimum, and each patient who could not be assessed (urgency {@code NOT_ASSESSED}: their
 * records need a look by hand). Lists are separated by {@code ;}. RFC 4180 quoting.
 */
public final class FlaggedCsv {
    /** The header line's columns. */
    public static final List<String> COLUMNS = List.of("patient", "highestUrgency", "findings", "referrals", "answered");
    /** The urgency column of a patient who could not be assessed. */
    public static final String NOT_ASSESSED = "NOT_ASSESSED";

    private FlaggedCsv() {
    }

    /** {@return the header line, with its line end} */
    public static String header() {
        return String.join(",", COLUMNS) + "\n";
    }

    /**
     * One row, with its line end.
     *
     * @param patient   the patient's key ({@code Patient/p1})
     * @param urgency   the highest urgency's name, or {@link #NOT_ASSESSED}
     * @param findings  the finding codes, most urgent first; empty when not assessed
     * @param referrals the referrals' names; empty when not assessed
     * @param answered  whether answers to the triage questionnaire were found; null (an empty cell) when not
     *                  assessed
     * @return the row
     */
    public static String row(String patient, String urgency, List<String> findings, List<String> referrals,
                             Boolean answered) {
        return quote(patient) + "," + urgency + "," + quote(String.join(";", findings)) + ","
                + quote(String.join(";", referrals)) + "," + (answered == null ? "" : answered) + "\n";
    }

    static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
