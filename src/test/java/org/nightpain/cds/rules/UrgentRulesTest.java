package org.nightpain.cds.rules;

import static org.nightpain.cds.rules.RuleCase.fires;
import static org.nightpain.cds.rules.RuleCase.silent;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightpain.cds.MotorWeakness;
import org.nightpain.cds.Progression;
import org.nightpain.cds.TriState;

/** URG-01 to URG-03 (urgent.drl). */
class UrgentRulesTest {

    static Stream<RuleCase> cases() {
        return Stream.of(
                fires("URG-01", "measured fever alone", b -> b.temperatureC(38.0)),
                fires("URG-01", "reported fever alone", b -> b.feverOrRigorsReported(TriState.YES)),
                fires("URG-01", "fever with the risk factors unknown", b -> b.feverOrRigorsReported(TriState.YES)
                        .ivDrugUse(TriState.UNKNOWN)),
                silent("URG-01", "temperature 37.9", b -> b.temperatureC(37.9)),
                silent("URG-01", "fever unknown", b -> b.feverOrRigorsReported(TriState.UNKNOWN)),
                silent("URG-01", "fever with a risk factor is EMR-04", b -> b.temperatureC(38.5)
                        .ivDrugUse(TriState.YES)),

                fires("URG-02", "cancer history with thoracic pain", b -> b.historyOfCancer(TriState.YES)
                        .symptomDurationWeeks(20.0).thoracicPain(TriState.YES)),
                fires("URG-02", "cancer history with worsening pain", b -> b.historyOfCancer(TriState.YES)
                        .symptomDurationWeeks(20.0).progression(Progression.WORSENING)),
                fires("URG-02", "cancer history with severe unremitting pain", b -> b.historyOfCancer(TriState.YES)
                        .symptomDurationWeeks(20.0).severeUnremittingPain(TriState.YES)),
                fires("URG-02", "cancer history with pain on straining", b -> b.historyOfCancer(TriState.YES)
                        .symptomDurationWeeks(20.0).painAggravatedByStraining(TriState.YES)),
                fires("URG-02", "cancer history with localised tenderness", b -> b.historyOfCancer(TriState.YES)
                        .symptomDurationWeeks(20.0).localisedSpinalTenderness(TriState.YES)),
                fires("URG-02", "cancer history with night pain preventing sleep", b -> b.historyOfCancer(TriState.YES)
                        .symptomDurationWeeks(20.0).painPreventsSleep(TriState.YES)),
                fires("URG-02", "cancer history with new-onset pain", b -> b.historyOfCancer(TriState.YES)
                        .symptomDurationWeeks(12.0)),
                silent("URG-02", "cancer history with long-standing stable pain", b -> b.historyOfCancer(TriState.YES)
                        .symptomDurationWeeks(13.0)),
                silent("URG-02", "cancer history with duration unknown (§8.1.4)", b -> b.historyOfCancer(TriState.YES)
                        .symptomDurationWeeks(null)),
                silent("URG-02", "thoracic pain, cancer history unknown", b -> b.historyOfCancer(TriState.UNKNOWN)
                        .thoracicPain(TriState.YES)),

                fires("URG-03", "foot drop that is not progressive", b -> b.motorWeakness(MotorWeakness.MAJOR_SINGLE_ROOT)),
                fires("URG-03", "foot drop, progression unknown", b -> b.motorWeakness(MotorWeakness.MAJOR_SINGLE_ROOT)
                        .weaknessProgressive(TriState.UNKNOWN)),
                silent("URG-03", "progressive foot drop is EMR-03", b -> b.motorWeakness(MotorWeakness.MAJOR_SINGLE_ROOT)
                        .weaknessProgressive(TriState.YES)),
                silent("URG-03", "mild weakness", b -> b.motorWeakness(MotorWeakness.MILD_SINGLE_ROOT)),
                silent("URG-03", "weakness unknown", b -> b.motorWeakness(MotorWeakness.UNKNOWN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(RuleCase ruleCase) {
        ruleCase.check();
    }
}
