package org.nightpain.cds.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.nightpain.cds.HlaB27;
import org.nightpain.cds.MattressFirmness;
import org.nightpain.cds.MotorWeakness;
import org.nightpain.cds.NsaidResponse;
import org.nightpain.cds.OnsetType;
import org.nightpain.cds.Progression;
import org.nightpain.cds.RadicularLegPain;
import org.nightpain.cds.Sex;
import org.nightpain.cds.SleepPosition;
import org.nightpain.cds.Trauma;
import org.nightpain.cds.TriState;
import org.nightpain.cds.PatientFacts;

/**
 * Every field of {@link PatientFacts}: its name, its type, its valid range and how to read and set it.
 * One table that validation, the JSON codec and the explanation of findings share, so that none of
 * them needs reflection. Internal: not part of the API.
 */
public enum FactField {
    AGE_YEARS("ageYears", 0, 120, "years"),
    SEX("sex", Sex.class),
    SYMPTOM_DURATION_WEEKS("symptomDurationWeeks", 0.0, 1040.0, "weeks"),
    ONSET_TYPE("onsetType", OnsetType.class),
    AGE_AT_ONSET_YEARS("ageAtOnsetYears", 0, 120, "years"),
    PROGRESSION("progression", Progression.class),
    PAIN_SEVERITY_NRS("painSeverityNrs", 0, 10, "points"),
    TRIGGER_OVERUSE_OR_LIFTING("triggerOveruseOrLifting", TriState.class),
    NIGHT_PAIN("nightPain", TriState.class),
    WAKES_FROM_SLEEP("wakesFromSleep", TriState.class),
    WAKES_SECOND_HALF_OF_NIGHT("wakesSecondHalfOfNight", TriState.class),
    NIGHT_PAIN_IMPROVES_ON_GETTING_UP("nightPainImprovesOnGettingUp", TriState.class),
    NIGHT_PAIN_UNRELIEVED_BY_POSITION_CHANGE("nightPainUnrelievedByPositionChange", TriState.class),
    PAIN_PREVENTS_SLEEP("painPreventsSleep", TriState.class),
    MORNING_STIFFNESS_MINUTES("morningStiffnessMinutes", 0, 1440, "minutes"),
    IMPROVES_WITH_EXERCISE("improvesWithExercise", TriState.class),
    REST_RELIEVES_PAIN("restRelievesPain", TriState.class),
    THORACIC_PAIN("thoracicPain", TriState.class),
    BUTTOCK_PAIN("buttockPain", TriState.class),
    ALTERNATING_BUTTOCK_PAIN("alternatingButtockPain", TriState.class),
    PAIN_AGGRAVATED_BY_STRAINING("painAggravatedByStraining", TriState.class),
    SEVERE_UNREMITTING_PAIN("severeUnremittingPain", TriState.class),
    LOCALISED_SPINAL_TENDERNESS("localisedSpinalTenderness", TriState.class),
    STRUCTURAL_DEFORMITY("structuralDeformity", TriState.class),
    RADICULAR_LEG_PAIN("radicularLegPain", RadicularLegPain.class),
    LEG_NUMBNESS_TINGLING("legNumbnessTingling", TriState.class),
    SLR_POSITIVE("slrPositive", TriState.class),
    CROSSED_SLR_POSITIVE("crossedSlrPositive", TriState.class),
    MOTOR_WEAKNESS("motorWeakness", MotorWeakness.class),
    WEAKNESS_PROGRESSIVE("weaknessProgressive", TriState.class),
    GAIT_DISTURBANCE_NEW("gaitDisturbanceNew", TriState.class),
    NEUROGENIC_CLAUDICATION("neurogenicClaudication", TriState.class),
    RELIEF_SITTING_OR_FLEXION("reliefSittingOrFlexion", TriState.class),
    URINARY_RETENTION("urinaryRetention", TriState.class),
    URINARY_DIFFICULTY_NEW("urinaryDifficultyNew", TriState.class),
    URINARY_INCONTINENCE_NEW("urinaryIncontinenceNew", TriState.class),
    FAECAL_INCONTINENCE_NEW("faecalIncontinenceNew", TriState.class),
    RECTAL_SENSATION_LOSS("rectalSensationLoss", TriState.class),
    SADDLE_ANAESTHESIA("saddleAnaesthesia", TriState.class),
    SEXUAL_DYSFUNCTION_NEW("sexualDysfunctionNew", TriState.class),
    TEMPERATURE_C("temperatureC", 30.0, 45.0, "°C"),
    FEVER_OR_RIGORS_REPORTED("feverOrRigorsReported", TriState.class),
    SYSTEMICALLY_UNWELL("systemicallyUnwell", TriState.class),
    WEIGHT_LOSS_UNEXPLAINED("weightLossUnexplained", TriState.class),
    WEIGHT_LOSS_KG("weightLossKg", 0.0, 100.0, "kg"),
    WEIGHT_LOSS_PERCENT("weightLossPercent", 0.0, 60.0, "%"),
    WEIGHT_LOSS_PERIOD_MONTHS("weightLossPeriodMonths", 0.0, 60.0, "months"),
    HISTORY_OF_CANCER("historyOfCancer", TriState.class),
    CORTICOSTEROID_PROLONGED("corticosteroidProlonged", TriState.class),
    OSTEOPOROSIS("osteoporosis", TriState.class),
    IMMUNOSUPPRESSION("immunosuppression", TriState.class),
    IV_DRUG_USE("ivDrugUse", TriState.class),
    RECENT_BACTERIAL_INFECTION("recentBacterialInfection", TriState.class),
    RECENT_SPINAL_PROCEDURE("recentSpinalProcedure", TriState.class),
    TRAUMA("trauma", Trauma.class),
    CONTUSION_OR_ABRASION("contusionOrAbrasion", TriState.class),
    IBD("ibd", TriState.class),
    PSORIASIS("psoriasis", TriState.class),
    UVEITIS("uveitis", TriState.class),
    FAMILY_HISTORY_SP_A("familyHistorySpA", TriState.class),
    ARTHRITIS_HISTORY("arthritisHistory", TriState.class),
    ENTHESITIS_HISTORY("enthesitisHistory", TriState.class),
    NSAID_RESPONSE("nsaidResponse", NsaidResponse.class),
    HLA_B27("hlaB27", HlaB27.class),
    CRP_ELEVATED("crpElevated", TriState.class),
    SLEEP_POSITION("sleepPosition", SleepPosition.class),
    MATTRESS_FIRMNESS("mattressFirmness", MattressFirmness.class),
    PILLOW_UNDER_KNEES("pillowUnderKnees", TriState.class),
    PILLOW_BETWEEN_KNEES("pillowBetweenKnees", TriState.class),
    PILLOW_UNDER_PELVIS("pillowUnderPelvis", TriState.class),
    PAIN_LYING_IN_BED_OR_ON_RISING("painLyingInBedOrOnRising", TriState.class),
    NECK_PAIN_ON_WAKING("neckPainOnWaking", TriState.class),
    START_BACK_TOTAL("startBackTotal", 0, 9, "points"),
    START_BACK_PSYCHOSOCIAL("startBackPsychosocial", 0, 5, "points");

    /** The shape of a field's value. */
    public enum Kind { TRI_STATE, ENUMERATED, INTEGER, DECIMAL }

    /** All fields in §4.1 order; index i holds the field whose ordinal is i. */
    public static final List<FactField> ALL = List.of(values());

    private static final Map<String, FactField> BY_NAME =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(FactField::fieldName, f -> f));

    private final String fieldName;
    private final Kind kind;
    private final Class<? extends Enum<?>> enumType;
    private final double min;
    private final double max;
    private final String unit;
    /** The enum constant UNKNOWN of an answer field (null for numbers and enums without one). */
    private final Object unknownAnswer;

    FactField(String fieldName, Class<? extends Enum<?>> enumType) {
        this(fieldName, enumType == TriState.class ? Kind.TRI_STATE : Kind.ENUMERATED, enumType,
                Double.NaN, Double.NaN, "");
    }

    FactField(String fieldName, int min, int max, String unit) {
        this(fieldName, Kind.INTEGER, null, min, max, unit);
    }

    FactField(String fieldName, double min, double max, String unit) {
        this(fieldName, Kind.DECIMAL, null, min, max, unit);
    }

    FactField(String fieldName, Kind kind, Class<? extends Enum<?>> enumType, double min, double max, String unit) {
        this.fieldName = fieldName;
        this.unit = unit;
        this.kind = kind;
        this.enumType = enumType;
        this.min = min;
        this.max = max;
        this.unknownAnswer = enumType == null ? null : Stream.of(enumType.getEnumConstants())
                .filter(constant -> constant.name().equals("UNKNOWN")).findFirst().orElse(null);
    }

    /** The field with this §4.1 name, or null. */
    public static FactField byName(String name) {
        return BY_NAME.get(name);
    }

    /** The §4.1 name, as used in JSON and in findings. */
    public String fieldName() {
        return fieldName;
    }

    public Kind kind() {
        return kind;
    }

    /** The enum class of a TRI_STATE or ENUMERATED field, else null. */
    public Class<? extends Enum<?>> enumType() {
        return enumType;
    }

    /** Lowest valid value of a number field. */
    public double min() {
        return min;
    }

    /** Highest valid value of a number field. */
    public double max() {
        return max;
    }

    /** The unit of a number field, as shown in messages ("years", "°C", ...); empty for answers. */
    public String unit() {
        return unit;
    }

    /** The field's value in these facts: an enum constant, an Integer, a Double, or null. */
    public Object read(PatientFacts facts) {
        // One switch instead of a method reference per field: a fresh JVM took about 55 ms to create the
        // 148 lambdas, and a megamorphic call to them was slower than the switch (docs/performance.md).
        return switch (this) {
            case AGE_YEARS -> facts.ageYears();
            case SEX -> facts.sex();
            case SYMPTOM_DURATION_WEEKS -> facts.symptomDurationWeeks();
            case ONSET_TYPE -> facts.onsetType();
            case AGE_AT_ONSET_YEARS -> facts.ageAtOnsetYears();
            case PROGRESSION -> facts.progression();
            case PAIN_SEVERITY_NRS -> facts.painSeverityNrs();
            case TRIGGER_OVERUSE_OR_LIFTING -> facts.triggerOveruseOrLifting();
            case NIGHT_PAIN -> facts.nightPain();
            case WAKES_FROM_SLEEP -> facts.wakesFromSleep();
            case WAKES_SECOND_HALF_OF_NIGHT -> facts.wakesSecondHalfOfNight();
            case NIGHT_PAIN_IMPROVES_ON_GETTING_UP -> facts.nightPainImprovesOnGettingUp();
            case NIGHT_PAIN_UNRELIEVED_BY_POSITION_CHANGE -> facts.nightPainUnrelievedByPositionChange();
            case PAIN_PREVENTS_SLEEP -> facts.painPreventsSleep();
            case MORNING_STIFFNESS_MINUTES -> facts.morningStiffnessMinutes();
            case IMPROVES_WITH_EXERCISE -> facts.improvesWithExercise();
            case REST_RELIEVES_PAIN -> facts.restRelievesPain();
            case THORACIC_PAIN -> facts.thoracicPain();
            case BUTTOCK_PAIN -> facts.buttockPain();
            case ALTERNATING_BUTTOCK_PAIN -> facts.alternatingButtockPain();
            case PAIN_AGGRAVATED_BY_STRAINING -> facts.painAggravatedByStraining();
            case SEVERE_UNREMITTING_PAIN -> facts.severeUnremittingPain();
            case LOCALISED_SPINAL_TENDERNESS -> facts.localisedSpinalTenderness();
            case STRUCTURAL_DEFORMITY -> facts.structuralDeformity();
            case RADICULAR_LEG_PAIN -> facts.radicularLegPain();
            case LEG_NUMBNESS_TINGLING -> facts.legNumbnessTingling();
            case SLR_POSITIVE -> facts.slrPositive();
            case CROSSED_SLR_POSITIVE -> facts.crossedSlrPositive();
            case MOTOR_WEAKNESS -> facts.motorWeakness();
            case WEAKNESS_PROGRESSIVE -> facts.weaknessProgressive();
            case GAIT_DISTURBANCE_NEW -> facts.gaitDisturbanceNew();
            case NEUROGENIC_CLAUDICATION -> facts.neurogenicClaudication();
            case RELIEF_SITTING_OR_FLEXION -> facts.reliefSittingOrFlexion();
            case URINARY_RETENTION -> facts.urinaryRetention();
            case URINARY_DIFFICULTY_NEW -> facts.urinaryDifficultyNew();
            case URINARY_INCONTINENCE_NEW -> facts.urinaryIncontinenceNew();
            case FAECAL_INCONTINENCE_NEW -> facts.faecalIncontinenceNew();
            case RECTAL_SENSATION_LOSS -> facts.rectalSensationLoss();
            case SADDLE_ANAESTHESIA -> facts.saddleAnaesthesia();
            case SEXUAL_DYSFUNCTION_NEW -> facts.sexualDysfunctionNew();
            case TEMPERATURE_C -> facts.temperatureC();
            case FEVER_OR_RIGORS_REPORTED -> facts.feverOrRigorsReported();
            case SYSTEMICALLY_UNWELL -> facts.systemicallyUnwell();
            case WEIGHT_LOSS_UNEXPLAINED -> facts.weightLossUnexplained();
            case WEIGHT_LOSS_KG -> facts.weightLossKg();
            case WEIGHT_LOSS_PERCENT -> facts.weightLossPercent();
            case WEIGHT_LOSS_PERIOD_MONTHS -> facts.weightLossPeriodMonths();
            case HISTORY_OF_CANCER -> facts.historyOfCancer();
            case CORTICOSTEROID_PROLONGED -> facts.corticosteroidProlonged();
            case OSTEOPOROSIS -> facts.osteoporosis();
            case IMMUNOSUPPRESSION -> facts.immunosuppression();
            case IV_DRUG_USE -> facts.ivDrugUse();
            case RECENT_BACTERIAL_INFECTION -> facts.recentBacterialInfection();
            case RECENT_SPINAL_PROCEDURE -> facts.recentSpinalProcedure();
            case TRAUMA -> facts.trauma();
            case CONTUSION_OR_ABRASION -> facts.contusionOrAbrasion();
            case IBD -> facts.ibd();
            case PSORIASIS -> facts.psoriasis();
            case UVEITIS -> facts.uveitis();
            case FAMILY_HISTORY_SP_A -> facts.familyHistorySpA();
            case ARTHRITIS_HISTORY -> facts.arthritisHistory();
            case ENTHESITIS_HISTORY -> facts.enthesitisHistory();
            case NSAID_RESPONSE -> facts.nsaidResponse();
            case HLA_B27 -> facts.hlaB27();
            case CRP_ELEVATED -> facts.crpElevated();
            case SLEEP_POSITION -> facts.sleepPosition();
            case MATTRESS_FIRMNESS -> facts.mattressFirmness();
            case PILLOW_UNDER_KNEES -> facts.pillowUnderKnees();
            case PILLOW_BETWEEN_KNEES -> facts.pillowBetweenKnees();
            case PILLOW_UNDER_PELVIS -> facts.pillowUnderPelvis();
            case PAIN_LYING_IN_BED_OR_ON_RISING -> facts.painLyingInBedOrOnRising();
            case NECK_PAIN_ON_WAKING -> facts.neckPainOnWaking();
            case START_BACK_TOTAL -> facts.startBackTotal();
            case START_BACK_PSYCHOSOCIAL -> facts.startBackPsychosocial();
        };
    }

    /** True when the value is UNKNOWN (answers) or not given (numbers). */
    public boolean isUnknown(PatientFacts facts) {
        Object value = read(facts);
        return value == null || value == unknownAnswer;
    }

    /** Sets the field on a builder; the value must already have the field's type. */
    public void write(PatientFacts.Builder builder, Object value) {
        switch (this) {
            case AGE_YEARS -> builder.ageYears((Integer) value);
            case SEX -> builder.sex((Sex) value);
            case SYMPTOM_DURATION_WEEKS -> builder.symptomDurationWeeks((Double) value);
            case ONSET_TYPE -> builder.onsetType((OnsetType) value);
            case AGE_AT_ONSET_YEARS -> builder.ageAtOnsetYears((Integer) value);
            case PROGRESSION -> builder.progression((Progression) value);
            case PAIN_SEVERITY_NRS -> builder.painSeverityNrs((Integer) value);
            case TRIGGER_OVERUSE_OR_LIFTING -> builder.triggerOveruseOrLifting((TriState) value);
            case NIGHT_PAIN -> builder.nightPain((TriState) value);
            case WAKES_FROM_SLEEP -> builder.wakesFromSleep((TriState) value);
            case WAKES_SECOND_HALF_OF_NIGHT -> builder.wakesSecondHalfOfNight((TriState) value);
            case NIGHT_PAIN_IMPROVES_ON_GETTING_UP -> builder.nightPainImprovesOnGettingUp((TriState) value);
            case NIGHT_PAIN_UNRELIEVED_BY_POSITION_CHANGE -> builder.nightPainUnrelievedByPositionChange((TriState) value);
            case PAIN_PREVENTS_SLEEP -> builder.painPreventsSleep((TriState) value);
            case MORNING_STIFFNESS_MINUTES -> builder.morningStiffnessMinutes((Integer) value);
            case IMPROVES_WITH_EXERCISE -> builder.improvesWithExercise((TriState) value);
            case REST_RELIEVES_PAIN -> builder.restRelievesPain((TriState) value);
            case THORACIC_PAIN -> builder.thoracicPain((TriState) value);
            case BUTTOCK_PAIN -> builder.buttockPain((TriState) value);
            case ALTERNATING_BUTTOCK_PAIN -> builder.alternatingButtockPain((TriState) value);
            case PAIN_AGGRAVATED_BY_STRAINING -> builder.painAggravatedByStraining((TriState) value);
            case SEVERE_UNREMITTING_PAIN -> builder.severeUnremittingPain((TriState) value);
            case LOCALISED_SPINAL_TENDERNESS -> builder.localisedSpinalTenderness((TriState) value);
            case STRUCTURAL_DEFORMITY -> builder.structuralDeformity((TriState) value);
            case RADICULAR_LEG_PAIN -> builder.radicularLegPain((RadicularLegPain) value);
            case LEG_NUMBNESS_TINGLING -> builder.legNumbnessTingling((TriState) value);
            case SLR_POSITIVE -> builder.slrPositive((TriState) value);
            case CROSSED_SLR_POSITIVE -> builder.crossedSlrPositive((TriState) value);
            case MOTOR_WEAKNESS -> builder.motorWeakness((MotorWeakness) value);
            case WEAKNESS_PROGRESSIVE -> builder.weaknessProgressive((TriState) value);
            case GAIT_DISTURBANCE_NEW -> builder.gaitDisturbanceNew((TriState) value);
            case NEUROGENIC_CLAUDICATION -> builder.neurogenicClaudication((TriState) value);
            case RELIEF_SITTING_OR_FLEXION -> builder.reliefSittingOrFlexion((TriState) value);
            case URINARY_RETENTION -> builder.urinaryRetention((TriState) value);
            case URINARY_DIFFICULTY_NEW -> builder.urinaryDifficultyNew((TriState) value);
            case URINARY_INCONTINENCE_NEW -> builder.urinaryIncontinenceNew((TriState) value);
            case FAECAL_INCONTINENCE_NEW -> builder.faecalIncontinenceNew((TriState) value);
            case RECTAL_SENSATION_LOSS -> builder.rectalSensationLoss((TriState) value);
            case SADDLE_ANAESTHESIA -> builder.saddleAnaesthesia((TriState) value);
            case SEXUAL_DYSFUNCTION_NEW -> builder.sexualDysfunctionNew((TriState) value);
            case TEMPERATURE_C -> builder.temperatureC((Double) value);
            case FEVER_OR_RIGORS_REPORTED -> builder.feverOrRigorsReported((TriState) value);
            case SYSTEMICALLY_UNWELL -> builder.systemicallyUnwell((TriState) value);
            case WEIGHT_LOSS_UNEXPLAINED -> builder.weightLossUnexplained((TriState) value);
            case WEIGHT_LOSS_KG -> builder.weightLossKg((Double) value);
            case WEIGHT_LOSS_PERCENT -> builder.weightLossPercent((Double) value);
            case WEIGHT_LOSS_PERIOD_MONTHS -> builder.weightLossPeriodMonths((Double) value);
            case HISTORY_OF_CANCER -> builder.historyOfCancer((TriState) value);
            case CORTICOSTEROID_PROLONGED -> builder.corticosteroidProlonged((TriState) value);
            case OSTEOPOROSIS -> builder.osteoporosis((TriState) value);
            case IMMUNOSUPPRESSION -> builder.immunosuppression((TriState) value);
            case IV_DRUG_USE -> builder.ivDrugUse((TriState) value);
            case RECENT_BACTERIAL_INFECTION -> builder.recentBacterialInfection((TriState) value);
            case RECENT_SPINAL_PROCEDURE -> builder.recentSpinalProcedure((TriState) value);
            case TRAUMA -> builder.trauma((Trauma) value);
            case CONTUSION_OR_ABRASION -> builder.contusionOrAbrasion((TriState) value);
            case IBD -> builder.ibd((TriState) value);
            case PSORIASIS -> builder.psoriasis((TriState) value);
            case UVEITIS -> builder.uveitis((TriState) value);
            case FAMILY_HISTORY_SP_A -> builder.familyHistorySpA((TriState) value);
            case ARTHRITIS_HISTORY -> builder.arthritisHistory((TriState) value);
            case ENTHESITIS_HISTORY -> builder.enthesitisHistory((TriState) value);
            case NSAID_RESPONSE -> builder.nsaidResponse((NsaidResponse) value);
            case HLA_B27 -> builder.hlaB27((HlaB27) value);
            case CRP_ELEVATED -> builder.crpElevated((TriState) value);
            case SLEEP_POSITION -> builder.sleepPosition((SleepPosition) value);
            case MATTRESS_FIRMNESS -> builder.mattressFirmness((MattressFirmness) value);
            case PILLOW_UNDER_KNEES -> builder.pillowUnderKnees((TriState) value);
            case PILLOW_BETWEEN_KNEES -> builder.pillowBetweenKnees((TriState) value);
            case PILLOW_UNDER_PELVIS -> builder.pillowUnderPelvis((TriState) value);
            case PAIN_LYING_IN_BED_OR_ON_RISING -> builder.painLyingInBedOrOnRising((TriState) value);
            case NECK_PAIN_ON_WAKING -> builder.neckPainOnWaking((TriState) value);
            case START_BACK_TOTAL -> builder.startBackTotal((Integer) value);
            case START_BACK_PSYCHOSOCIAL -> builder.startBackPsychosocial((Integer) value);
        }
    }
}
