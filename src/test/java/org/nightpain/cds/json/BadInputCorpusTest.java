package org.nightpain.cds.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nightpain.cds.BadInputs;
import org.nightpain.cds.Fixtures;

/** Every bad input of the corpus through the codec: the expected error code and fields, nothing assessed. */
class BadInputCorpusTest {
    private static final AssessmentJson JSON = AssessmentJson.create(Fixtures.ASSESSOR);

    static List<BadInputs.Case> cases() {
        return BadInputs.all();
    }

    @Test
    void corpus_coversAtLeastThirtyBadInputs() {
        assertThat(cases()).filteredOn(c -> c.exitCode() != 0).hasSizeGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInput_givesItsErrorAndNoResult(BadInputs.Case badInput) throws Exception {
        if (badInput.isBatch()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BatchSummary summary = JSON.assessNdjson(new ByteArrayInputStream(badInput.bytes()), out, done -> { });
            badInput.assertOutput(out.toByteArray());
            assertThat(summary.invalid()).isEqualTo(badInput.codes().stream().filter(c -> !c.equals("OK")).count());
        } else {
            badInput.assertOutput(JSON.assess(badInput.bytes()));
        }
    }
}
