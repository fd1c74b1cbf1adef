package org.nightpain.cds.knowledge;

/**
 * The names of the derived facts that inference rules infer and decision rules match
 * (clinical-knowledge §3.9 and the reasons behind rules with several ways to fire). The meaning of each
 * lives in the inference rules of {@code derived-facts.drl}; this is only the vocabulary.
 *
 * <p>Public only because the rule model generated from the DRL names it; not part of the API.
 */
public enum DerivedKind {
    FEVER,
    CES_SYMPTOM,
    ANY_WEAKNESS,
    NEURO_DEFICIT,
    LEG_NEUROLOGY,
    INFECTION_RISK_FACTOR,
    FRACTURE_RISK,
    SIGNIFICANT_WEIGHT_LOSS,
    FAILURE_TO_IMPROVE,
    MALIGNANCY_FEATURE,
    PANCREATIC_CT_INDICATED,
    SERIOUS_PATHOLOGY_FEATURES,
    AGE_AT_ONSET,
    CHRONIC,
    ASAS_ITEMS,
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
     * True for the derived facts that say the screening is incomplete; an assessment in whose session
     * any of them was inferred is not {@code screeningComplete}.
     */
    public boolean meansIncompleteScreening() {
        return incompleteScreening;
    }
}
