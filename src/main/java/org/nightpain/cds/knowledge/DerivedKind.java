package org.nightpain.cds.knowledge;

/**
 * The names of the derived facts that inference rules infer and decision rules match
 * (clinical-knowledge §3.9 and the reasons behind rules with several ways to fire). The meaning of each
 * lives in the inference rules of {@code derived-facts.drl}; this is only the vocabulary.
 *
 * <p>Public only because the rule model generated from the DRL names it; not part of the API.
 */
public enum DerivedKind {
    /** A measured temperature at or above the fever threshold, or fever or rigors reported. */
    FEVER,
    /** A bladder, bowel, saddle or sexual symptom of cauda equina syndrome answered YES. */
    CES_SYMPTOM,
    /** Any graded leg weakness. */
    ANY_WEAKNESS,
    /** Weakness, a cauda equina symptom or new difficulty walking. */
    NEURO_DEFICIT,
    /** Nerve-root pain, numbness or tingling, or weakness in one or both legs. */
    LEG_NEUROLOGY,
    /** Drug injection, immunosuppression, a recent bacterial infection or a recent spinal procedure. */
    INFECTION_RISK_FACTOR,
    /** Osteoporosis, prolonged corticosteroids or an age at or above the fracture-risk age. */
    FRACTURE_RISK,
    /** Unexplained weight loss of a significant or unknown amount, within the window or at an unknown time. */
    SIGNIFICANT_WEIGHT_LOSS,
    /** Pain for the failure-to-improve period or longer that is stable or worsening. */
    FAILURE_TO_IMPROVE,
    /**
     * A feature of malignancy: significant weight loss, or night pain unrelieved by changing position at the
     * flag age or not improving.
     */
    MALIGNANCY_FEATURE,
    /** Significant weight loss at the age at which NG12 suggests an urgent abdominal CT. */
    PANCREATIC_CT_INDICATED,
    /** The serious-pathology features that are present, counted ({@link DerivedFact#getMet()}). */
    SERIOUS_PATHOLOGY_FEATURES,
    /**
     * The age at onset of chronic pain, given or derived from age and duration: the derived number
     * ({@link DerivedFact#getValue()}), NaN when unknown.
     */
    AGE_AT_ONSET,
    /** Pain for more than three months. */
    CHRONIC,
    /**
     * The ASAS items of inflammatory back pain, counted as met ({@link DerivedFact#getMet()}) or unanswered
     * ({@link DerivedFact#getUnanswered()}).
     */
    ASAS_ITEMS,
    /** The NICE NG65 criteria for spondyloarthritis that are met, counted ({@link DerivedFact#getMet()}). */
    NG65_CRITERIA,
    /** A core screening question is unanswered: the screening is incomplete. */
    CORE_ANSWERS_MISSING(true),
    /** There are leg symptoms and a cauda equina question is unanswered: the screening is incomplete. */
    CES_ANSWERS_MISSING(true);

    private final boolean incompleteScreening;

    DerivedKind() {
        this(false);
    }

    DerivedKind(boolean incompleteScreening) {
        this.incompleteScreening = incompleteScreening;
    }

    /**
     * {@return true for the derived facts that say the screening is incomplete} An assessment in whose
     * session any of them was inferred is not {@code screeningComplete}.
     */
    public boolean meansIncompleteScreening() {
        return incompleteScreening;
    }
}
