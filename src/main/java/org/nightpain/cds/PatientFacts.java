package org.nightpain.cds;

import org.nightpain.cds.internal.PatientFactsValidator;

/**
 * The facts about one patient, as clinical-knowledge §4.1 names them. Immutable and always valid:
 * the constructor rejects out-of-range values and impossible combinations with one
 * {@link InvalidPatientFactsException} that lists every problem.
 *
 * <p>A yes/no answer that was not given is {@link TriState#UNKNOWN}; a number that was not given is
 * {@code null}. Unknown is never read as "no". Build instances with {@link #builder()}.
 *
 * @param ageYears Age in whole years. Null when not given.
 * @param sex Sex as recorded. Null is read as UNKNOWN.
 * @param symptomDurationWeeks How long the current back pain has lasted, in weeks. Null when not given.
 * @param onsetType How the pain began. Null is read as UNKNOWN.
 * @param ageAtOnsetYears Age when the back pain first began, in whole years. Null when not given.
 * @param progression How the pain is changing. Null is read as UNKNOWN.
 * @param painSeverityNrs Pain on the 0-10 numeric rating scale (shown, not used by rules). Null when not given.
 * @param triggerOveruseOrLifting The pain began after overuse or lifting. Null is read as UNKNOWN.
 * @param nightPain Pain at night or on lying down. Null is read as UNKNOWN.
 * @param wakesFromSleep The pain wakes the patient from sleep. Null is read as UNKNOWN.
 * @param wakesSecondHalfOfNight The pain wakes the patient in the second half of the night. Null is read as UNKNOWN.
 * @param nightPainImprovesOnGettingUp Night pain eases on getting up. Null is read as UNKNOWN.
 * @param nightPainUnrelievedByPositionChange Night pain is not relieved by changing position. Null is read as UNKNOWN.
 * @param painPreventsSleep The pain prevents sleep. Null is read as UNKNOWN.
 * @param morningStiffnessMinutes Duration of morning stiffness, in minutes. Null when not given.
 * @param improvesWithExercise The pain improves with exercise or movement. Null is read as UNKNOWN.
 * @param restRelievesPain Rest relieves the pain (NO means no improvement with rest). Null is read as UNKNOWN.
 * @param thoracicPain Pain in the thoracic (upper or mid) spine. Null is read as UNKNOWN.
 * @param buttockPain Buttock pain. Null is read as UNKNOWN.
 * @param alternatingButtockPain Buttock pain that alternates between sides. Null is read as UNKNOWN.
 * @param painAggravatedByStraining Pain made worse by straining, coughing or sneezing. Null is read as UNKNOWN.
 * @param severeUnremittingPain Severe pain that does not let up. Null is read as UNKNOWN.
 * @param localisedSpinalTenderness Localised spinal tenderness on examination. Null is read as UNKNOWN.
 * @param structuralDeformity Structural spinal deformity on examination. Null is read as UNKNOWN.
 * @param radicularLegPain Radicular (nerve root) leg pain. Null is read as UNKNOWN.
 * @param legNumbnessTingling Numbness or tingling in a leg. Null is read as UNKNOWN.
 * @param slrPositive Straight-leg-raise test positive on examination. Null is read as UNKNOWN.
 * @param crossedSlrPositive Crossed straight-leg-raise test positive on examination. Null is read as UNKNOWN.
 * @param motorWeakness Leg muscle weakness and its extent. Null is read as UNKNOWN.
 * @param weaknessProgressive The weakness is getting worse. Null is read as UNKNOWN.
 * @param gaitDisturbanceNew New difficulty walking or unsteady gait. Null is read as UNKNOWN.
 * @param neurogenicClaudication Buttock or leg pain, numbness or cramping on walking or standing. Null is read as UNKNOWN.
 * @param reliefSittingOrFlexion Those leg symptoms ease on sitting or bending forward. Null is read as UNKNOWN.
 * @param urinaryRetention Unable to pass urine (retention). Null is read as UNKNOWN.
 * @param urinaryDifficultyNew New difficulty passing urine, poor stream or reduced sensation of flow. Null is read as UNKNOWN.
 * @param urinaryIncontinenceNew New loss of bladder control. Null is read as UNKNOWN.
 * @param faecalIncontinenceNew New loss of bowel control. Null is read as UNKNOWN.
 * @param rectalSensationLoss Loss of the sensation of rectal fullness. Null is read as UNKNOWN.
 * @param saddleAnaesthesia Numbness or tingling around the back passage, genitals or inner buttocks. Null is read as UNKNOWN.
 * @param sexualDysfunctionNew New sexual dysfunction. Null is read as UNKNOWN.
 * @param temperatureC Measured body temperature, in degrees Celsius. Null when not given.
 * @param feverOrRigorsReported Fever, chills or rigors reported. Null is read as UNKNOWN.
 * @param systemicallyUnwell The patient is systemically unwell. Null is read as UNKNOWN.
 * @param weightLossUnexplained Unexplained weight loss. Null is read as UNKNOWN.
 * @param weightLossKg Amount of unexplained weight loss, in kilograms. Null when not given.
 * @param weightLossPercent Unexplained weight loss as a percentage of baseline weight. Null when not given.
 * @param weightLossPeriodMonths Period over which the weight was lost, in months. Null when not given.
 * @param historyOfCancer Any past or current cancer other than non-melanoma skin cancer. Null is read as UNKNOWN.
 * @param corticosteroidProlonged Corticosteroids for at least 3 months at 5 mg/day or more prednisolone-equivalent. Null is read as UNKNOWN.
 * @param osteoporosis Known osteoporosis. Null is read as UNKNOWN.
 * @param immunosuppression Immunosuppression (HIV, transplant, chemotherapy, biologics, high-dose steroids). Null is read as UNKNOWN.
 * @param ivDrugUse Intravenous drug use. Null is read as UNKNOWN.
 * @param recentBacterialInfection Bacterial infection in the last 12 weeks (including bacteraemia, urinary or skin). Null is read as UNKNOWN.
 * @param recentSpinalProcedure Spinal surgery, injection or epidural in the last 12 weeks. Null is read as UNKNOWN.
 * @param trauma Trauma before the pain began. Null is read as UNKNOWN.
 * @param contusionOrAbrasion Bruising or abrasion over the spine after trauma. Null is read as UNKNOWN.
 * @param ibd Doctor-diagnosed inflammatory bowel disease, current or past. Null is read as UNKNOWN.
 * @param psoriasis Doctor-diagnosed psoriasis, current or past. Null is read as UNKNOWN.
 * @param uveitis Doctor-diagnosed uveitis, current or past. Null is read as UNKNOWN.
 * @param familyHistorySpA A first-degree relative with spondyloarthritis. Null is read as UNKNOWN.
 * @param arthritisHistory History of arthritis. Null is read as UNKNOWN.
 * @param enthesitisHistory History of enthesitis (for example heel pain at the tendon insertion). Null is read as UNKNOWN.
 * @param nsaidResponse Response to an anti-inflammatory (NSAID) trial. Null is read as UNKNOWN.
 * @param hlaB27 HLA-B27 test result. Null is read as UNKNOWN.
 * @param crpElevated C-reactive protein raised. Null is read as UNKNOWN.
 * @param sleepPosition Usual sleeping position. Null is read as UNKNOWN.
 * @param mattressFirmness Firmness of the mattress. Null is read as UNKNOWN.
 * @param pillowUnderKnees Sleeps with a pillow under the knees. Null is read as UNKNOWN.
 * @param pillowBetweenKnees Sleeps with a pillow between the knees. Null is read as UNKNOWN.
 * @param pillowUnderPelvis Sleeps with a pillow under the pelvis. Null is read as UNKNOWN.
 * @param painLyingInBedOrOnRising Pain while lying in bed or on rising. Null is read as UNKNOWN.
 * @param neckPainOnWaking Neck pain on waking. Null is read as UNKNOWN.
 * @param startBackTotal STarT Back total score. Null when not given.
 * @param startBackPsychosocial STarT Back psychosocial subscale score. Null when not given.
 */
public record PatientFacts(
        Integer ageYears,
        Sex sex,
        Double symptomDurationWeeks,
        OnsetType onsetType,
        Integer ageAtOnsetYears,
        Progression progression,
        Integer painSeverityNrs,
        TriState triggerOveruseOrLifting,
        TriState nightPain,
        TriState wakesFromSleep,
        TriState wakesSecondHalfOfNight,
        TriState nightPainImprovesOnGettingUp,
        TriState nightPainUnrelievedByPositionChange,
        TriState painPreventsSleep,
        Integer morningStiffnessMinutes,
        TriState improvesWithExercise,
        TriState restRelievesPain,
        TriState thoracicPain,
        TriState buttockPain,
        TriState alternatingButtockPain,
        TriState painAggravatedByStraining,
        TriState severeUnremittingPain,
        TriState localisedSpinalTenderness,
        TriState structuralDeformity,
        RadicularLegPain radicularLegPain,
        TriState legNumbnessTingling,
        TriState slrPositive,
        TriState crossedSlrPositive,
        MotorWeakness motorWeakness,
        TriState weaknessProgressive,
        TriState gaitDisturbanceNew,
        TriState neurogenicClaudication,
        TriState reliefSittingOrFlexion,
        TriState urinaryRetention,
        TriState urinaryDifficultyNew,
        TriState urinaryIncontinenceNew,
        TriState faecalIncontinenceNew,
        TriState rectalSensationLoss,
        TriState saddleAnaesthesia,
        TriState sexualDysfunctionNew,
        Double temperatureC,
        TriState feverOrRigorsReported,
        TriState systemicallyUnwell,
        TriState weightLossUnexplained,
        Double weightLossKg,
        Double weightLossPercent,
        Double weightLossPeriodMonths,
        TriState historyOfCancer,
        TriState corticosteroidProlonged,
        TriState osteoporosis,
        TriState immunosuppression,
        TriState ivDrugUse,
        TriState recentBacterialInfection,
        TriState recentSpinalProcedure,
        Trauma trauma,
        TriState contusionOrAbrasion,
        TriState ibd,
        TriState psoriasis,
        TriState uveitis,
        TriState familyHistorySpA,
        TriState arthritisHistory,
        TriState enthesitisHistory,
        NsaidResponse nsaidResponse,
        HlaB27 hlaB27,
        TriState crpElevated,
        SleepPosition sleepPosition,
        MattressFirmness mattressFirmness,
        TriState pillowUnderKnees,
        TriState pillowBetweenKnees,
        TriState pillowUnderPelvis,
        TriState painLyingInBedOrOnRising,
        TriState neckPainOnWaking,
        Integer startBackTotal,
        Integer startBackPsychosocial) {

    /**
     * Checks the facts and reads a null answer as UNKNOWN.
     *
     * @throws InvalidPatientFactsException listing every out-of-range value and impossible combination
     */
    public PatientFacts {
        sex = sex == null ? Sex.UNKNOWN : sex;
        onsetType = onsetType == null ? OnsetType.UNKNOWN : onsetType;
        progression = progression == null ? Progression.UNKNOWN : progression;
        triggerOveruseOrLifting = triggerOveruseOrLifting == null ? TriState.UNKNOWN : triggerOveruseOrLifting;
        nightPain = nightPain == null ? TriState.UNKNOWN : nightPain;
        wakesFromSleep = wakesFromSleep == null ? TriState.UNKNOWN : wakesFromSleep;
        wakesSecondHalfOfNight = wakesSecondHalfOfNight == null ? TriState.UNKNOWN : wakesSecondHalfOfNight;
        nightPainImprovesOnGettingUp = nightPainImprovesOnGettingUp == null ? TriState.UNKNOWN : nightPainImprovesOnGettingUp;
        nightPainUnrelievedByPositionChange = nightPainUnrelievedByPositionChange == null ? TriState.UNKNOWN : nightPainUnrelievedByPositionChange;
        painPreventsSleep = painPreventsSleep == null ? TriState.UNKNOWN : painPreventsSleep;
        improvesWithExercise = improvesWithExercise == null ? TriState.UNKNOWN : improvesWithExercise;
        restRelievesPain = restRelievesPain == null ? TriState.UNKNOWN : restRelievesPain;
        thoracicPain = thoracicPain == null ? TriState.UNKNOWN : thoracicPain;
        buttockPain = buttockPain == null ? TriState.UNKNOWN : buttockPain;
        alternatingButtockPain = alternatingButtockPain == null ? TriState.UNKNOWN : alternatingButtockPain;
        painAggravatedByStraining = painAggravatedByStraining == null ? TriState.UNKNOWN : painAggravatedByStraining;
        severeUnremittingPain = severeUnremittingPain == null ? TriState.UNKNOWN : severeUnremittingPain;
        localisedSpinalTenderness = localisedSpinalTenderness == null ? TriState.UNKNOWN : localisedSpinalTenderness;
        structuralDeformity = structuralDeformity == null ? TriState.UNKNOWN : structuralDeformity;
        radicularLegPain = radicularLegPain == null ? RadicularLegPain.UNKNOWN : radicularLegPain;
        legNumbnessTingling = legNumbnessTingling == null ? TriState.UNKNOWN : legNumbnessTingling;
        slrPositive = slrPositive == null ? TriState.UNKNOWN : slrPositive;
        crossedSlrPositive = crossedSlrPositive == null ? TriState.UNKNOWN : crossedSlrPositive;
        motorWeakness = motorWeakness == null ? MotorWeakness.UNKNOWN : motorWeakness;
        weaknessProgressive = weaknessProgressive == null ? TriState.UNKNOWN : weaknessProgressive;
        gaitDisturbanceNew = gaitDisturbanceNew == null ? TriState.UNKNOWN : gaitDisturbanceNew;
        neurogenicClaudication = neurogenicClaudication == null ? TriState.UNKNOWN : neurogenicClaudication;
        reliefSittingOrFlexion = reliefSittingOrFlexion == null ? TriState.UNKNOWN : reliefSittingOrFlexion;
        urinaryRetention = urinaryRetention == null ? TriState.UNKNOWN : urinaryRetention;
        urinaryDifficultyNew = urinaryDifficultyNew == null ? TriState.UNKNOWN : urinaryDifficultyNew;
        urinaryIncontinenceNew = urinaryIncontinenceNew == null ? TriState.UNKNOWN : urinaryIncontinenceNew;
        faecalIncontinenceNew = faecalIncontinenceNew == null ? TriState.UNKNOWN : faecalIncontinenceNew;
        rectalSensationLoss = rectalSensationLoss == null ? TriState.UNKNOWN : rectalSensationLoss;
        saddleAnaesthesia = saddleAnaesthesia == null ? TriState.UNKNOWN : saddleAnaesthesia;
        sexualDysfunctionNew = sexualDysfunctionNew == null ? TriState.UNKNOWN : sexualDysfunctionNew;
        feverOrRigorsReported = feverOrRigorsReported == null ? TriState.UNKNOWN : feverOrRigorsReported;
        systemicallyUnwell = systemicallyUnwell == null ? TriState.UNKNOWN : systemicallyUnwell;
        weightLossUnexplained = weightLossUnexplained == null ? TriState.UNKNOWN : weightLossUnexplained;
        historyOfCancer = historyOfCancer == null ? TriState.UNKNOWN : historyOfCancer;
        corticosteroidProlonged = corticosteroidProlonged == null ? TriState.UNKNOWN : corticosteroidProlonged;
        osteoporosis = osteoporosis == null ? TriState.UNKNOWN : osteoporosis;
        immunosuppression = immunosuppression == null ? TriState.UNKNOWN : immunosuppression;
        ivDrugUse = ivDrugUse == null ? TriState.UNKNOWN : ivDrugUse;
        recentBacterialInfection = recentBacterialInfection == null ? TriState.UNKNOWN : recentBacterialInfection;
        recentSpinalProcedure = recentSpinalProcedure == null ? TriState.UNKNOWN : recentSpinalProcedure;
        trauma = trauma == null ? Trauma.UNKNOWN : trauma;
        contusionOrAbrasion = contusionOrAbrasion == null ? TriState.UNKNOWN : contusionOrAbrasion;
        ibd = ibd == null ? TriState.UNKNOWN : ibd;
        psoriasis = psoriasis == null ? TriState.UNKNOWN : psoriasis;
        uveitis = uveitis == null ? TriState.UNKNOWN : uveitis;
        familyHistorySpA = familyHistorySpA == null ? TriState.UNKNOWN : familyHistorySpA;
        arthritisHistory = arthritisHistory == null ? TriState.UNKNOWN : arthritisHistory;
        enthesitisHistory = enthesitisHistory == null ? TriState.UNKNOWN : enthesitisHistory;
        nsaidResponse = nsaidResponse == null ? NsaidResponse.UNKNOWN : nsaidResponse;
        hlaB27 = hlaB27 == null ? HlaB27.UNKNOWN : hlaB27;
        crpElevated = crpElevated == null ? TriState.UNKNOWN : crpElevated;
        sleepPosition = sleepPosition == null ? SleepPosition.UNKNOWN : sleepPosition;
        mattressFirmness = mattressFirmness == null ? MattressFirmness.UNKNOWN : mattressFirmness;
        pillowUnderKnees = pillowUnderKnees == null ? TriState.UNKNOWN : pillowUnderKnees;
        pillowBetweenKnees = pillowBetweenKnees == null ? TriState.UNKNOWN : pillowBetweenKnees;
        pillowUnderPelvis = pillowUnderPelvis == null ? TriState.UNKNOWN : pillowUnderPelvis;
        painLyingInBedOrOnRising = painLyingInBedOrOnRising == null ? TriState.UNKNOWN : painLyingInBedOrOnRising;
        neckPainOnWaking = neckPainOnWaking == null ? TriState.UNKNOWN : neckPainOnWaking;
        PatientFactsValidator.check(new Object[] {
                ageYears,
                sex,
                symptomDurationWeeks,
                onsetType,
                ageAtOnsetYears,
                progression,
                painSeverityNrs,
                triggerOveruseOrLifting,
                nightPain,
                wakesFromSleep,
                wakesSecondHalfOfNight,
                nightPainImprovesOnGettingUp,
                nightPainUnrelievedByPositionChange,
                painPreventsSleep,
                morningStiffnessMinutes,
                improvesWithExercise,
                restRelievesPain,
                thoracicPain,
                buttockPain,
                alternatingButtockPain,
                painAggravatedByStraining,
                severeUnremittingPain,
                localisedSpinalTenderness,
                structuralDeformity,
                radicularLegPain,
                legNumbnessTingling,
                slrPositive,
                crossedSlrPositive,
                motorWeakness,
                weaknessProgressive,
                gaitDisturbanceNew,
                neurogenicClaudication,
                reliefSittingOrFlexion,
                urinaryRetention,
                urinaryDifficultyNew,
                urinaryIncontinenceNew,
                faecalIncontinenceNew,
                rectalSensationLoss,
                saddleAnaesthesia,
                sexualDysfunctionNew,
                temperatureC,
                feverOrRigorsReported,
                systemicallyUnwell,
                weightLossUnexplained,
                weightLossKg,
                weightLossPercent,
                weightLossPeriodMonths,
                historyOfCancer,
                corticosteroidProlonged,
                osteoporosis,
                immunosuppression,
                ivDrugUse,
                recentBacterialInfection,
                recentSpinalProcedure,
                trauma,
                contusionOrAbrasion,
                ibd,
                psoriasis,
                uveitis,
                familyHistorySpA,
                arthritisHistory,
                enthesitisHistory,
                nsaidResponse,
                hlaB27,
                crpElevated,
                sleepPosition,
                mattressFirmness,
                pillowUnderKnees,
                pillowBetweenKnees,
                pillowUnderPelvis,
                painLyingInBedOrOnRising,
                neckPainOnWaking,
                startBackTotal,
                startBackPsychosocial});
    }

    /**
     * Names the type only. The values are patient data, and the usual record text would carry every one
     * of them into any log that prints the facts; Drools, for one, prints each inserted fact at TRACE
     * level. Read the values through the accessors.
     */
    @Override
    public String toString() {
        return "PatientFacts[values withheld]";
    }

    /** Returns a builder in which every answer is UNKNOWN and every number is not given. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder that starts from these facts. */
    public Builder toBuilder() {
        return new Builder()
                .ageYears(ageYears)
                .sex(sex)
                .symptomDurationWeeks(symptomDurationWeeks)
                .onsetType(onsetType)
                .ageAtOnsetYears(ageAtOnsetYears)
                .progression(progression)
                .painSeverityNrs(painSeverityNrs)
                .triggerOveruseOrLifting(triggerOveruseOrLifting)
                .nightPain(nightPain)
                .wakesFromSleep(wakesFromSleep)
                .wakesSecondHalfOfNight(wakesSecondHalfOfNight)
                .nightPainImprovesOnGettingUp(nightPainImprovesOnGettingUp)
                .nightPainUnrelievedByPositionChange(nightPainUnrelievedByPositionChange)
                .painPreventsSleep(painPreventsSleep)
                .morningStiffnessMinutes(morningStiffnessMinutes)
                .improvesWithExercise(improvesWithExercise)
                .restRelievesPain(restRelievesPain)
                .thoracicPain(thoracicPain)
                .buttockPain(buttockPain)
                .alternatingButtockPain(alternatingButtockPain)
                .painAggravatedByStraining(painAggravatedByStraining)
                .severeUnremittingPain(severeUnremittingPain)
                .localisedSpinalTenderness(localisedSpinalTenderness)
                .structuralDeformity(structuralDeformity)
                .radicularLegPain(radicularLegPain)
                .legNumbnessTingling(legNumbnessTingling)
                .slrPositive(slrPositive)
                .crossedSlrPositive(crossedSlrPositive)
                .motorWeakness(motorWeakness)
                .weaknessProgressive(weaknessProgressive)
                .gaitDisturbanceNew(gaitDisturbanceNew)
                .neurogenicClaudication(neurogenicClaudication)
                .reliefSittingOrFlexion(reliefSittingOrFlexion)
                .urinaryRetention(urinaryRetention)
                .urinaryDifficultyNew(urinaryDifficultyNew)
                .urinaryIncontinenceNew(urinaryIncontinenceNew)
                .faecalIncontinenceNew(faecalIncontinenceNew)
                .rectalSensationLoss(rectalSensationLoss)
                .saddleAnaesthesia(saddleAnaesthesia)
                .sexualDysfunctionNew(sexualDysfunctionNew)
                .temperatureC(temperatureC)
                .feverOrRigorsReported(feverOrRigorsReported)
                .systemicallyUnwell(systemicallyUnwell)
                .weightLossUnexplained(weightLossUnexplained)
                .weightLossKg(weightLossKg)
                .weightLossPercent(weightLossPercent)
                .weightLossPeriodMonths(weightLossPeriodMonths)
                .historyOfCancer(historyOfCancer)
                .corticosteroidProlonged(corticosteroidProlonged)
                .osteoporosis(osteoporosis)
                .immunosuppression(immunosuppression)
                .ivDrugUse(ivDrugUse)
                .recentBacterialInfection(recentBacterialInfection)
                .recentSpinalProcedure(recentSpinalProcedure)
                .trauma(trauma)
                .contusionOrAbrasion(contusionOrAbrasion)
                .ibd(ibd)
                .psoriasis(psoriasis)
                .uveitis(uveitis)
                .familyHistorySpA(familyHistorySpA)
                .arthritisHistory(arthritisHistory)
                .enthesitisHistory(enthesitisHistory)
                .nsaidResponse(nsaidResponse)
                .hlaB27(hlaB27)
                .crpElevated(crpElevated)
                .sleepPosition(sleepPosition)
                .mattressFirmness(mattressFirmness)
                .pillowUnderKnees(pillowUnderKnees)
                .pillowBetweenKnees(pillowBetweenKnees)
                .pillowUnderPelvis(pillowUnderPelvis)
                .painLyingInBedOrOnRising(painLyingInBedOrOnRising)
                .neckPainOnWaking(neckPainOnWaking)
                .startBackTotal(startBackTotal)
                .startBackPsychosocial(startBackPsychosocial);
    }

    /** Builds {@link PatientFacts}; not thread-safe. Unset answers stay UNKNOWN, unset numbers stay null. */
    public static final class Builder {
        private Integer ageYears;
        private Sex sex = Sex.UNKNOWN;
        private Double symptomDurationWeeks;
        private OnsetType onsetType = OnsetType.UNKNOWN;
        private Integer ageAtOnsetYears;
        private Progression progression = Progression.UNKNOWN;
        private Integer painSeverityNrs;
        private TriState triggerOveruseOrLifting = TriState.UNKNOWN;
        private TriState nightPain = TriState.UNKNOWN;
        private TriState wakesFromSleep = TriState.UNKNOWN;
        private TriState wakesSecondHalfOfNight = TriState.UNKNOWN;
        private TriState nightPainImprovesOnGettingUp = TriState.UNKNOWN;
        private TriState nightPainUnrelievedByPositionChange = TriState.UNKNOWN;
        private TriState painPreventsSleep = TriState.UNKNOWN;
        private Integer morningStiffnessMinutes;
        private TriState improvesWithExercise = TriState.UNKNOWN;
        private TriState restRelievesPain = TriState.UNKNOWN;
        private TriState thoracicPain = TriState.UNKNOWN;
        private TriState buttockPain = TriState.UNKNOWN;
        private TriState alternatingButtockPain = TriState.UNKNOWN;
        private TriState painAggravatedByStraining = TriState.UNKNOWN;
        private TriState severeUnremittingPain = TriState.UNKNOWN;
        private TriState localisedSpinalTenderness = TriState.UNKNOWN;
        private TriState structuralDeformity = TriState.UNKNOWN;
        private RadicularLegPain radicularLegPain = RadicularLegPain.UNKNOWN;
        private TriState legNumbnessTingling = TriState.UNKNOWN;
        private TriState slrPositive = TriState.UNKNOWN;
        private TriState crossedSlrPositive = TriState.UNKNOWN;
        private MotorWeakness motorWeakness = MotorWeakness.UNKNOWN;
        private TriState weaknessProgressive = TriState.UNKNOWN;
        private TriState gaitDisturbanceNew = TriState.UNKNOWN;
        private TriState neurogenicClaudication = TriState.UNKNOWN;
        private TriState reliefSittingOrFlexion = TriState.UNKNOWN;
        private TriState urinaryRetention = TriState.UNKNOWN;
        private TriState urinaryDifficultyNew = TriState.UNKNOWN;
        private TriState urinaryIncontinenceNew = TriState.UNKNOWN;
        private TriState faecalIncontinenceNew = TriState.UNKNOWN;
        private TriState rectalSensationLoss = TriState.UNKNOWN;
        private TriState saddleAnaesthesia = TriState.UNKNOWN;
        private TriState sexualDysfunctionNew = TriState.UNKNOWN;
        private Double temperatureC;
        private TriState feverOrRigorsReported = TriState.UNKNOWN;
        private TriState systemicallyUnwell = TriState.UNKNOWN;
        private TriState weightLossUnexplained = TriState.UNKNOWN;
        private Double weightLossKg;
        private Double weightLossPercent;
        private Double weightLossPeriodMonths;
        private TriState historyOfCancer = TriState.UNKNOWN;
        private TriState corticosteroidProlonged = TriState.UNKNOWN;
        private TriState osteoporosis = TriState.UNKNOWN;
        private TriState immunosuppression = TriState.UNKNOWN;
        private TriState ivDrugUse = TriState.UNKNOWN;
        private TriState recentBacterialInfection = TriState.UNKNOWN;
        private TriState recentSpinalProcedure = TriState.UNKNOWN;
        private Trauma trauma = Trauma.UNKNOWN;
        private TriState contusionOrAbrasion = TriState.UNKNOWN;
        private TriState ibd = TriState.UNKNOWN;
        private TriState psoriasis = TriState.UNKNOWN;
        private TriState uveitis = TriState.UNKNOWN;
        private TriState familyHistorySpA = TriState.UNKNOWN;
        private TriState arthritisHistory = TriState.UNKNOWN;
        private TriState enthesitisHistory = TriState.UNKNOWN;
        private NsaidResponse nsaidResponse = NsaidResponse.UNKNOWN;
        private HlaB27 hlaB27 = HlaB27.UNKNOWN;
        private TriState crpElevated = TriState.UNKNOWN;
        private SleepPosition sleepPosition = SleepPosition.UNKNOWN;
        private MattressFirmness mattressFirmness = MattressFirmness.UNKNOWN;
        private TriState pillowUnderKnees = TriState.UNKNOWN;
        private TriState pillowBetweenKnees = TriState.UNKNOWN;
        private TriState pillowUnderPelvis = TriState.UNKNOWN;
        private TriState painLyingInBedOrOnRising = TriState.UNKNOWN;
        private TriState neckPainOnWaking = TriState.UNKNOWN;
        private Integer startBackTotal;
        private Integer startBackPsychosocial;

        private Builder() {
        }

        /** Age in whole years. Null means not given. */
        public Builder ageYears(Integer value) {
            this.ageYears = value;
            return this;
        }

        /** Sex as recorded. Null means UNKNOWN. */
        public Builder sex(Sex value) {
            this.sex = value;
            return this;
        }

        /** How long the current back pain has lasted, in weeks. Null means not given. */
        public Builder symptomDurationWeeks(Double value) {
            this.symptomDurationWeeks = value;
            return this;
        }

        /** How the pain began. Null means UNKNOWN. */
        public Builder onsetType(OnsetType value) {
            this.onsetType = value;
            return this;
        }

        /** Age when the back pain first began, in whole years. Null means not given. */
        public Builder ageAtOnsetYears(Integer value) {
            this.ageAtOnsetYears = value;
            return this;
        }

        /** How the pain is changing. Null means UNKNOWN. */
        public Builder progression(Progression value) {
            this.progression = value;
            return this;
        }

        /** Pain on the 0-10 numeric rating scale (shown, not used by rules). Null means not given. */
        public Builder painSeverityNrs(Integer value) {
            this.painSeverityNrs = value;
            return this;
        }

        /** The pain began after overuse or lifting. Null means UNKNOWN. */
        public Builder triggerOveruseOrLifting(TriState value) {
            this.triggerOveruseOrLifting = value;
            return this;
        }

        /** Pain at night or on lying down. Null means UNKNOWN. */
        public Builder nightPain(TriState value) {
            this.nightPain = value;
            return this;
        }

        /** The pain wakes the patient from sleep. Null means UNKNOWN. */
        public Builder wakesFromSleep(TriState value) {
            this.wakesFromSleep = value;
            return this;
        }

        /** The pain wakes the patient in the second half of the night. Null means UNKNOWN. */
        public Builder wakesSecondHalfOfNight(TriState value) {
            this.wakesSecondHalfOfNight = value;
            return this;
        }

        /** Night pain eases on getting up. Null means UNKNOWN. */
        public Builder nightPainImprovesOnGettingUp(TriState value) {
            this.nightPainImprovesOnGettingUp = value;
            return this;
        }

        /** Night pain is not relieved by changing position. Null means UNKNOWN. */
        public Builder nightPainUnrelievedByPositionChange(TriState value) {
            this.nightPainUnrelievedByPositionChange = value;
            return this;
        }

        /** The pain prevents sleep. Null means UNKNOWN. */
        public Builder painPreventsSleep(TriState value) {
            this.painPreventsSleep = value;
            return this;
        }

        /** Duration of morning stiffness, in minutes. Null means not given. */
        public Builder morningStiffnessMinutes(Integer value) {
            this.morningStiffnessMinutes = value;
            return this;
        }

        /** The pain improves with exercise or movement. Null means UNKNOWN. */
        public Builder improvesWithExercise(TriState value) {
            this.improvesWithExercise = value;
            return this;
        }

        /** Rest relieves the pain (NO means no improvement with rest). Null means UNKNOWN. */
        public Builder restRelievesPain(TriState value) {
            this.restRelievesPain = value;
            return this;
        }

        /** Pain in the thoracic (upper or mid) spine. Null means UNKNOWN. */
        public Builder thoracicPain(TriState value) {
            this.thoracicPain = value;
            return this;
        }

        /** Buttock pain. Null means UNKNOWN. */
        public Builder buttockPain(TriState value) {
            this.buttockPain = value;
            return this;
        }

        /** Buttock pain that alternates between sides. Null means UNKNOWN. */
        public Builder alternatingButtockPain(TriState value) {
            this.alternatingButtockPain = value;
            return this;
        }

        /** Pain made worse by straining, coughing or sneezing. Null means UNKNOWN. */
        public Builder painAggravatedByStraining(TriState value) {
            this.painAggravatedByStraining = value;
            return this;
        }

        /** Severe pain that does not let up. Null means UNKNOWN. */
        public Builder severeUnremittingPain(TriState value) {
            this.severeUnremittingPain = value;
            return this;
        }

        /** Localised spinal tenderness on examination. Null means UNKNOWN. */
        public Builder localisedSpinalTenderness(TriState value) {
            this.localisedSpinalTenderness = value;
            return this;
        }

        /** Structural spinal deformity on examination. Null means UNKNOWN. */
        public Builder structuralDeformity(TriState value) {
            this.structuralDeformity = value;
            return this;
        }

        /** Radicular (nerve root) leg pain. Null means UNKNOWN. */
        public Builder radicularLegPain(RadicularLegPain value) {
            this.radicularLegPain = value;
            return this;
        }

        /** Numbness or tingling in a leg. Null means UNKNOWN. */
        public Builder legNumbnessTingling(TriState value) {
            this.legNumbnessTingling = value;
            return this;
        }

        /** Straight-leg-raise test positive on examination. Null means UNKNOWN. */
        public Builder slrPositive(TriState value) {
            this.slrPositive = value;
            return this;
        }

        /** Crossed straight-leg-raise test positive on examination. Null means UNKNOWN. */
        public Builder crossedSlrPositive(TriState value) {
            this.crossedSlrPositive = value;
            return this;
        }

        /** Leg muscle weakness and its extent. Null means UNKNOWN. */
        public Builder motorWeakness(MotorWeakness value) {
            this.motorWeakness = value;
            return this;
        }

        /** The weakness is getting worse. Null means UNKNOWN. */
        public Builder weaknessProgressive(TriState value) {
            this.weaknessProgressive = value;
            return this;
        }

        /** New difficulty walking or unsteady gait. Null means UNKNOWN. */
        public Builder gaitDisturbanceNew(TriState value) {
            this.gaitDisturbanceNew = value;
            return this;
        }

        /** Buttock or leg pain, numbness or cramping on walking or standing. Null means UNKNOWN. */
        public Builder neurogenicClaudication(TriState value) {
            this.neurogenicClaudication = value;
            return this;
        }

        /** Those leg symptoms ease on sitting or bending forward. Null means UNKNOWN. */
        public Builder reliefSittingOrFlexion(TriState value) {
            this.reliefSittingOrFlexion = value;
            return this;
        }

        /** Unable to pass urine (retention). Null means UNKNOWN. */
        public Builder urinaryRetention(TriState value) {
            this.urinaryRetention = value;
            return this;
        }

        /** New difficulty passing urine, poor stream or reduced sensation of flow. Null means UNKNOWN. */
        public Builder urinaryDifficultyNew(TriState value) {
            this.urinaryDifficultyNew = value;
            return this;
        }

        /** New loss of bladder control. Null means UNKNOWN. */
        public Builder urinaryIncontinenceNew(TriState value) {
            this.urinaryIncontinenceNew = value;
            return this;
        }

        /** New loss of bowel control. Null means UNKNOWN. */
        public Builder faecalIncontinenceNew(TriState value) {
            this.faecalIncontinenceNew = value;
            return this;
        }

        /** Loss of the sensation of rectal fullness. Null means UNKNOWN. */
        public Builder rectalSensationLoss(TriState value) {
            this.rectalSensationLoss = value;
            return this;
        }

        /** Numbness or tingling around the back passage, genitals or inner buttocks. Null means UNKNOWN. */
        public Builder saddleAnaesthesia(TriState value) {
            this.saddleAnaesthesia = value;
            return this;
        }

        /** New sexual dysfunction. Null means UNKNOWN. */
        public Builder sexualDysfunctionNew(TriState value) {
            this.sexualDysfunctionNew = value;
            return this;
        }

        /** Measured body temperature, in degrees Celsius. Null means not given. */
        public Builder temperatureC(Double value) {
            this.temperatureC = value;
            return this;
        }

        /** Fever, chills or rigors reported. Null means UNKNOWN. */
        public Builder feverOrRigorsReported(TriState value) {
            this.feverOrRigorsReported = value;
            return this;
        }

        /** The patient is systemically unwell. Null means UNKNOWN. */
        public Builder systemicallyUnwell(TriState value) {
            this.systemicallyUnwell = value;
            return this;
        }

        /** Unexplained weight loss. Null means UNKNOWN. */
        public Builder weightLossUnexplained(TriState value) {
            this.weightLossUnexplained = value;
            return this;
        }

        /** Amount of unexplained weight loss, in kilograms. Null means not given. */
        public Builder weightLossKg(Double value) {
            this.weightLossKg = value;
            return this;
        }

        /** Unexplained weight loss as a percentage of baseline weight. Null means not given. */
        public Builder weightLossPercent(Double value) {
            this.weightLossPercent = value;
            return this;
        }

        /** Period over which the weight was lost, in months. Null means not given. */
        public Builder weightLossPeriodMonths(Double value) {
            this.weightLossPeriodMonths = value;
            return this;
        }

        /** Any past or current cancer other than non-melanoma skin cancer. Null means UNKNOWN. */
        public Builder historyOfCancer(TriState value) {
            this.historyOfCancer = value;
            return this;
        }

        /** Corticosteroids for at least 3 months at 5 mg/day or more prednisolone-equivalent. Null means UNKNOWN. */
        public Builder corticosteroidProlonged(TriState value) {
            this.corticosteroidProlonged = value;
            return this;
        }

        /** Known osteoporosis. Null means UNKNOWN. */
        public Builder osteoporosis(TriState value) {
            this.osteoporosis = value;
            return this;
        }

        /** Immunosuppression (HIV, transplant, chemotherapy, biologics, high-dose steroids). Null means UNKNOWN. */
        public Builder immunosuppression(TriState value) {
            this.immunosuppression = value;
            return this;
        }

        /** Intravenous drug use. Null means UNKNOWN. */
        public Builder ivDrugUse(TriState value) {
            this.ivDrugUse = value;
            return this;
        }

        /** Bacterial infection in the last 12 weeks (including bacteraemia, urinary or skin). Null means UNKNOWN. */
        public Builder recentBacterialInfection(TriState value) {
            this.recentBacterialInfection = value;
            return this;
        }

        /** Spinal surgery, injection or epidural in the last 12 weeks. Null means UNKNOWN. */
        public Builder recentSpinalProcedure(TriState value) {
            this.recentSpinalProcedure = value;
            return this;
        }

        /** Trauma before the pain began. Null means UNKNOWN. */
        public Builder trauma(Trauma value) {
            this.trauma = value;
            return this;
        }

        /** Bruising or abrasion over the spine after trauma. Null means UNKNOWN. */
        public Builder contusionOrAbrasion(TriState value) {
            this.contusionOrAbrasion = value;
            return this;
        }

        /** Doctor-diagnosed inflammatory bowel disease, current or past. Null means UNKNOWN. */
        public Builder ibd(TriState value) {
            this.ibd = value;
            return this;
        }

        /** Doctor-diagnosed psoriasis, current or past. Null means UNKNOWN. */
        public Builder psoriasis(TriState value) {
            this.psoriasis = value;
            return this;
        }

        /** Doctor-diagnosed uveitis, current or past. Null means UNKNOWN. */
        public Builder uveitis(TriState value) {
            this.uveitis = value;
            return this;
        }

        /** A first-degree relative with spondyloarthritis. Null means UNKNOWN. */
        public Builder familyHistorySpA(TriState value) {
            this.familyHistorySpA = value;
            return this;
        }

        /** History of arthritis. Null means UNKNOWN. */
        public Builder arthritisHistory(TriState value) {
            this.arthritisHistory = value;
            return this;
        }

        /** History of enthesitis (for example heel pain at the tendon insertion). Null means UNKNOWN. */
        public Builder enthesitisHistory(TriState value) {
            this.enthesitisHistory = value;
            return this;
        }

        /** Response to an anti-inflammatory (NSAID) trial. Null means UNKNOWN. */
        public Builder nsaidResponse(NsaidResponse value) {
            this.nsaidResponse = value;
            return this;
        }

        /** HLA-B27 test result. Null means UNKNOWN. */
        public Builder hlaB27(HlaB27 value) {
            this.hlaB27 = value;
            return this;
        }

        /** C-reactive protein raised. Null means UNKNOWN. */
        public Builder crpElevated(TriState value) {
            this.crpElevated = value;
            return this;
        }

        /** Usual sleeping position. Null means UNKNOWN. */
        public Builder sleepPosition(SleepPosition value) {
            this.sleepPosition = value;
            return this;
        }

        /** Firmness of the mattress. Null means UNKNOWN. */
        public Builder mattressFirmness(MattressFirmness value) {
            this.mattressFirmness = value;
            return this;
        }

        /** Sleeps with a pillow under the knees. Null means UNKNOWN. */
        public Builder pillowUnderKnees(TriState value) {
            this.pillowUnderKnees = value;
            return this;
        }

        /** Sleeps with a pillow between the knees. Null means UNKNOWN. */
        public Builder pillowBetweenKnees(TriState value) {
            this.pillowBetweenKnees = value;
            return this;
        }

        /** Sleeps with a pillow under the pelvis. Null means UNKNOWN. */
        public Builder pillowUnderPelvis(TriState value) {
            this.pillowUnderPelvis = value;
            return this;
        }

        /** Pain while lying in bed or on rising. Null means UNKNOWN. */
        public Builder painLyingInBedOrOnRising(TriState value) {
            this.painLyingInBedOrOnRising = value;
            return this;
        }

        /** Neck pain on waking. Null means UNKNOWN. */
        public Builder neckPainOnWaking(TriState value) {
            this.neckPainOnWaking = value;
            return this;
        }

        /** STarT Back total score. Null means not given. */
        public Builder startBackTotal(Integer value) {
            this.startBackTotal = value;
            return this;
        }

        /** STarT Back psychosocial subscale score. Null means not given. */
        public Builder startBackPsychosocial(Integer value) {
            this.startBackPsychosocial = value;
            return this;
        }

        /**
         * Checks and builds the facts.
         *
         * @throws InvalidPatientFactsException listing every problem found
         */
        public PatientFacts build() {
            return new PatientFacts(
                    ageYears,
                    sex,
                    symptomDurationWeeks,
                    onsetType,
                    ageAtOnsetYears,
                    progression,
                    painSeverityNrs,
                    triggerOveruseOrLifting,
                    nightPain,
                    wakesFromSleep,
                    wakesSecondHalfOfNight,
                    nightPainImprovesOnGettingUp,
                    nightPainUnrelievedByPositionChange,
                    painPreventsSleep,
                    morningStiffnessMinutes,
                    improvesWithExercise,
                    restRelievesPain,
                    thoracicPain,
                    buttockPain,
                    alternatingButtockPain,
                    painAggravatedByStraining,
                    severeUnremittingPain,
                    localisedSpinalTenderness,
                    structuralDeformity,
                    radicularLegPain,
                    legNumbnessTingling,
                    slrPositive,
                    crossedSlrPositive,
                    motorWeakness,
                    weaknessProgressive,
                    gaitDisturbanceNew,
                    neurogenicClaudication,
                    reliefSittingOrFlexion,
                    urinaryRetention,
                    urinaryDifficultyNew,
                    urinaryIncontinenceNew,
                    faecalIncontinenceNew,
                    rectalSensationLoss,
                    saddleAnaesthesia,
                    sexualDysfunctionNew,
                    temperatureC,
                    feverOrRigorsReported,
                    systemicallyUnwell,
                    weightLossUnexplained,
                    weightLossKg,
                    weightLossPercent,
                    weightLossPeriodMonths,
                    historyOfCancer,
                    corticosteroidProlonged,
                    osteoporosis,
                    immunosuppression,
                    ivDrugUse,
                    recentBacterialInfection,
                    recentSpinalProcedure,
                    trauma,
                    contusionOrAbrasion,
                    ibd,
                    psoriasis,
                    uveitis,
                    familyHistorySpA,
                    arthritisHistory,
                    enthesitisHistory,
                    nsaidResponse,
                    hlaB27,
                    crpElevated,
                    sleepPosition,
                    mattressFirmness,
                    pillowUnderKnees,
                    pillowBetweenKnees,
                    pillowUnderPelvis,
                    painLyingInBedOrOnRising,
                    neckPainOnWaking,
                    startBackTotal,
                    startBackPsychosocial);
        }
    }
}
