/**
 * Runs the rule base: loads the precompiled model once, assesses a patient in a pooled session and
 * assembles the raised findings into an assessment. Internal: only the facade,
 * {@link org.nightpain.cds.NightPainAssessor}, uses it.
 */
package org.nightpain.cds.engine;
