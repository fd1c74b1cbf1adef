package org.nightpain.cds;

/** The clinical domain a finding belongs to. */
public enum Category {
    /** A red flag that needs the emergency department now. */
    EMERGENCY_RED_FLAG,
    /** A red flag that needs a clinician within 24 hours. */
    URGENT_RED_FLAG,
    /** A screen for a serious condition that needs work-up soon or routinely. */
    SERIOUS_CONDITION,
    /** An inflammatory back pain pattern (axial spondyloarthritis and related conditions). */
    INFLAMMATORY,
    /** Nerve-root (radicular) pain or spinal stenosis. */
    SPINAL_RADICULAR,
    /** Non-specific or mechanical back pain. */
    BENIGN_MECHANICAL,
    /** Sleep position, mattress or pillow advice. */
    SLEEP_ADVICE,
    /** Prognostic risk stratification (STarT Back). */
    STRATIFICATION,
    /** Missing or out-of-scope information. */
    DATA_QUALITY
}
