package org.nightpain.cds;

/** A test or examination that a finding suggests. */
public enum Diagnostic {
    /** Emergency MRI of the lumbar spine. */
    MRI_LUMBAR_EMERGENCY,
    /** Urgent MRI of the lumbar spine. */
    MRI_LUMBAR_URGENT,
    /** Elective MRI of the lumbar spine, only for a candidate for an intervention. */
    MRI_LUMBAR,
    /** Whole-spine MRI within 24 hours. */
    MRI_WHOLE_SPINE_WITHIN_24H,
    /** Whole-spine MRI within one week. */
    MRI_WHOLE_SPINE_WITHIN_1_WEEK,
    /** MRI of the spine without and with contrast. */
    MRI_SPINE_WITH_WITHOUT_CONTRAST,
    /** MRI of the sacroiliac joints. */
    MRI_SACROILIAC,
    /** Plain radiograph of the lumbar spine. */
    XRAY_LUMBAR,
    /** Anteroposterior radiograph of the pelvis. */
    XRAY_PELVIS_AP,
    /** CT of the lumbar spine. */
    CT_LUMBAR,
    /** Urgent direct-access CT of the abdomen within two weeks. */
    CT_ABDOMEN_URGENT_2WW,
    /** Post-void residual bladder scan. */
    BLADDER_SCAN_PVR,
    /** Neurological examination including perianal sensation and anal tone. */
    NEURO_EXAM_PERIANAL,
    /** Two sets of blood cultures. */
    BLOOD_CULTURES_X2,
    /** Erythrocyte sedimentation rate. */
    ESR,
    /** C-reactive protein. */
    CRP,
    /** Full blood count. */
    FBC,
    /** Serum calcium. */
    SERUM_CALCIUM,
    /** Plasma viscosity or erythrocyte sedimentation rate. */
    PLASMA_VISCOSITY_OR_ESR,
    /** HLA-B27 test. */
    HLA_B27,
    /** Urinalysis. */
    URINALYSIS,
    /** Emergency aortic imaging: bedside ultrasound or CT angiography. */
    AORTIC_IMAGING_EMERGENCY,
    /** Ultrasound of the abdominal aorta. */
    AORTIC_ULTRASOUND,
    /** MRI of the whole spine. */
    MRI_WHOLE_SPINE
}
