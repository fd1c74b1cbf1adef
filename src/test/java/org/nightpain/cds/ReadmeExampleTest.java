package org.nightpain.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java example of the README and of the NightPainAssessor javadoc gives what they say. */
class ReadmeExampleTest {

    @Test
    void readmeExample() {
        PatientFacts patient = PatientFacts.builder()
                .ageYears(45).symptomDurationWeeks(1.0)
                .radicularLegPain(RadicularLegPain.UNILATERAL)
                .urinaryRetention(TriState.YES)
                .build();
        Assessment result = Fixtures.ASSESSOR.assess(patient);

        assertThat(result.highestUrgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(result.referrals()).containsExactly(Referral.EMERGENCY_DEPARTMENT, Referral.NEUROSURGERY);
        assertThat(result.findings().get(0).inputsUsed()).isEqualTo(Map.of("urinaryRetention", TriState.YES));
        assertThat(result.screeningComplete()).isFalse();
        assertThat(result.suppressedFindings().get(0).suppressedBy()).isEqualTo("EMR-01");
    }

    @Test
    void javadocExample() {
        Assessment result = Fixtures.ASSESSOR.assess(PatientFacts.builder()
                .ageYears(45).symptomDurationWeeks(1.0)
                .urinaryRetention(TriState.YES)
                .build());

        assertThat(result.highestUrgency()).isEqualTo(Urgency.EMERGENCY);
    }
}
