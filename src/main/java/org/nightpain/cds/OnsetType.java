package org.nightpain.cds;

/** How the back pain began. */
public enum OnsetType {
    /** Sudden. */
    SUDDEN,
    /** Gradual insidious. */
    GRADUAL_INSIDIOUS,
    /** Not asked, not answered, or not known. Never read as a negative answer. */
    UNKNOWN
}
