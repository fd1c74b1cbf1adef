package org.nightpain.cds.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterProperty;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.SleepPosition;
import org.nightpain.cds.TriState;
import org.nightpain.cds.Urgency;

/**
 * The generators behind the properties of knowledge base 2.0 ({@link SafetyInvariants2Test} and the
 * additions to {@link MonotonicityTest}) reach the cases that make those properties worth running: the
 * tempting patients on which a faulty rule base would break the invariant, and both outcomes of each rule
 * the invariant is about. A property that only ever sees patients who pass trivially (every one an
 * emergency, say) proves nothing. Each generator is drawn 1,000 times with a fixed seed, so the check
 * cannot flicker, and each scenario must occur at least {@value #AT_LEAST} times.
 */
class TargetedGeneratorsTest {
    static final int AT_LEAST = 5;

    private final Map<String, Integer> seen = new TreeMap<>();
    private List<String> required = List.of();

    private void count(boolean happened, String scenario) {
        seen.merge(scenario, happened ? 1 : 0, Integer::sum);
    }

    private void require(String... scenarios) {
        required = List.of(scenarios);
    }

    @AfterProperty
    void everyScenarioWasReached() {
        for (String scenario : required) {
            assertThat(seen.getOrDefault(scenario, 0)).as("patients drawn for: %s (all: %s)", scenario, seen)
                    .isGreaterThanOrEqualTo(AT_LEAST);
        }
    }

    private static Set<String> presented(Assessment result) {
        return Fixtures.presentedRules(result);
    }

    // ---- invariant 14 ----------------------------------------------------------------------------

    @Provide
    Arbitrary<PatientFacts> reassuranceBlockers() {
        return SafetyInvariants2Test.withAFeatureThatBlocksReassurance();
    }

    @Property(tries = 1000, seed = "1409", shrinking = ShrinkingMode.OFF)
    void noReassurance_reachesEveryLevelAndEveryNewRule(@ForAll("reassuranceBlockers") PatientFacts patient) {
        require("routine result", "soon result", "urgent result", "emergency result", "RTN-12 alone",
                "SOON-05", "EMR-07", "EMR-08", "URG-06 for a mass", "RTN-06 for numbness in one leg",
                "a raised CRP explained by inflammatory back pain");
        Assessment result = Fixtures.assess(patient);
        Set<String> rules = presented(result);
        count(result.highestUrgency() == Urgency.ROUTINE, "routine result");
        count(result.highestUrgency() == Urgency.SOON, "soon result");
        count(result.highestUrgency() == Urgency.URGENT, "urgent result");
        count(result.highestUrgency() == Urgency.EMERGENCY, "emergency result");
        count(rules.contains("RTN-12") && result.highestUrgency() == Urgency.ROUTINE, "RTN-12 alone");
        count(rules.contains("SOON-05"), "SOON-05");
        count(rules.contains("EMR-07"), "EMR-07");
        count(rules.contains("EMR-08"), "EMR-08");
        count(rules.contains("URG-06") && patient.pulsatileAbdominalMass() == TriState.YES, "URG-06 for a mass");
        count(rules.contains("RTN-06") && patient.legNumbnessTingling().name().equals("UNILATERAL"),
                "RTN-06 for numbness in one leg");
        count(patient.crpElevated() == TriState.YES && (rules.contains("RTN-02") || rules.contains("RTN-03"))
                && patient.ageYears() != null && patient.ageYears() < 50, "a raised CRP explained by inflammatory back pain");
    }

    @Provide
    Arbitrary<PatientFacts> of50OrOver() {
        return SafetyInvariants2Test.of50OrOverWithASeriousFeature();
    }

    @Property(tries = 1000, seed = "1450", shrinking = ShrinkingMode.OFF)
    void seriousFeatureAt50_reachesSoonFromTheAgeArm(@ForAll("of50OrOver") PatientFacts patient) {
        require("SOON exactly, from SOON-05", "a cancer history, SOON-05 silent", "age 50 exactly");
        Assessment result = Fixtures.assess(patient);
        count(result.highestUrgency() == Urgency.SOON && presented(result).contains("SOON-05"), "SOON exactly, from SOON-05");
        count(patient.historyOfCancer() == TriState.YES && !presented(result).contains("SOON-05"),
                "a cancer history, SOON-05 silent");
        count(patient.ageYears() == 50, "age 50 exactly");
    }

    // ---- invariant 16 ----------------------------------------------------------------------------

    @Provide
    Arbitrary<PatientFacts> pregnant() {
        return Patients.pregnant();
    }

    @Property(tries = 1000, seed = "1628", shrinking = ShrinkingMode.OFF)
    void pregnancy_reachesEveryNsaidAdviceAndEverySleepCase(@ForAll("pregnant") PatientFacts patient) {
        require("weeks not given", "below 28 weeks", "28 weeks or more", "27 weeks", "28 weeks",
                "back sleeper without a knee pillow from 28 weeks", "stomach sleeper from 28 weeks",
                "SLP-01 before 28 weeks", "SLP-03 before 28 weeks",
                "RTN-06 presented", "RTN-08 presented", "RTN-10 presented", "RTN-02 presented", "ROUTINE from PREG-01 alone");
        Assessment result = Fixtures.assess(patient);
        Integer weeks = patient.gestationWeeks();
        boolean late = weeks == null || weeks >= 28;
        count(weeks == null, "weeks not given");
        count(weeks != null && weeks < 28, "below 28 weeks");
        count(weeks != null && weeks >= 28, "28 weeks or more");
        count(weeks != null && weeks == 27, "27 weeks");
        count(weeks != null && weeks == 28, "28 weeks");
        count(late && patient.sleepPosition() == SleepPosition.BACK && patient.pillowUnderKnees() != TriState.YES,
                "back sleeper without a knee pillow from 28 weeks");
        count(late && patient.sleepPosition() == SleepPosition.STOMACH, "stomach sleeper from 28 weeks");
        count(Fixtures.firedRules(result).contains("SLP-01"), "SLP-01 before 28 weeks");
        count(Fixtures.firedRules(result).contains("SLP-03"), "SLP-03 before 28 weeks");
        for (String rule : List.of("RTN-06", "RTN-08", "RTN-10", "RTN-02")) {
            count(presented(result).contains(rule), rule + " presented");
        }
        count(result.highestUrgency() == Urgency.ROUTINE && presented(result).stream()
                .noneMatch(r -> !r.equals("PREG-01") && Fixtures.finding(result, r).urgency() == Urgency.ROUTINE),
                "ROUTINE from PREG-01 alone");
    }

    // ---- invariant 17 ----------------------------------------------------------------------------

    @Provide
    Arbitrary<PatientFacts> children() {
        return Patients.children();
    }

    @Property(tries = 1000, seed = "1716", shrinking = ShrinkingMode.OFF)
    void children_reachBothOutcomesAndTheAdultPathwaysTemptations(@ForAll("children") PatientFacts patient) {
        require("routine child", "soon child", "age below 5", "age 15", "a STarT Back score given",
                "six weeks or more not improving", "an emergency in a child", "a paediatric red flag and night pain only");
        Assessment result = Fixtures.assess(patient);
        Urgency paediatric = Fixtures.finding(result, "DQ-02").urgency();
        count(paediatric == Urgency.ROUTINE, "routine child");
        count(paediatric == Urgency.SOON, "soon child");
        count(patient.ageYears() < 5, "age below 5");
        count(patient.ageYears() == 15, "age 15");
        count(patient.startBackTotal() != null && patient.startBackPsychosocial() != null, "a STarT Back score given");
        count(patient.symptomDurationWeeks() != null && patient.symptomDurationWeeks() >= 6
                && patient.progression().name().matches("STABLE|WORSENING"), "six weeks or more not improving");
        count(result.highestUrgency() == Urgency.EMERGENCY, "an emergency in a child");
        count(patient.nightPain() == TriState.YES && patient.ageYears() >= 5 && patient.wakesFromSleep() != TriState.YES
                && patient.painPreventsSleep() != TriState.YES
                && (patient.symptomDurationWeeks() == null || patient.symptomDurationWeeks() < 4),
                "a paediatric red flag and night pain only");
    }

    // ---- invariant 18 ----------------------------------------------------------------------------

    @Provide
    Arbitrary<PatientFacts> noImaging() {
        return SafetyInvariants2Test.withANoImagingFinding();
    }

    @Property(tries = 1000, seed = "1806", shrinking = ShrinkingMode.OFF)
    void noImagingAtFirst_isBothPresentedAndSuperseded(@ForAll("noImaging") PatientFacts patient) {
        // RTN-10 is never withheld: it fires only without any specific finding, red flags included.
        require("RTN-06 presented", "RTN-07 presented", "RTN-10 presented", "RTN-06 withheld", "RTN-07 withheld",
                "beside an aortic finding");
        Assessment result = Fixtures.assess(patient);
        Set<String> withheld = ClinicalTerms.ruleIds(result.suppressedFindings());
        for (String rule : List.of("RTN-06", "RTN-07", "RTN-10")) {
            count(presented(result).contains(rule), rule + " presented");
            count(withheld.contains(rule), rule + " withheld");
        }
        count(presented(result).stream().anyMatch(ClinicalTerms.NO_IMAGING_AT_FIRST::contains)
                && presented(result).stream().anyMatch(r -> r.matches("EMR-07|EMR-08|URG-06")), "beside an aortic finding");
    }

    // ---- invariant 19 ----------------------------------------------------------------------------

    @Provide
    Arbitrary<PatientFacts> minorInjury() {
        return SafetyInvariants2Test.withAMinorInjuryAt65OrOver();
    }

    @Property(tries = 1000, seed = "1965", shrinking = ShrinkingMode.OFF)
    void minorInjury_reachesBothInjuryRules(@ForAll("minorInjury") PatientFacts patient) {
        require("URG-05", "EMR-06", "urgent exactly", "age 65");
        Assessment result = Fixtures.assess(patient);
        count(presented(result).contains("URG-05"), "URG-05");
        count(presented(result).contains("EMR-06"), "EMR-06");
        count(result.highestUrgency() == Urgency.URGENT, "urgent exactly");
        count(patient.ageYears() == 65, "age 65");
    }

    // ---- invariant 20 and screeningComplete ------------------------------------------------------

    @Provide
    Arbitrary<PatientFacts> cesUnanswered() {
        return SafetyInvariants2Test.withLegNeurologyAndACesQuestionUnanswered();
    }

    @Property(tries = 1000, seed = "2005", shrinking = ShrinkingMode.OFF)
    void cesUnanswered_reachesDq04AndEmergencies(@ForAll("cesUnanswered") PatientFacts patient) {
        require("DQ-04 presented, urgent exactly", "emergency, DQ-04 not presented", "one CES question unanswered",
                "all five unanswered");
        Assessment result = Fixtures.assess(patient);
        long unanswered = ClinicalTerms.CES_CORE_FIELDS.stream().filter(f -> f.isUnknown(patient)).count();
        count(presented(result).contains("DQ-04") && result.highestUrgency() == Urgency.URGENT,
                "DQ-04 presented, urgent exactly");
        count(result.highestUrgency() == Urgency.EMERGENCY && !presented(result).contains("DQ-04"),
                "emergency, DQ-04 not presented");
        count(unanswered == 1, "one CES question unanswered");
        count(unanswered == 5, "all five unanswered");
    }

    // ---- monotonicity (§9.6) --------------------------------------------------------------------

    @Provide
    Arbitrary<RedFlagAnswer.Pair> kb2Pairs() {
        return RedFlagAnswer.pairs(RedFlagAnswer.ofKnowledgeBase2());
    }

    @Property(tries = 2000, seed = "106", shrinking = ShrinkingMode.OFF)
    void kb2RedFlagPairs_raiseTheUrgencyForEveryKindOfAnswer(@ForAll("kb2Pairs") RedFlagAnswer.Pair pair) {
        List<String> kinds = RedFlagAnswer.ofKnowledgeBase2().stream().map(RedFlagAnswer::name).toList();
        require(kinds.stream().map(kind -> kind + " raises the urgency").toArray(String[]::new));
        String kind = pair.change().substring(0, pair.change().indexOf(" ("));
        Urgency before = Fixtures.assess(pair.before()).highestUrgency();
        Urgency after = Fixtures.assess(pair.after()).highestUrgency();
        count(after.isMoreUrgentThan(before), kind + " raises the urgency");
    }

    @Provide
    Arbitrary<RedFlagAnswer.Pair> cesPairs() {
        return RedFlagAnswer.pairs(RedFlagAnswer.cesFromUnknownWithLegNeurology());
    }

    @Property(tries = 1000, seed = "107", shrinking = ShrinkingMode.OFF)
    void cesPairs_startFromDq04(@ForAll("cesPairs") RedFlagAnswer.Pair pair) {
        require("urgent from DQ-04 before", "a question that DQ-04 does not ask (rectal sensation, sexual function)");
        Assessment before = Fixtures.assess(pair.before());
        count(before.highestUrgency() == Urgency.URGENT && presented(before).contains("DQ-04"), "urgent from DQ-04 before");
        count(pair.change().startsWith("rectalSensationLoss") || pair.change().startsWith("sexualDysfunctionNew"),
                "a question that DQ-04 does not ask (rectal sensation, sexual function)");
    }

    @Provide
    Arbitrary<PatientFacts> patients() {
        return Patients.valid();
    }

    @Property(tries = 1000, seed = "2021", shrinking = ShrinkingMode.OFF)
    void validPatients_reachScreeningAndTransparencyCases(@ForAll("patients") PatientFacts patient) {
        require("screening complete", "screening incomplete with DQ-04 presented",
                "screening incomplete under an emergency", "an answer not used", "every answer used",
                "a YES cited only by a withheld finding", "self-care advice withheld", "no imaging at first withheld");
        Assessment result = Fixtures.assess(patient);
        count(result.screeningComplete(), "screening complete");
        count(!result.screeningComplete() && presented(result).contains("DQ-04"),
                "screening incomplete with DQ-04 presented");
        count(!result.screeningComplete() && result.highestUrgency() == Urgency.EMERGENCY,
                "screening incomplete under an emergency");
        count(!result.answersNotUsed().isEmpty(), "an answer not used");
        count(result.answersNotUsed().isEmpty() && !SafetyInvariants2Test.reportedAnswers(patient).isEmpty(),
                "every answer used");
        count(result.suppressedFindings().stream().anyMatch(f -> f.urgency() == Urgency.SELF_CARE), "self-care advice withheld");
        count(result.suppressedFindings().stream().anyMatch(f -> ClinicalTerms.NO_IMAGING_AT_FIRST.contains(f.ruleId())),
                "no imaging at first withheld");
        Set<String> citedPresented = new HashSet<>();
        result.findings().forEach(f -> citedPresented.addAll(f.inputsUsed().keySet()));
        count(result.suppressedFindings().stream().flatMap(f -> f.inputsUsed().entrySet().stream())
                .anyMatch(e -> e.getValue() == TriState.YES && !citedPresented.contains(e.getKey())),
                "a YES cited only by a withheld finding");
    }
}
