package org.nightpain.cds;

/** Where a finding sends the patient. */
public enum Referral {
    /** An emergency department. */
    EMERGENCY_DEPARTMENT,
    /** The patient's own primary-care clinician. */
    PRIMARY_CARE,
    /** An elective spinal surgical opinion. */
    ORTHOPEDICS_SPINE,
    /** The on-call spinal surgical team for compressive emergencies (some services run it from orthopaedic spine). */
    NEUROSURGERY,
    /** Rheumatology. */
    RHEUMATOLOGY,
    /** The acute oncology service or the metastatic spinal cord compression coordinator. */
    ONCOLOGY,
    /** Physiotherapy. */
    PHYSIOTHERAPY,
    /** Paediatrics: a paediatric assessment of back pain in a child. */
    PAEDIATRICS
}
