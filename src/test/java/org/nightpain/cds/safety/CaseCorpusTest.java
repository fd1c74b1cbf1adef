package org.nightpain.cds.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code cases/*.json} gives its expected outcome (vignette semantics, see
 * {@link CorpusCase}). The boundary cases put a pair on both sides of every threshold of
 * clinical-knowledge §3.10 (§6.13); the others give each way of reaching a derived fact a case of its
 * own, cover data quality, suppression and the fail-safe, and check the facts a finding cites when
 * several reasons apply at once ({@code finding-basis.json}).
 */
class CaseCorpusTest {
    private static final CorpusRunner RUNNER = new CorpusRunner();

    static List<CorpusCase> cases() {
        return CorpusCase.caseFiles();
    }

    @Test
    void caseIds_areUniqueAcrossTheCorpus() {
        assertThat(CorpusCase.all()).extracting(CorpusCase::id).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseGivesItsExpectedOutcome(CorpusCase corpusCase) {
        assertThat(RUNNER.violations(corpusCase, Set.of())).as(corpusCase.source() + " " + corpusCase.id()).isEmpty();
    }
}
