package org.nightpain.cds.internal;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
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
    AGE_YEARS("ageYears", 0, 120, "years", PatientFacts::ageYears, (b, v) -> b.ageYears((Integer) v)),
    SEX("sex", Sex.class, PatientFacts::sex, (b, v) -> b.sex((Sex) v)),
    SYMPTOM_DURATION_WEEKS("symptomDurationWeeks", 0.0, 1040.0, "weeks", PatientFacts::symptomDurationWeeks, (b, v) -> b.symptomDurationWeeks((Double) v)),
    ONSET_TYPE("onsetType", OnsetType.class, PatientFacts::onsetType, (b, v) -> b.onsetType((OnsetType) v)),
    AGE_AT_ONSET_YEARS("ageAtOnsetYears", 0, 120, "years", PatientFacts::ageAtOnsetYears, (b, v) -> b.ageAtOnsetYears((Integer) v)),
    PROGRESSION("progression", Progression.class, PatientFacts::progression, (b, v) -> b.progression((Progression) v)),
    PAIN_SEVERITY_NRS("painSeverityNrs", 0, 10, "points", PatientFacts::painSeverityNrs, (b, v) -> b.painSeverityNrs((Integer) v)),
    TRIGGER_OVERUSE_OR_LIFTING("triggerOveruseOrLifting", TriState.class, PatientFacts::triggerOveruseOrLifting, (b, v) -> b.triggerOveruseOrLifting((TriState) v)),
    NIGHT_PAIN("nightPain", TriState.class, PatientFacts::nightPain, (b, v) -> b.nightPain((TriState) v)),
    WAKES_FROM_SLEEP("wakesFromSleep", TriState.class, PatientFacts::wakesFromSleep, (b, v) -> b.wakesFromSleep((TriState) v)),
    WAKES_SECOND_HALF_OF_NIGHT("wakesSecondHalfOfNight", TriState.class, PatientFacts::wakesSecondHalfOfNight, (b, v) -> b.wakesSecondHalfOfNight((TriState) v)),
    NIGHT_PAIN_IMPROVES_ON_GETTING_UP("nightPainImprovesOnGettingUp", TriState.class, PatientFacts::nightPainImprovesOnGettingUp, (b, v) -> b.nightPainImprovesOnGettingUp((TriState) v)),
    NIGHT_PAIN_UNRELIEVED_BY_POSITION_CHANGE("nightPainUnrelievedByPositionChange", TriState.class, PatientFacts::nightPainUnrelievedByPositionChange, (b, v) -> b.nightPainUnrelievedByPositionChange((TriState) v)),
    PAIN_PREVENTS_SLEEP("painPreventsSleep", TriState.class, PatientFacts::painPreventsSleep, (b, v) -> b.painPreventsSleep((TriState) v)),
    MORNING_STIFFNESS_MINUTES("morningStiffnessMinutes", 0, 1440, "minutes", PatientFacts::morningStiffnessMinutes, (b, v) -> b.morningStiffnessMinutes((Integer) v)),
    IMPROVES_WITH_EXERCISE("improvesWithExercise", TriState.class, PatientFacts::improvesWithExercise, (b, v) -> b.improvesWithExercise((TriState) v)),
    REST_RELIEVES_PAIN("restRelievesPain", TriState.class, PatientFacts::restRelievesPain, (b, v) -> b.restRelievesPain((TriState) v)),
    THORACIC_PAIN("thoracicPain", TriState.class, PatientFacts::thoracicPain, (b, v) -> b.thoracicPain((TriState) v)),
    BUTTOCK_PAIN("buttockPain", TriState.class, PatientFacts::buttockPain, (b, v) -> b.buttockPain((TriState) v)),
    ALTERNATING_BUTTOCK_PAIN("alternatingButtockPain", TriState.class, PatientFacts::alternatingButtockPain, (b, v) -> b.alternatingButtockPain((TriState) v)),
    PAIN_AGGRAVATED_BY_STRAINING("painAggravatedByStraining", TriState.class, PatientFacts::painAggravatedByStraining, (b, v) -> b.painAggravatedByStraining((TriState) v)),
    SEVERE_UNREMITTING_PAIN("severeUnremittingPain", TriState.class, PatientFacts::severeUnremittingPain, (b, v) -> b.severeUnremittingPain((TriState) v)),
    LOCALISED_SPINAL_TENDERNESS("localisedSpinalTenderness", TriState.class, PatientFacts::localisedSpinalTenderness, (b, v) -> b.localisedSpinalTenderness((TriState) v)),
    STRUCTURAL_DEFORMITY("structuralDeformity", TriState.class, PatientFacts::structuralDeformity, (b, v) -> b.structuralDeformity((TriState) v)),
    RADICULAR_LEG_PAIN("radicularLegPain", RadicularLegPain.class, PatientFacts::radicularLegPain, (b, v) -> b.radicularLegPain((RadicularLegPain) v)),
    LEG_NUMBNESS_TINGLING("legNumbnessTingling", TriState.class, PatientFacts::legNumbnessTingling, (b, v) -> b.legNumbnessTingling((TriState) v)),
    SLR_POSITIVE("slrPositive", TriState.class, PatientFacts::slrPositive, (b, v) -> b.slrPositive((TriState) v)),
    CROSSED_SLR_POSITIVE("crossedSlrPositive", TriState.class, PatientFacts::crossedSlrPositive, (b, v) -> b.crossedSlrPositive((TriState) v)),
    MOTOR_WEAKNESS("motorWeakness", MotorWeakness.class, PatientFacts::motorWeakness, (b, v) -> b.motorWeakness((MotorWeakness) v)),
    WEAKNESS_PROGRESSIVE("weaknessProgressive", TriState.class, PatientFacts::weaknessProgressive, (b, v) -> b.weaknessProgressive((TriState) v)),
    GAIT_DISTURBANCE_NEW("gaitDisturbanceNew", TriState.class, PatientFacts::gaitDisturbanceNew, (b, v) -> b.gaitDisturbanceNew((TriState) v)),
    NEUROGENIC_CLAUDICATION("neurogenicClaudication", TriState.class, PatientFacts::neurogenicClaudication, (b, v) -> b.neurogenicClaudication((TriState) v)),
    RELIEF_SITTING_OR_FLEXION("reliefSittingOrFlexion", TriState.class, PatientFacts::reliefSittingOrFlexion, (b, v) -> b.reliefSittingOrFlexion((TriState) v)),
    URINARY_RETENTION("urinaryRetention", TriState.class, PatientFacts::urinaryRetention, (b, v) -> b.urinaryRetention((TriState) v)),
    URINARY_DIFFICULTY_NEW("urinaryDifficultyNew", TriState.class, PatientFacts::urinaryDifficultyNew, (b, v) -> b.urinaryDifficultyNew((TriState) v)),
    URINARY_INCONTINENCE_NEW("urinaryIncontinenceNew", TriState.class, PatientFacts::urinaryIncontinenceNew, (b, v) -> b.urinaryIncontinenceNew((TriState) v)),
    FAECAL_INCONTINENCE_NEW("faecalIncontinenceNew", TriState.class, PatientFacts::faecalIncontinenceNew, (b, v) -> b.faecalIncontinenceNew((TriState) v)),
    RECTAL_SENSATION_LOSS("rectalSensationLoss", TriState.class, PatientFacts::rectalSensationLoss, (b, v) -> b.rectalSensationLoss((TriState) v)),
    SADDLE_ANAESTHESIA("saddleAnaesthesia", TriState.class, PatientFacts::saddleAnaesthesia, (b, v) -> b.saddleAnaesthesia((TriState) v)),
    SEXUAL_DYSFUNCTION_NEW("sexualDysfunctionNew", TriState.class, PatientFacts::sexualDysfunctionNew, (b, v) -> b.sexualDysfunctionNew((TriState) v)),
    TEMPERATURE_C("temperatureC", 30.0, 45.0, "°C", PatientFacts::temperatureC, (b, v) -> b.temperatureC((Double) v)),
    FEVER_OR_RIGORS_REPORTED("feverOrRigorsReported", TriState.class, PatientFacts::feverOrRigorsReported, (b, v) -> b.feverOrRigorsReported((TriState) v)),
    SYSTEMICALLY_UNWELL("systemicallyUnwell", TriState.class, PatientFacts::systemicallyUnwell, (b, v) -> b.systemicallyUnwell((TriState) v)),
    WEIGHT_LOSS_UNEXPLAINED("weightLossUnexplained", TriState.class, PatientFacts::weightLossUnexplained, (b, v) -> b.weightLossUnexplained((TriState) v)),
    WEIGHT_LOSS_KG("weightLossKg", 0.0, 100.0, "kg", PatientFacts::weightLossKg, (b, v) -> b.weightLossKg((Double) v)),
    WEIGHT_LOSS_PERCENT("weightLossPercent", 0.0, 60.0, "%", PatientFacts::weightLossPercent, (b, v) -> b.weightLossPercent((Double) v)),
    WEIGHT_LOSS_PERIOD_MONTHS("weightLossPeriodMonths", 0.0, 60.0, "months", PatientFacts::weightLossPeriodMonths, (b, v) -> b.weightLossPeriodMonths((Double) v)),
    HISTORY_OF_CANCER("historyOfCancer", TriState.class, PatientFacts::historyOfCancer, (b, v) -> b.historyOfCancer((TriState) v)),
    CORTICOSTEROID_PROLONGED("corticosteroidProlonged", TriState.class, PatientFacts::corticosteroidProlonged, (b, v) -> b.corticosteroidProlonged((TriState) v)),
    OSTEOPOROSIS("osteoporosis", TriState.class, PatientFacts::osteoporosis, (b, v) -> b.osteoporosis((TriState) v)),
    IMMUNOSUPPRESSION("immunosuppression", TriState.class, PatientFacts::immunosuppression, (b, v) -> b.immunosuppression((TriState) v)),
    IV_DRUG_USE("ivDrugUse", TriState.class, PatientFacts::ivDrugUse, (b, v) -> b.ivDrugUse((TriState) v)),
    RECENT_BACTERIAL_INFECTION("recentBacterialInfection", TriState.class, PatientFacts::recentBacterialInfection, (b, v) -> b.recentBacterialInfection((TriState) v)),
    RECENT_SPINAL_PROCEDURE("recentSpinalProcedure", TriState.class, PatientFacts::recentSpinalProcedure, (b, v) -> b.recentSpinalProcedure((TriState) v)),
    TRAUMA("trauma", Trauma.class, PatientFacts::trauma, (b, v) -> b.trauma((Trauma) v)),
    CONTUSION_OR_ABRASION("contusionOrAbrasion", TriState.class, PatientFacts::contusionOrAbrasion, (b, v) -> b.contusionOrAbrasion((TriState) v)),
    IBD("ibd", TriState.class, PatientFacts::ibd, (b, v) -> b.ibd((TriState) v)),
    PSORIASIS("psoriasis", TriState.class, PatientFacts::psoriasis, (b, v) -> b.psoriasis((TriState) v)),
    UVEITIS("uveitis", TriState.class, PatientFacts::uveitis, (b, v) -> b.uveitis((TriState) v)),
    FAMILY_HISTORY_SP_A("familyHistorySpA", TriState.class, PatientFacts::familyHistorySpA, (b, v) -> b.familyHistorySpA((TriState) v)),
    ARTHRITIS_HISTORY("arthritisHistory", TriState.class, PatientFacts::arthritisHistory, (b, v) -> b.arthritisHistory((TriState) v)),
    ENTHESITIS_HISTORY("enthesitisHistory", TriState.class, PatientFacts::enthesitisHistory, (b, v) -> b.enthesitisHistory((TriState) v)),
    NSAID_RESPONSE("nsaidResponse", NsaidResponse.class, PatientFacts::nsaidResponse, (b, v) -> b.nsaidResponse((NsaidResponse) v)),
    HLA_B27("hlaB27", HlaB27.class, PatientFacts::hlaB27, (b, v) -> b.hlaB27((HlaB27) v)),
    CRP_ELEVATED("crpElevated", TriState.class, PatientFacts::crpElevated, (b, v) -> b.crpElevated((TriState) v)),
    SLEEP_POSITION("sleepPosition", SleepPosition.class, PatientFacts::sleepPosition, (b, v) -> b.sleepPosition((SleepPosition) v)),
    MATTRESS_FIRMNESS("mattressFirmness", MattressFirmness.class, PatientFacts::mattressFirmness, (b, v) -> b.mattressFirmness((MattressFirmness) v)),
    PILLOW_UNDER_KNEES("pillowUnderKnees", TriState.class, PatientFacts::pillowUnderKnees, (b, v) -> b.pillowUnderKnees((TriState) v)),
    PILLOW_BETWEEN_KNEES("pillowBetweenKnees", TriState.class, PatientFacts::pillowBetweenKnees, (b, v) -> b.pillowBetweenKnees((TriState) v)),
    PILLOW_UNDER_PELVIS("pillowUnderPelvis", TriState.class, PatientFacts::pillowUnderPelvis, (b, v) -> b.pillowUnderPelvis((TriState) v)),
    PAIN_LYING_IN_BED_OR_ON_RISING("painLyingInBedOrOnRising", TriState.class, PatientFacts::painLyingInBedOrOnRising, (b, v) -> b.painLyingInBedOrOnRising((TriState) v)),
    NECK_PAIN_ON_WAKING("neckPainOnWaking", TriState.class, PatientFacts::neckPainOnWaking, (b, v) -> b.neckPainOnWaking((TriState) v)),
    START_BACK_TOTAL("startBackTotal", 0, 9, "points", PatientFacts::startBackTotal, (b, v) -> b.startBackTotal((Integer) v)),
    START_BACK_PSYCHOSOCIAL("startBackPsychosocial", 0, 5, "points", PatientFacts::startBackPsychosocial, (b, v) -> b.startBackPsychosocial((Integer) v));

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
    private final Function<PatientFacts, Object> reader;
    private final BiConsumer<PatientFacts.Builder, Object> writer;
    /** The enum constant UNKNOWN of an answer field (null for numbers and enums without one). */
    private final Object unknownAnswer;

    FactField(String fieldName, Class<? extends Enum<?>> enumType,
              Function<PatientFacts, Object> reader, BiConsumer<PatientFacts.Builder, Object> writer) {
        this(fieldName, enumType == TriState.class ? Kind.TRI_STATE : Kind.ENUMERATED, enumType,
                Double.NaN, Double.NaN, "", reader, writer);
    }

    FactField(String fieldName, int min, int max, String unit,
              Function<PatientFacts, Object> reader, BiConsumer<PatientFacts.Builder, Object> writer) {
        this(fieldName, Kind.INTEGER, null, min, max, unit, reader, writer);
    }

    FactField(String fieldName, double min, double max, String unit,
              Function<PatientFacts, Object> reader, BiConsumer<PatientFacts.Builder, Object> writer) {
        this(fieldName, Kind.DECIMAL, null, min, max, unit, reader, writer);
    }

    FactField(String fieldName, Kind kind, Class<? extends Enum<?>> enumType, double min, double max, String unit,
              Function<PatientFacts, Object> reader, BiConsumer<PatientFacts.Builder, Object> writer) {
        this.fieldName = fieldName;
        this.unit = unit;
        this.kind = kind;
        this.enumType = enumType;
        this.min = min;
        this.max = max;
        this.reader = reader;
        this.writer = writer;
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
        return reader.apply(facts);
    }

    /** True when the value is UNKNOWN (answers) or not given (numbers). */
    public boolean isUnknown(PatientFacts facts) {
        Object value = reader.apply(facts);
        return value == null || value == unknownAnswer;
    }

    /** Sets the field on a builder; the value must already have the field's type. */
    public void write(PatientFacts.Builder builder, Object value) {
        writer.accept(builder, value);
    }
}
