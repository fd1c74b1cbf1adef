package org.nightpain.cds;

/** HLA-B27 test result. */
public enum HlaB27 {
    /** Positive. */
    POSITIVE,
    /** Negative. */
    NEGATIVE,
    /** Not tested. */
    NOT_TESTED,
    /** Not asked, not answered, or not known. Never read as a negative answer. */
    UNKNOWN
}
