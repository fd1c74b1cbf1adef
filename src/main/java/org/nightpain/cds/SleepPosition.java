package org.nightpain.cds;

/** Usual sleeping position. */
public enum SleepPosition {
    /** Back. */
    BACK,
    /** Side. */
    SIDE,
    /** Stomach. */
    STOMACH,
    /** Mixed. */
    MIXED,
    /** Not asked, not answered, or not known. Never read as a negative answer. */
    UNKNOWN
}
