package org.nightpain.cds;

/** Trauma before the back pain began. */
public enum Trauma {
    /** None. */
    NONE,
    /** Minor. */
    MINOR,
    /** Major. */
    MAJOR,
    /** Not asked, not answered, or not known. Never read as a negative answer. */
    UNKNOWN
}
