package org.nightpain.cds;

/** Numbness or tingling in the legs. */
public enum LegNumbness {
    /** None. */
    NONE,
    /** In one leg. */
    UNILATERAL,
    /** In both legs. */
    BILATERAL,
    /** Not asked, not answered, or not known. Never read as a negative answer. */
    UNKNOWN
}
