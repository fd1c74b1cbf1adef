package org.nightpain.cds.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Finding;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.MattressFirmness;
import org.nightpain.cds.Referral;
import org.nightpain.cds.SleepPosition;
import org.nightpain.cds.TriState;
import org.nightpain.cds.Urgency;

/** AGG-01 (aggregation.drl) and the aggregation of clinical-knowledge §3.9. */
class AggregationTest {

    private static final org.nightpain.cds.PatientFacts.Builder ADVICE = Fixtures.baseline()
            .sleepPosition(SleepPosition.SIDE).pillowBetweenKnees(TriState.NO)
            .mattressFirmness(MattressFirmness.FIRM).painLyingInBedOrOnRising(TriState.YES)
            .startBackTotal(2).startBackPsychosocial(1);

    @Test
    void urgentResult_withholdsEverySelfCareFinding_andKeepsThemAsSuppressed() {
        Assessment result = Fixtures.assess(ADVICE.build().toBuilder().temperatureC(38.4));

        assertThat(result.highestUrgency()).isEqualTo(Urgency.URGENT);
        assertThat(result.findings()).extracting(Finding::urgency).doesNotContain(Urgency.SELF_CARE);
        assertThat(result.suppressedFindings()).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("EXT-01-LOW", "SLP-02", "SLP-04");
    }

    @Test
    void emergencyResult_withholdsSelfCare() {
        Assessment result = Fixtures.assess(ADVICE.build().toBuilder().saddleAnaesthesia(TriState.YES));

        assertThat(result.highestUrgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(result.suppressedFindings()).extracting(Finding::ruleId).contains("SLP-02", "SLP-04", "EXT-01-LOW");
        assertThat(result.findings()).extracting(Finding::urgency).doesNotContain(Urgency.SELF_CARE);
    }

    @Test
    void routineResult_keepsTheAdvice() {
        Assessment result = Fixtures.assess(ADVICE.build().toBuilder().symptomDurationWeeks(8.0));

        assertThat(result.highestUrgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(result.suppressedFindings()).isEmpty();
        assertThat(Fixtures.presentedRules(result)).contains("SLP-02", "SLP-04", "EXT-01-LOW", "RTN-08");
    }

    @Test
    void findingsAndReferrals_areOrderedMostUrgentFirst_andReferralsAreTheUnion() {
        Assessment result = Fixtures.assess(Fixtures.baseline().urinaryRetention(TriState.YES)
                .ageYears(31).symptomDurationWeeks(104.0).onsetType(org.nightpain.cds.OnsetType.GRADUAL_INSIDIOUS)
                .improvesWithExercise(TriState.YES).restRelievesPain(TriState.NO));

        assertThat(result.findings()).extracting(Finding::ruleId).startsWith("EMR-01");
        assertThat(result.findings()).extracting(Finding::urgency)
                .isSortedAccordingTo(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        assertThat(result.referrals()).containsExactly(Referral.EMERGENCY_DEPARTMENT, Referral.NEUROSURGERY,
                Referral.RHEUMATOLOGY);
    }

    @Test
    void highestUrgency_ignoresInformationalAndSuppressedFindings() {
        Assessment result = Fixtures.assess(Fixtures.baseline().ageYears(35).symptomDurationWeeks(20.0)
                .onsetType(org.nightpain.cds.OnsetType.GRADUAL_INSIDIOUS).improvesWithExercise(TriState.UNKNOWN)
                .restRelievesPain(TriState.UNKNOWN).nightPain(TriState.UNKNOWN));

        assertThat(Fixtures.presentedRules(result)).contains("DQ-03", "RTN-08");
        assertThat(result.highestUrgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(result.findings().get(result.findings().size() - 1).ruleId()).isEqualTo("DQ-03");
    }
}
