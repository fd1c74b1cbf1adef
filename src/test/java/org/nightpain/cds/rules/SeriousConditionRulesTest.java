package org.nightpain.cds.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nightpain.cds.Diagnostic;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.TriState;

/**
 * SOON-01 to SOON-04 and RTN-01 (serious-conditions.drl): what their findings say, beyond firing and staying silent (those cases are data, read by
 * {@link RuleCasesTest}).
 */
class SeriousConditionRulesTest {

    @Test
    void soon01_addsTheUrgentAbdominalCt_onlyAtSixtyWithWeightLoss() {
        var atSixty = Fixtures.finding(Fixtures.assess(Fixtures.baseline().ageYears(60)
                .weightLossUnexplained(TriState.YES)), "SOON-01");
        var atFiftyNine = Fixtures.finding(Fixtures.assess(Fixtures.baseline().ageYears(59)
                .weightLossUnexplained(TriState.YES)), "SOON-01");

        assertThat(atSixty.diagnostics()).contains(Diagnostic.CT_ABDOMEN_URGENT_2WW);
        assertThat(atSixty.inputsUsed()).containsEntry("ageYears", 60);
        assertThat(atFiftyNine.diagnostics()).doesNotContain(Diagnostic.CT_ABDOMEN_URGENT_2WW)
                .contains(Diagnostic.MRI_LUMBAR);
    }
}
