package org.nightpain.cds;

/**
 * How soon the patient needs to be seen, declared most urgent first: a smaller ordinal is more urgent,
 * so {@code a.compareTo(b) < 0} means {@code a} is the more urgent.
 */
public enum Urgency {
    /** Emergency department now; call an ambulance if the patient cannot travel. */
    EMERGENCY,
    /** Clinician assessment the same day, within 24 hours. */
    URGENT,
    /** Clinician assessment or investigation within about two weeks. */
    SOON,
    /** A routine appointment or a non-urgent referral. */
    ROUTINE,
    /** Self-management with safety-net advice. */
    SELF_CARE;

    /**
     * Compares two urgencies.
     *
     * @param other the urgency to compare with
     * @return true when this urgency is more urgent than {@code other}
     */
    public boolean isMoreUrgentThan(Urgency other) {
        return compareTo(other) < 0;
    }
}
