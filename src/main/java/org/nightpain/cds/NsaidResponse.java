package org.nightpain.cds;

/** Response to an anti-inflammatory (NSAID) trial. GOOD means clearly better within 48 hours. */
public enum NsaidResponse {
    /** Good. */
    GOOD,
    /** Partial or none. */
    PARTIAL_OR_NONE,
    /** Not tried. */
    NOT_TRIED,
    /** Not asked, not answered, or not known. Never read as a negative answer. */
    UNKNOWN
}
