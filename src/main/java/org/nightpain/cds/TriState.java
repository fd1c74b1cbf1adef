package org.nightpain.cds;

/** A yes/no answer that may be unknown. UNKNOWN is never read as NO. */
public enum TriState {
    /** Yes. */
    YES,
    /** No. */
    NO,
    /** Not asked, not answered, or not known. Never read as a negative answer. */
    UNKNOWN
}
