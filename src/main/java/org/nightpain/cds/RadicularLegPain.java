package org.nightpain.cds;

/** Radicular (nerve root) leg pain. */
public enum RadicularLegPain {
    /** None. */
    NONE,
    /** Unilateral. */
    UNILATERAL,
    /** Bilateral. */
    BILATERAL,
    /** Not asked, not answered, or not known. Never read as a negative answer. */
    UNKNOWN
}
