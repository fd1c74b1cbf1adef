package org.nightpain.cds;

/** How the back pain is changing. */
public enum Progression {
    /** Improving. */
    IMPROVING,
    /** Stable. */
    STABLE,
    /** Worsening. */
    WORSENING,
    /** Not asked, not answered, or not known. Never read as a negative answer. */
    UNKNOWN
}
