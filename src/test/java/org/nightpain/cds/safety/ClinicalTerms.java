package org.nightpain.cds.safety;

import static org.nightpain.cds.FactField.*;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Finding;
import org.nightpain.cds.LegNumbness;
import org.nightpain.cds.MotorWeakness;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.RadicularLegPain;
import org.nightpain.cds.Trauma;
import org.nightpain.cds.TriState;
import org.nightpain.cds.FactField;

/**
 * The groups of fields and findings that the safety invariants of clinical-knowledge §6 speak about,
 * written down once for the tests. They are taken from the specification, not from the rules, so that
 * a rule that drifts from the specification makes a property fail.
 */
final class ClinicalTerms {
    /** The seven cauda equina questions (§3.1 EMR-01). */
    static final List<FactField> CES_FIELDS = List.of(URINARY_RETENTION, URINARY_DIFFICULTY_NEW,
            URINARY_INCONTINENCE_NEW, FAECAL_INCONTINENCE_NEW, RECTAL_SENSATION_LOSS, SADDLE_ANAESTHESIA,
            SEXUAL_DYSFUNCTION_NEW);

    /**
     * Yes/no questions whose YES is a red flag in itself (§8.3.7): the cauda equina symptoms, the
     * neurological, infection, fracture and malignancy features of §3.1-§3.3, and the CG75 features that
     * matter with a cancer history, and (§9) the serious-pathology features including a raised CRP, a
     * collapse and a pulsatile abdominal mass. Unexplained weight loss counts only when it is significant
     * (§8.1.5), which the tests that change it take care of.
     */
    static final List<FactField> RED_FLAG_ANSWERS = List.of(
            URINARY_RETENTION, URINARY_DIFFICULTY_NEW, URINARY_INCONTINENCE_NEW, FAECAL_INCONTINENCE_NEW,
            RECTAL_SENSATION_LOSS, SADDLE_ANAESTHESIA, SEXUAL_DYSFUNCTION_NEW,
            GAIT_DISTURBANCE_NEW, WEAKNESS_PROGRESSIVE,
            FEVER_OR_RIGORS_REPORTED, SYSTEMICALLY_UNWELL, IMMUNOSUPPRESSION, IV_DRUG_USE,
            RECENT_BACTERIAL_INFECTION, RECENT_SPINAL_PROCEDURE,
            HISTORY_OF_CANCER, WEIGHT_LOSS_UNEXPLAINED, NIGHT_PAIN_UNRELIEVED_BY_POSITION_CHANGE,
            THORACIC_PAIN, PAIN_AGGRAVATED_BY_STRAINING, SEVERE_UNREMITTING_PAIN, LOCALISED_SPINAL_TENDERNESS,
            PAIN_PREVENTS_SLEEP, STRUCTURAL_DEFORMITY,
            CORTICOSTEROID_PROLONGED, OSTEOPOROSIS, CONTUSION_OR_ABRASION,
            CRP_ELEVATED, COLLAPSE_OR_SYNCOPE, PULSATILE_ABDOMINAL_MASS);

    /** The answers of the four red-flag enums that are red flags (§6.3, §8.3.7, §9.1). */
    static final Set<Object> RED_FLAG_ENUM_VALUES = Set.of(
            RadicularLegPain.UNILATERAL, RadicularLegPain.BILATERAL,
            LegNumbness.UNILATERAL, LegNumbness.BILATERAL,
            MotorWeakness.MILD_SINGLE_ROOT, MotorWeakness.MAJOR_SINGLE_ROOT, MotorWeakness.MULTI_LEVEL_OR_BILATERAL,
            Trauma.MAJOR);

    /** The core screening fields of DQ-01 (§3.8, §9.7.7); fever is answered by either of its two fields (§8.1.7). */
    static final List<FactField> CORE_FIELDS = List.of(AGE_YEARS, SYMPTOM_DURATION_WEEKS, RADICULAR_LEG_PAIN,
            LEG_NUMBNESS_TINGLING, MOTOR_WEAKNESS, URINARY_RETENTION, URINARY_DIFFICULTY_NEW, URINARY_INCONTINENCE_NEW,
            FAECAL_INCONTINENCE_NEW, SADDLE_ANAESTHESIA, FEVER_OR_RIGORS_REPORTED, HISTORY_OF_CANCER,
            WEIGHT_LOSS_UNEXPLAINED, TRAUMA);

    /** The sleep position, mattress and pillow questions (§3.7). */
    static final List<FactField> SLEEP_FIELDS = List.of(SLEEP_POSITION, MATTRESS_FIRMNESS, PILLOW_UNDER_KNEES,
            PILLOW_BETWEEN_KNEES, PILLOW_UNDER_PELVIS, PAIN_LYING_IN_BED_OR_ON_RISING, NECK_PAIN_ON_WAKING);

    /** The findings that reassure: self-care, sleep, mattress and pillow advice, STarT Back low risk (§3.9). */
    static final Set<String> REASSURING_CODES = Set.of("NONSPECIFIC_MECHANICAL_LBP", "MUSCLE_STRAIN_PATTERN",
            "POSTURAL_MORNING_STIFFNESS", "SLEEP_POSITION_ADVICE", "MATTRESS_ADVICE", "PILLOW_ADVICE",
            "STARTBACK_LOW");

    /** Findings that NONSPECIFIC_MECHANICAL_LBP excludes (§6.5): serious-condition, radicular, stenosis, inflammatory. */
    static final Set<String> EXCLUDED_BY_NONSPECIFIC = Set.of("MYELOMA_BLOOD_TESTS_INDICATED",
            "RADICULOPATHY_SUSPECTED", "RADICULOPATHY_PERSISTENT", "MAJOR_MOTOR_RADICULOPATHY",
            "SPINAL_STENOSIS_SUSPECTED", "SPINAL_STENOSIS_PERSISTENT",
            "INFLAMMATORY_BACK_PAIN", "AXIAL_SPA_SUSPECTED", "HLA_B27_TEST_INDICATED",
            "SERIOUS_PATHOLOGY_FEATURES", "RED_FLAG_FEATURE_REVIEW");

    /** The findings a more specific one may supersede (§9.5.1): "no imaging at first", and the HLA-B27 test. */
    static final Set<String> SUPERSEDABLE_RULES = Set.of("RTN-06", "RTN-07", "RTN-10", "RTN-04");

    /**
     * The serious-pathology features of §9.2 and, by §9.7.5, a raised CRP (which a younger adult's
     * inflammatory back pain can explain; the properties that use this list hold either way).
     */
    static final List<FactField> SERIOUS_PATHOLOGY_FEATURES = List.of(THORACIC_PAIN, SEVERE_UNREMITTING_PAIN,
            LOCALISED_SPINAL_TENDERNESS, STRUCTURAL_DEFORMITY, PAIN_AGGRAVATED_BY_STRAINING, CRP_ELEVATED);

    /** The five core cauda equina questions that DQ-01 and DQ-04 ask (§3.8, §9.3). */
    static final List<FactField> CES_CORE_FIELDS = List.of(URINARY_RETENTION, URINARY_DIFFICULTY_NEW,
            URINARY_INCONTINENCE_NEW, FAECAL_INCONTINENCE_NEW, SADDLE_ANAESTHESIA);

    /** The enums whose answer other than NONE or UNKNOWN must be cited or listed as not used (§9.5.5). */
    static final List<FactField> REPORTED_ENUMS = List.of(RADICULAR_LEG_PAIN, LEG_NUMBNESS_TINGLING, MOTOR_WEAKNESS,
            TRAUMA);

    /** The rules whose advice is "no imaging at first" (§9.5.1). */
    static final Set<String> NO_IMAGING_AT_FIRST = Set.of("RTN-06", "RTN-07", "RTN-10");

    private ClinicalTerms() {
    }

    /** Leg neurology in the sense of §9.2: nerve-root pain or numbness in one or both legs, or any graded weakness. */
    static boolean hasLegNeurology(PatientFacts facts) {
        return facts.radicularLegPain() == RadicularLegPain.UNILATERAL
                || facts.radicularLegPain() == RadicularLegPain.BILATERAL
                || facts.legNumbnessTingling() == LegNumbness.UNILATERAL
                || facts.legNumbnessTingling() == LegNumbness.BILATERAL
                || facts.motorWeakness() != MotorWeakness.NONE && facts.motorWeakness() != MotorWeakness.UNKNOWN;
    }

    /** An imaging finding (§9.2): its diagnostics include an MRI, a CT or an X-ray. */
    static boolean isImagingFinding(Finding finding) {
        return finding.diagnostics().stream().map(Enum::name)
                .anyMatch(name -> name.startsWith("MRI_") || name.startsWith("CT_") || name.startsWith("XRAY_"));
    }

    /**
     * A finding whose work-up includes spinal imaging or may lead to it, and so supersedes "no imaging at
     * first" (§9.7.3): EMR-01..06, URG-01..05 or SOON-01..05; not the aortic EMR-07, EMR-08 and URG-06.
     */
    static boolean isSpinalWorkUp(Finding finding) {
        return finding.ruleId().matches("EMR-0[1-6]|URG-0[1-5]|SOON-0[1-5]");
    }

    /** A red-flag finding in the sense of §9.2: one of EMR-01..08, URG-01..06, SOON-01..05. */
    static boolean isRedFlag(Finding finding) {
        String id = finding.ruleId();
        return id.startsWith("EMR-") || id.startsWith("URG-") || id.startsWith("SOON-");
    }

    /** The core fields whose answer is missing; fever only when neither its report nor a temperature is given. */
    static List<FactField> missingCoreFields(PatientFacts facts) {
        return CORE_FIELDS.stream()
                .filter(field -> field == FEVER_OR_RIGORS_REPORTED
                        ? facts.feverOrRigorsReported() == TriState.UNKNOWN && facts.temperatureC() == null
                        : field.isUnknown(facts))
                .toList();
    }

    /** True when a value cited in {@code inputsUsed} is a trigger in the sense of §6.3. */
    static boolean isTrigger(String field, Object value) {
        if (value == TriState.YES) {
            return true;
        }
        return switch (field) {
            case "radicularLegPain" -> value == RadicularLegPain.BILATERAL;
            case "legNumbnessTingling" -> value == LegNumbness.BILATERAL;
            case "motorWeakness" -> value != MotorWeakness.NONE && value != MotorWeakness.UNKNOWN;
            case "trauma" -> value == Trauma.MAJOR;
            case "temperatureC" -> ((Double) value) >= 38.0;
            default -> false;
        };
    }

    /** Every finding of an assessment, presented and suppressed. */
    static List<Finding> allFindings(Assessment assessment) {
        return java.util.stream.Stream.concat(assessment.findings().stream(), assessment.suppressedFindings().stream())
                .toList();
    }

    /** The rule ids of these findings. */
    static Set<String> ruleIds(Collection<Finding> findings) {
        return findings.stream().map(Finding::ruleId).collect(Collectors.toSet());
    }
}
