package org.nightpain.cds;

/** Sex as recorded. */
public enum Sex {
    /** Male. */
    MALE,
    /** Female. */
    FEMALE,
    /** Other. */
    OTHER,
    /** Not asked, not answered, or not known. Never read as a negative answer. */
    UNKNOWN
}
