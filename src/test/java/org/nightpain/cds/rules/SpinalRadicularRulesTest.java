package org.nightpain.cds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nightpain.cds.rules.RuleCase.fires;
import static org.nightpain.cds.rules.RuleCase.silent;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Finding;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.MotorWeakness;
import org.nightpain.cds.Progression;
import org.nightpain.cds.RadicularLegPain;
import org.nightpain.cds.Referral;
import org.nightpain.cds.TriState;

/** RTN-06, RTN-06b, RTN-07 and RTN-07b (spinal-radicular.drl). */
class SpinalRadicularRulesTest {

    static Stream<RuleCase> cases() {
        return Stream.of(
                fires("RTN-06", "pain down one leg", b -> b.radicularLegPain(RadicularLegPain.UNILATERAL)),
                fires("RTN-06", "positive straight-leg raise", b -> b.slrPositive(TriState.YES)),
                fires("RTN-06", "positive crossed straight-leg raise", b -> b.crossedSlrPositive(TriState.YES)),
                fires("RTN-06", "mild single-root weakness", b -> b.motorWeakness(MotorWeakness.MILD_SINGLE_ROOT)),
                silent("RTN-06", "no leg pain, tests not done", b -> b.slrPositive(TriState.UNKNOWN)
                        .crossedSlrPositive(TriState.UNKNOWN)),
                silent("RTN-06", "leg pain unknown", b -> b.radicularLegPain(RadicularLegPain.UNKNOWN)),

                fires("RTN-06b", "radicular pain for 6 weeks, stable", b -> b.radicularLegPain(RadicularLegPain.UNILATERAL)
                        .symptomDurationWeeks(6.0)),
                fires("RTN-06b", "radicular pain for 10 weeks, worsening", b -> b.slrPositive(TriState.YES)
                        .symptomDurationWeeks(10.0).progression(Progression.WORSENING)),
                silent("RTN-06b", "radicular pain for 5.9 weeks", b -> b.radicularLegPain(RadicularLegPain.UNILATERAL)
                        .symptomDurationWeeks(5.9)),
                silent("RTN-06b", "radicular pain for 10 weeks, improving", b -> b.radicularLegPain(RadicularLegPain.UNILATERAL)
                        .symptomDurationWeeks(10.0).progression(Progression.IMPROVING)),
                silent("RTN-06b", "10 weeks, no radicular feature", b -> b.symptomDurationWeeks(10.0)),
                // §8.1.1 and §8.1.6: "progression ≠ IMPROVING" is met by an unknown progression
                fires("RTN-06b", "radicular pain for 6 weeks, progression unknown (§8.1.6)", b -> b
                        .radicularLegPain(RadicularLegPain.UNILATERAL).symptomDurationWeeks(6.0)
                        .progression(Progression.UNKNOWN)),
                fires("RTN-06b", "positive straight-leg raise for 30 weeks, progression unknown (§8.1.6)", b -> b
                        .slrPositive(TriState.YES).symptomDurationWeeks(30.0).progression(Progression.UNKNOWN)),
                silent("RTN-06b", "radicular pain for 5.9 weeks, progression unknown", b -> b
                        .radicularLegPain(RadicularLegPain.UNILATERAL).symptomDurationWeeks(5.9)
                        .progression(Progression.UNKNOWN)),
                silent("RTN-06b", "radicular pain, duration and progression unknown", b -> b
                        .radicularLegPain(RadicularLegPain.UNILATERAL).symptomDurationWeeks(null)
                        .progression(Progression.UNKNOWN)),

                fires("RTN-07", "claudication at 50 easing on sitting", b -> b.ageYears(50)
                        .neurogenicClaudication(TriState.YES).reliefSittingOrFlexion(TriState.YES)),
                fires("RTN-07", "claudication at 60, relief unknown (§8.1.1)", b -> b.ageYears(60)
                        .neurogenicClaudication(TriState.YES).reliefSittingOrFlexion(TriState.UNKNOWN)),
                silent("RTN-07", "claudication at 49", b -> b.ageYears(49).neurogenicClaudication(TriState.YES)
                        .reliefSittingOrFlexion(TriState.YES)),
                silent("RTN-07", "claudication that does not ease on sitting", b -> b.ageYears(60)
                        .neurogenicClaudication(TriState.YES).reliefSittingOrFlexion(TriState.NO)),
                silent("RTN-07", "claudication unknown", b -> b.ageYears(60)
                        .neurogenicClaudication(TriState.UNKNOWN).reliefSittingOrFlexion(TriState.YES)),

                fires("RTN-07b", "stenosis for 6 weeks", b -> b.ageYears(60).neurogenicClaudication(TriState.YES)
                        .symptomDurationWeeks(6.0)),
                silent("RTN-07b", "stenosis for 5.9 weeks", b -> b.ageYears(60).neurogenicClaudication(TriState.YES)
                        .symptomDurationWeeks(5.9)),
                silent("RTN-07b", "stenosis improving", b -> b.ageYears(60).neurogenicClaudication(TriState.YES)
                        .symptomDurationWeeks(20.0).progression(Progression.IMPROVING)),
                fires("RTN-07b", "stenosis for 20 weeks, worsening", b -> b.ageYears(60)
                        .neurogenicClaudication(TriState.YES).symptomDurationWeeks(20.0)
                        .progression(Progression.WORSENING)),
                // §8.1.6: RTN-07b's "not improving" is progression ≠ IMPROVING, so UNKNOWN meets it
                fires("RTN-07b", "stenosis for 6 weeks, progression unknown (§8.1.6)", b -> b.ageYears(60)
                        .neurogenicClaudication(TriState.YES).symptomDurationWeeks(6.0)
                        .progression(Progression.UNKNOWN)),
                fires("RTN-07b", "stenosis at 50 for 52 weeks, relief and progression unknown (§8.1.6)", b -> b
                        .ageYears(50).neurogenicClaudication(TriState.YES).reliefSittingOrFlexion(TriState.UNKNOWN)
                        .symptomDurationWeeks(52.0).progression(Progression.UNKNOWN)),
                silent("RTN-07b", "stenosis for 5.9 weeks, progression unknown", b -> b.ageYears(60)
                        .neurogenicClaudication(TriState.YES).symptomDurationWeeks(5.9)
                        .progression(Progression.UNKNOWN)),
                silent("RTN-07b", "stenosis, duration and progression unknown", b -> b.ageYears(60)
                        .neurogenicClaudication(TriState.YES).symptomDurationWeeks(null)
                        .progression(Progression.UNKNOWN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(RuleCase ruleCase) {
        ruleCase.check();
    }

    /** A persistent finding fired by an unknown progression says so: the clinician sees what was not known. */
    @Test
    void persistentFindings_withProgressionUnknown_citeItAndListItAsMissing() {
        Assessment radicular = Fixtures.assess(Fixtures.baseline().radicularLegPain(RadicularLegPain.UNILATERAL)
                .symptomDurationWeeks(8.0).progression(Progression.UNKNOWN));
        Assessment stenosis = Fixtures.assess(Fixtures.baseline().ageYears(65).neurogenicClaudication(TriState.YES)
                .symptomDurationWeeks(8.0).progression(Progression.UNKNOWN));

        for (Finding finding : List.of(Fixtures.finding(radicular, "RTN-06b"), Fixtures.finding(stenosis, "RTN-07b"))) {
            assertThat(finding.inputsUsed()).as(finding.ruleId())
                    .containsEntry("symptomDurationWeeks", 8.0)
                    .containsEntry("progression", Progression.UNKNOWN);
            assertThat(finding.inputsMissing()).as(finding.ruleId()).contains("progression");
            assertThat(finding.referrals()).as(finding.ruleId()).containsExactly(Referral.ORTHOPEDICS_SPINE);
        }
    }
}
