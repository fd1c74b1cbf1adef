package org.nightpain.cds.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Finding;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.Progression;
import org.nightpain.cds.RadicularLegPain;
import org.nightpain.cds.Referral;
import org.nightpain.cds.TriState;

/**
 * RTN-06, RTN-06b, RTN-07 and RTN-07b (spinal-radicular.drl): what their findings say, beyond firing and staying silent (those cases are data, read by
 * {@link RuleCasesTest}).
 */
class SpinalRadicularRulesTest {

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
