package org.nightpain.cds.rules;

import static org.nightpain.cds.rules.RuleCase.fires;
import static org.nightpain.cds.rules.RuleCase.silent;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.Progression;
import org.nightpain.cds.RadicularLegPain;
import org.nightpain.cds.TriState;

/** RTN-08 to RTN-11 and SC-01 to SC-03 (benign-mechanical.drl). */
class BenignMechanicalRulesTest {

    /** 40 or over, 6 weeks, 30 minutes of morning stiffness, better with exercise, stable. */
    private static final UnaryOperator<PatientFacts.Builder> DEGENERATIVE = b -> b.ageYears(40)
            .symptomDurationWeeks(6.0).morningStiffnessMinutes(30).improvesWithExercise(TriState.YES);

    static Stream<RuleCase> cases() {
        return Stream.of(
                fires("RTN-10", "degenerative pattern at the boundaries", DEGENERATIVE::apply),
                fires("RTN-10", "one minute of stiffness, improving", b -> DEGENERATIVE.apply(b).morningStiffnessMinutes(1)
                        .progression(Progression.IMPROVING)),
                silent("RTN-10", "age 39", b -> DEGENERATIVE.apply(b).ageYears(39)),
                silent("RTN-10", "5.9 weeks", b -> DEGENERATIVE.apply(b).symptomDurationWeeks(5.9)),
                silent("RTN-10", "31 minutes of stiffness", b -> DEGENERATIVE.apply(b).morningStiffnessMinutes(31)),
                silent("RTN-10", "no stiffness", b -> DEGENERATIVE.apply(b).morningStiffnessMinutes(0)),
                silent("RTN-10", "stiffness not given", b -> DEGENERATIVE.apply(b).morningStiffnessMinutes(null)),
                silent("RTN-10", "response to exercise unknown", b -> DEGENERATIVE.apply(b)
                        .improvesWithExercise(TriState.UNKNOWN)),
                silent("RTN-10", "worsening", b -> DEGENERATIVE.apply(b).progression(Progression.WORSENING)),
                silent("RTN-10", "with a radicular finding", b -> DEGENERATIVE.apply(b)
                        .radicularLegPain(RadicularLegPain.UNILATERAL)),

                fires("RTN-09", "woken by pain not relieved by turning", b -> b.wakesFromSleep(TriState.YES)
                        .nightPainUnrelievedByPositionChange(TriState.YES)),
                fires("RTN-09", "woken by pain, relief by turning unknown (§8.1.1)", b -> b.wakesFromSleep(TriState.YES)
                        .nightPainUnrelievedByPositionChange(TriState.UNKNOWN)),
                silent("RTN-09", "woken by pain that eases on turning", b -> b.wakesFromSleep(TriState.YES)
                        .nightPainUnrelievedByPositionChange(TriState.NO)),
                silent("RTN-09", "waking unknown", b -> b.wakesFromSleep(TriState.UNKNOWN)
                        .nightPainUnrelievedByPositionChange(TriState.YES)),
                silent("RTN-09", "with a finding of SOON or higher", b -> b.wakesFromSleep(TriState.YES)
                        .nightPainUnrelievedByPositionChange(TriState.YES).ageYears(55)),
                silent("RTN-09", "with an inflammatory finding", b -> b.wakesFromSleep(TriState.YES)
                        .nightPainUnrelievedByPositionChange(TriState.YES).ageYears(30).symptomDurationWeeks(26.0)
                        .wakesSecondHalfOfNight(TriState.YES).buttockPain(TriState.YES)),

                fires("RTN-11", "worsening at 5.9 weeks", b -> b.progression(Progression.WORSENING).symptomDurationWeeks(5.9)),
                silent("RTN-11", "worsening at 6 weeks is RTN-08", b -> b.progression(Progression.WORSENING)
                        .symptomDurationWeeks(6.0)),
                silent("RTN-11", "worsening, duration unknown", b -> b.progression(Progression.WORSENING)
                        .symptomDurationWeeks(null)),
                silent("RTN-11", "worsening with a specific finding", b -> b.progression(Progression.WORSENING)
                        .slrPositive(TriState.YES)),

                fires("RTN-08", "stable pain for 6 weeks", b -> b.symptomDurationWeeks(6.0)),
                fires("RTN-08", "worsening pain for 8 weeks", b -> b.symptomDurationWeeks(8.0)
                        .progression(Progression.WORSENING)),
                fires("RTN-08", "progression unknown", b -> b.symptomDurationWeeks(8.0).progression(Progression.UNKNOWN)),
                silent("RTN-08", "5.9 weeks", b -> b.symptomDurationWeeks(5.9)),
                silent("RTN-08", "improving", b -> b.symptomDurationWeeks(8.0).progression(Progression.IMPROVING)),
                silent("RTN-08", "with a specific finding", b -> b.symptomDurationWeeks(8.0)
                        .radicularLegPain(RadicularLegPain.UNILATERAL)),

                fires("SC-01", "recent pain, every red flag answered no", b -> b),
                fires("SC-01", "long-standing but improving pain", b -> b.symptomDurationWeeks(20.0)
                        .progression(Progression.IMPROVING)),
                fires("SC-01", "next to STarT Back high risk", b -> b.startBackTotal(6).startBackPsychosocial(4)),
                silent("SC-01", "a core question unanswered", b -> b.historyOfCancer(TriState.UNKNOWN)),
                silent("SC-01", "worsening", b -> b.progression(Progression.WORSENING)),
                silent("SC-01", "stable pain for 6 weeks", b -> b.symptomDurationWeeks(6.0)),
                silent("SC-01", "with a routine finding", b -> b.slrPositive(TriState.YES)),
                silent("SC-01", "under 16", b -> b.ageYears(15)),

                fires("SC-02", "after lifting", b -> b.triggerOveruseOrLifting(TriState.YES)),
                silent("SC-02", "trigger unknown", b -> b.triggerOveruseOrLifting(TriState.UNKNOWN)),
                silent("SC-02", "after lifting but not self-care", b -> b.triggerOveruseOrLifting(TriState.YES)
                        .symptomDurationWeeks(8.0)),

                fires("SC-03", "30 minutes of morning stiffness", b -> b.morningStiffnessMinutes(30)),
                fires("SC-03", "one minute of morning stiffness", b -> b.morningStiffnessMinutes(1)),
                silent("SC-03", "31 minutes of morning stiffness", b -> b.morningStiffnessMinutes(31)),
                silent("SC-03", "no morning stiffness", b -> b.morningStiffnessMinutes(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(RuleCase ruleCase) {
        ruleCase.check();
    }
}
