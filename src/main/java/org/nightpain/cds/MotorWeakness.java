package org.nightpain.cds;

/** Leg muscle weakness. MAJOR_SINGLE_ROOT means MRC grade 3 or less in one root, for example foot drop. */
public enum MotorWeakness {
    /** None. */
    NONE,
    /** Mild single root. */
    MILD_SINGLE_ROOT,
    /** Major single root. */
    MAJOR_SINGLE_ROOT,
    /** Multi level or bilateral. */
    MULTI_LEVEL_OR_BILATERAL,
    /** Not asked, not answered, or not known. Never read as a negative answer. */
    UNKNOWN
}
