package org.nightpain.cds;

/** The kind of evidence a finding rests on, declared strongest first. */
public enum Evidence {
    /** A guideline recommendation. */
    G,
    /** Diagnostic-accuracy evidence from a systematic review or cohort. */
    A,
    /** Consensus or an expert framework. */
    C,
    /** A design parameter chosen by this project; no source gives the number. */
    DP,
    /** Low evidence or consumer guidance. */
    LE
}
