package org.nightpain.cds.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nightpain.cds.safety.ClinicalTerms.allFindings;
import static org.nightpain.cds.safety.ClinicalTerms.ruleIds;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.FactField;
import org.nightpain.cds.Finding;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.LegNumbness;
import org.nightpain.cds.MotorWeakness;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.RadicularLegPain;
import org.nightpain.cds.Referral;
import org.nightpain.cds.Trauma;
import org.nightpain.cds.TriState;
import org.nightpain.cds.Urgency;

/**
 * The safety invariants that knowledge base 2.0 adds (clinical-knowledge §9.6, invariants 14 to 21), each a
 * property over valid patients (1,000 tries each). Every property draws patients from {@link Patients} with
 * the answer its invariant is about forced in, so that no try is spent on a patient the invariant does not
 * speak of; {@link TargetedGeneratorsTest} checks that these generators reach the cases that matter.
 * Invariant 15 (bilateral leg numbness) is with the other cauda equina checks in
 * {@link CaudaEquinaCompletenessTest}; the monotonicity additions of §9.6 are in {@link MonotonicityTest}.
 */
class SafetyInvariants2Test {
    /** How advice names an anti-inflammatory painkiller. */
    static final Pattern NSAID = Pattern.compile("(?i)NSAID|anti-inflammator|ibuprofen|naproxen|diclofenac");

    private static final Set<String> SELF_CARE_RULES = Set.of("SC-01", "SC-02", "SC-03");

    // ---- 14. No reassurance over a red flag ------------------------------------------------------

    /** Each answer that §9.6.14 names, set on its own over a drawn patient. */
    static List<Map<FactField, Object>> reassuranceBlockers() {
        List<Map<FactField, Object>> answers = new ArrayList<>();
        for (FactField feature : ClinicalTerms.SERIOUS_PATHOLOGY_FEATURES) {
            answers.add(Map.of(feature, TriState.YES));
        }
        answers.addAll(legNeurologyAnswers());
        answers.add(Map.of(FactField.COLLAPSE_OR_SYNCOPE, TriState.YES));
        answers.add(Map.of(FactField.PULSATILE_ABDOMINAL_MASS, TriState.YES));
        return answers;
    }

    /** Each kind of leg neurology of §9.2 on its own. */
    static List<Map<FactField, Object>> legNeurologyAnswers() {
        List<Map<FactField, Object>> answers = new ArrayList<>();
        answers.add(Map.of(FactField.RADICULAR_LEG_PAIN, RadicularLegPain.UNILATERAL));
        answers.add(Map.of(FactField.RADICULAR_LEG_PAIN, RadicularLegPain.BILATERAL));
        answers.add(Map.of(FactField.LEG_NUMBNESS_TINGLING, LegNumbness.UNILATERAL));
        answers.add(Map.of(FactField.LEG_NUMBNESS_TINGLING, LegNumbness.BILATERAL));
        for (MotorWeakness grade : List.of(MotorWeakness.MILD_SINGLE_ROOT, MotorWeakness.MAJOR_SINGLE_ROOT,
                MotorWeakness.MULTI_LEVEL_OR_BILATERAL)) {
            answers.add(Map.of(FactField.MOTOR_WEAKNESS, grade));
        }
        return answers;
    }

    /** Patients with one of the answers of §9.6.14. */
    static Arbitrary<PatientFacts> withAFeatureThatBlocksReassurance() {
        return Patients.validWith(Arbitraries.of(reassuranceBlockers()));
    }

    @Provide
    Arbitrary<PatientFacts> patientsWithAFeatureThatBlocksReassurance() {
        return withAFeatureThatBlocksReassurance();
    }

    @Property(tries = 1000)
    void seriousFeatureLegNeurologyCollapseOrMass_isNeverSelfCare(
            @ForAll("patientsWithAFeatureThatBlocksReassurance") PatientFacts patient) {
        Assessment result = Fixtures.assess(patient);

        assertThat(atLeast(result.highestUrgency(), Urgency.ROUTINE)).as("%s", result.highestUrgency()).isTrue();
        assertThat(Fixtures.presentedRules(result)).doesNotContainAnyElementsOf(SELF_CARE_RULES);
    }

    @Provide
    Arbitrary<PatientFacts> patientsOf50OrOverWithASeriousFeature() {
        return of50OrOverWithASeriousFeature();
    }

    /** Patients aged 50 or over with one serious-pathology feature. */
    static Arbitrary<PatientFacts> of50OrOverWithASeriousFeature() {
        Arbitrary<Integer> age = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(50, 60, 65)),
                Tuple.of(3, Arbitraries.integers().between(50, 120)));
        // A cancer history one time in five: SOON-05 is then silent, and the other rules must hold the floor.
        Arbitrary<TriState> cancer = Arbitraries.frequency(Tuple.of(4, TriState.NO), Tuple.of(1, TriState.YES));
        return Patients.validWith(Combinators.combine(age, Arbitraries.of(ClinicalTerms.SERIOUS_PATHOLOGY_FEATURES), cancer)
                .as((years, feature, history) -> Map.<FactField, Object>of(FactField.AGE_YEARS, years, feature, TriState.YES,
                        FactField.HISTORY_OF_CANCER, history)));
    }

    @Property(tries = 1000)
    void seriousFeatureAt50OrOver_isAtLeastSoon(@ForAll("patientsOf50OrOverWithASeriousFeature") PatientFacts patient) {
        Assessment result = Fixtures.assess(patient);

        assertThat(atLeast(result.highestUrgency(), Urgency.SOON)).as("%s: %s", result.highestUrgency(),
                Fixtures.presentedRules(result)).isTrue();
    }

    // ---- 16. Pregnancy ---------------------------------------------------------------------------

    @Provide
    Arbitrary<PatientFacts> pregnantPatients() {
        return Patients.pregnant();
    }

    @Property(tries = 1000)
    void pregnancy_adjustsTheAdviceAndNeverAdvisesAnNsaidOrBackSleeping(@ForAll("pregnantPatients") PatientFacts patient) {
        Assessment result = Fixtures.assess(patient);
        Set<String> fired = Fixtures.firedRules(result);

        assertThat(Fixtures.presentedRules(result)).contains("PREG-01");
        assertThat(result.findings()).filteredOn(f -> !f.ruleId().equals("PREG-01"))
                .allSatisfy(f -> assertThat(NSAID.matcher(f.advice()).find()).as("%s advises: %s", f.ruleId(), f.advice())
                        .isFalse());
        boolean lateOrUnknown = patient.gestationWeeks() == null || patient.gestationWeeks() >= 28;
        if (lateOrUnknown) {
            assertThat(fired).doesNotContain("SLP-01", "SLP-03").contains("SLP-06");
        } else {
            assertThat(fired).doesNotContain("SLP-06");
        }
    }

    /** §9.7.6: wherever advice names an NSAID, the same sentence says it is not for use in pregnancy. */
    @Property(tries = 1000)
    void nsaidAdvice_alwaysSaysNotInPregnancy(@ForAll("patients") PatientFacts patient) {
        for (Finding finding : allFindings(Fixtures.assess(patient))) {
            for (String sentence : finding.advice().split("(?<=[.!?])\\s+")) {
                if (NSAID.matcher(sentence).find()) {
                    assertThat(sentence).as(finding.ruleId()).containsIgnoringCase("pregnan");
                }
            }
        }
    }

    @Provide
    Arbitrary<PatientFacts> patients() {
        return Patients.valid();
    }

    // ---- 17. Children ----------------------------------------------------------------------------

    @Provide
    Arbitrary<PatientFacts> children() {
        return Patients.children();
    }

    @Property(tries = 1000)
    void children_areOnThePaediatricPathway_withoutAdultPathways(@ForAll("children") PatientFacts patient) {
        Assessment result = Fixtures.assess(patient);

        assertThat(Fixtures.codes(result)).contains("PAEDIATRIC_BACK_PAIN");
        assertThat(Fixtures.firedSpecRules(result)).doesNotContain("RTN-08", "RTN-10", "EXT-01");
        Finding paediatric = Fixtures.finding(result, "DQ-02");
        if (hasPaediatricRedFlag(patient)) {
            assertThat(atLeast(result.highestUrgency(), Urgency.SOON)).as("%s", result.highestUrgency()).isTrue();
            assertThat(result.referrals()).contains(Referral.PAEDIATRICS);
            assertThat(paediatric.urgency()).isEqualTo(Urgency.SOON);
        } else {
            assertThat(paediatric.urgency()).isEqualTo(Urgency.ROUTINE);
            assertThat(paediatric.referrals()).containsExactly(Referral.PRIMARY_CARE);
        }
    }

    /** The paediatric red flags of §9.3. */
    static boolean hasPaediatricRedFlag(PatientFacts child) {
        return child.nightPain() == TriState.YES || child.wakesFromSleep() == TriState.YES
                || child.painPreventsSleep() == TriState.YES
                || child.symptomDurationWeeks() != null && child.symptomDurationWeeks() >= 4.0
                || child.ageYears() < 5;
    }

    // ---- 18. One imaging instruction --------------------------------------------------------------

    /** Answers that lead to a "no imaging at first" finding (RTN-06, RTN-07, RTN-10). */
    static List<Map<FactField, Object>> noImagingAtFirstAnswers() {
        return List.<Map<FactField, Object>>of(
                Map.of(FactField.RADICULAR_LEG_PAIN, RadicularLegPain.UNILATERAL),
                Map.of(FactField.LEG_NUMBNESS_TINGLING, LegNumbness.UNILATERAL),
                Map.of(FactField.SLR_POSITIVE, TriState.YES),
                Map.of(FactField.MOTOR_WEAKNESS, MotorWeakness.MILD_SINGLE_ROOT),
                Map.of(FactField.AGE_YEARS, 66, FactField.NEUROGENIC_CLAUDICATION, TriState.YES),
                Map.of(FactField.AGE_YEARS, 55, FactField.SYMPTOM_DURATION_WEEKS, 20.0,
                        FactField.MORNING_STIFFNESS_MINUTES, 15, FactField.IMPROVES_WITH_EXERCISE, TriState.YES));
    }

    /**
     * Patients with an answer that leads to a "no imaging at first" finding, one time in five with an aortic
     * red flag as well (a finding that does not supersede it, §9.7.3).
     */
    static Arbitrary<PatientFacts> withANoImagingFinding() {
        Arbitrary<Map<FactField, Object>> aortic = Arbitraries.frequency(Tuple.of(8, Map.<FactField, Object>of()),
                Tuple.of(1, Map.<FactField, Object>of(FactField.COLLAPSE_OR_SYNCOPE, TriState.YES)),
                Tuple.of(1, Map.<FactField, Object>of(FactField.PULSATILE_ABDOMINAL_MASS, TriState.YES)));
        return Patients.validWith(Combinators.combine(Arbitraries.of(noImagingAtFirstAnswers()), aortic).as((answer, flag) -> {
            Map<FactField, Object> changes = new EnumMap<>(FactField.class);
            changes.putAll(answer);
            changes.putAll(flag);
            return changes;
        }));
    }

    @Provide
    Arbitrary<PatientFacts> patientsWithANoImagingFinding() {
        return withANoImagingFinding();
    }

    @Property(tries = 1000)
    void noImagingAtFirst_neverStandsBesideAnImagingWorkUp(@ForAll("patientsWithANoImagingFinding") PatientFacts patient) {
        Assessment result = Fixtures.assess(patient);
        List<Finding> noImaging = result.findings().stream()
                .filter(f -> ClinicalTerms.NO_IMAGING_AT_FIRST.contains(f.ruleId())).toList();
        List<Finding> imagingSoonOrHigher = result.findings().stream()
                .filter(f -> ClinicalTerms.isImagingFinding(f) && atLeast(f.urgency(), Urgency.SOON)).toList();

        assertThat(noImaging.isEmpty() || imagingSoonOrHigher.isEmpty())
                .as("%s beside %s", ruleIds(noImaging), ruleIds(imagingSoonOrHigher)).isTrue();
        // §9.7.3: superseded exactly by a presented spinal work-up, which the withheld finding names
        Set<String> workUps = result.findings().stream().filter(ClinicalTerms::isSpinalWorkUp).map(Finding::ruleId)
                .collect(Collectors.toSet());
        assertThat(noImaging.isEmpty() || workUps.isEmpty()).as("%s beside %s", ruleIds(noImaging), workUps).isTrue();
        result.suppressedFindings().stream().filter(f -> ClinicalTerms.NO_IMAGING_AT_FIRST.contains(f.ruleId()))
                .forEach(f -> assertThat(workUps).as(f.ruleId() + " withheld by").contains(f.suppressedBy()));
    }

    /**
     * §9.5.2: every withheld finding names a presented finding that withheld it: for §3.9.3 a most urgent
     * finding of an emergency or urgent result, for supersession a spinal work-up (over "no imaging at
     * first") or a rheumatology referral (over the HLA-B27 test). A presented finding names none.
     */
    @Property(tries = 1000)
    void everyWithheldFinding_namesThePresentedFindingThatWithheldIt(@ForAll("patients") PatientFacts patient) {
        Assessment result = Fixtures.assess(patient);

        assertThat(result.findings()).allSatisfy(f -> assertThat(f.suppressedBy()).as(f.ruleId()).isNull());
        for (Finding withheld : result.suppressedFindings()) {
            Finding by = Fixtures.finding(result, withheld.suppressedBy());
            if (withheld.urgency() == Urgency.SELF_CARE) {
                assertThat(by.urgency()).as("%s withheld by %s", withheld.ruleId(), by.ruleId())
                        .isEqualTo(result.highestUrgency()).isIn(Urgency.EMERGENCY, Urgency.URGENT);
            } else if (withheld.ruleId().equals("RTN-04")) {
                assertThat(by.ruleId()).isIn("RTN-02", "RTN-03");
            } else {
                assertThat(ClinicalTerms.NO_IMAGING_AT_FIRST).contains(withheld.ruleId());
                assertThat(ClinicalTerms.isSpinalWorkUp(by)).as("%s withheld by %s", withheld.ruleId(), by.ruleId()).isTrue();
            }
        }
    }

    // ---- 19. Injury in older people ---------------------------------------------------------------

    @Provide
    Arbitrary<PatientFacts> minorInjuryAt65OrOver() {
        return withAMinorInjuryAt65OrOver();
    }

    /** Patients aged 65 or over after a minor injury. */
    static Arbitrary<PatientFacts> withAMinorInjuryAt65OrOver() {
        Arbitrary<Integer> age = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(65, 66, 70, 71)),
                Tuple.of(3, Arbitraries.integers().between(65, 120)));
        return Patients.validWith(age.map(years -> Map.<FactField, Object>of(FactField.AGE_YEARS, years, FactField.TRAUMA, Trauma.MINOR)));
    }

    @Property(tries = 1000)
    void minorInjuryAt65OrOver_isAtLeastUrgent(@ForAll("minorInjuryAt65OrOver") PatientFacts patient) {
        Assessment result = Fixtures.assess(patient);

        assertThat(atLeast(result.highestUrgency(), Urgency.URGENT)).as("%s", result.highestUrgency()).isTrue();
        assertThat(Fixtures.presentedRules(result)).containsAnyOf("URG-05", "EMR-06");
    }

    // ---- 20. Leg symptoms need the CES questions --------------------------------------------------

    @Provide
    Arbitrary<PatientFacts> legNeurologyWithACesQuestionUnanswered() {
        return withLegNeurologyAndACesQuestionUnanswered();
    }

    /** Patients with leg neurology and at least one of the five core cauda equina questions unanswered. */
    static Arbitrary<PatientFacts> withLegNeurologyAndACesQuestionUnanswered() {
        Arbitrary<Map<FactField, Object>> neurology = Arbitraries.of(legNeurologyAnswers());
        Arbitrary<List<FactField>> unanswered = Arbitraries.of(ClinicalTerms.CES_CORE_FIELDS).set().ofMinSize(1)
                .map(List::copyOf);
        return Patients.validWith(Combinators.combine(neurology, unanswered).as((legs, fields) -> {
            Map<FactField, Object> changes = new EnumMap<>(FactField.class);
            changes.putAll(legs);
            fields.forEach(field -> changes.put(field, TriState.UNKNOWN));
            return changes;
        }));
    }

    @Property(tries = 1000)
    void legNeurologyWithACesQuestionUnanswered_isUrgentAndScreeningIncomplete(
            @ForAll("legNeurologyWithACesQuestionUnanswered") PatientFacts patient) {
        Assessment result = Fixtures.assess(patient);

        assertThat(atLeast(result.highestUrgency(), Urgency.URGENT)).as("%s", result.highestUrgency()).isTrue();
        assertThat(result.screeningComplete()).isFalse();
        if (result.highestUrgency() != Urgency.EMERGENCY) {
            List<String> unanswered = ClinicalTerms.CES_CORE_FIELDS.stream().filter(f -> f.isUnknown(patient))
                    .map(FactField::fieldName).toList();
            assertThat(Fixtures.finding(result, "DQ-04").inputsMissing()).containsExactlyInAnyOrderElementsOf(unanswered);
        }
    }

    /** §9.5.4 and §9.7.2: screening is complete exactly when no core answer is missing and DQ-04's condition fails. */
    @Property(tries = 1000)
    void screeningComplete_isAStatementAboutTheFacts(@ForAll("patients") PatientFacts patient) {
        boolean cesUnanswered = ClinicalTerms.CES_CORE_FIELDS.stream().anyMatch(f -> f.isUnknown(patient));
        boolean complete = ClinicalTerms.missingCoreFields(patient).isEmpty()
                && !(ClinicalTerms.hasLegNeurology(patient) && cesUnanswered);

        assertThat(Fixtures.assess(patient).screeningComplete()).isEqualTo(complete);
    }

    // ---- 21. Transparency ------------------------------------------------------------------------

    @Property(tries = 1000)
    void everyAnswerGiven_isCitedOrListedAsNotUsed(@ForAll("patients") PatientFacts patient) {
        Assessment result = Fixtures.assess(patient);
        Map<String, Object> cited = new LinkedHashMap<>();
        allFindings(result).forEach(f -> cited.putAll(f.inputsUsed()));
        Map<String, Object> notCited = new LinkedHashMap<>();
        for (FactField field : reportedAnswers(patient)) {
            if (!cited.containsKey(field.fieldName())) {
                notCited.put(field.fieldName(), field.read(patient));
            }
        }

        assertThat(result.answersNotUsed()).isEqualTo(notCited);
    }

    /**
     * The answers §9.5.5 and §9.6.21 speak of: every yes/no answer YES except the sleep and mattress answers,
     * and every reported enum whose value is not NONE or UNKNOWN.
     */
    static List<FactField> reportedAnswers(PatientFacts patient) {
        List<FactField> answers = new ArrayList<>();
        for (FactField field : FactField.ALL) {
            Object value = field.read(patient);
            if (field.kind() == FactField.Kind.TRI_STATE && value == TriState.YES
                    && !ClinicalTerms.SLEEP_FIELDS.contains(field)
                    || ClinicalTerms.REPORTED_ENUMS.contains(field) && !"NONE".equals(String.valueOf(value))
                    && !"UNKNOWN".equals(String.valueOf(value))) {
                answers.add(field);
            }
        }
        return answers;
    }

    /** True when {@code urgency} is {@code floor} or more urgent. */
    static boolean atLeast(Urgency urgency, Urgency floor) {
        return urgency != null && !floor.isMoreUrgentThan(urgency);
    }
}
