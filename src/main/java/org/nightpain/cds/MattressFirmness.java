package org.nightpain.cds;

/** Firmness of the mattress. */
public enum MattressFirmness {
    /** Soft. */
    SOFT,
    /** Medium. */
    MEDIUM,
    /** Medium firm. */
    MEDIUM_FIRM,
    /** Firm. */
    FIRM,
    /** Not asked, not answered, or not known. Never read as a negative answer. */
    UNKNOWN
}
