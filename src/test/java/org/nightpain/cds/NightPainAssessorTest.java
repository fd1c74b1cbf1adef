package org.nightpain.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nightpain.cds.FactField;

/** The public API: arguments, the shape of an assessment, immutability and the knowledge-base identity. */
class NightPainAssessorTest {

    private static final NightPainAssessor ASSESSOR = Fixtures.ASSESSOR;

    @Test
    void assess_rejectsNullFacts_andNullTime() {
        assertThatThrownBy(() -> ASSESSOR.assess(null)).isInstanceOf(NullPointerException.class).hasMessage("facts");
        assertThatThrownBy(() -> ASSESSOR.assess(Fixtures.baseline().build(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("asOf");
    }

    @Test
    void assess_recordsTheAsOfTime() {
        Instant asOf = Instant.parse("2030-01-02T03:04:05Z");

        assertThat(ASSESSOR.assess(Fixtures.baseline().build(), asOf).assessedAt()).isEqualTo(asOf);
    }

    @Test
    void assess_withoutATime_usesNow() {
        Instant before = Instant.now();
        Instant assessedAt = ASSESSOR.assess(Fixtures.baseline().build()).assessedAt();

        assertThat(assessedAt).isBetween(before, Instant.now());
    }

    @Test
    void emptyFacts_giveARoutineResult_thatAsksTheCoreQuestions_neverSelfCare() {
        Assessment result = Fixtures.assess(PatientFacts.builder().build());

        assertThat(result.highestUrgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(Fixtures.codes(result)).contains("INSUFFICIENT_INFORMATION").doesNotContain("NONSPECIFIC_MECHANICAL_LBP");
        assertThat(result.questionsToAsk()).extracting(Question::field)
                .contains("urinaryRetention", "saddleAnaesthesia", "historyOfCancer", "ageYears");
        // the questions whose answer could make it an emergency come first
        Question first = result.questionsToAsk().get(0);
        assertThat(ASSESSOR.rules().stream().filter(r -> first.couldChange().contains(r.id())))
                .extracting(RuleInfo::urgency).contains(Urgency.EMERGENCY);
    }

    @Test
    void findings_explainThemselves() {
        Finding finding = Fixtures.finding(Fixtures.assess(Fixtures.baseline().urinaryRetention(TriState.YES)), "EMR-01");

        assertThat(finding.code()).isEqualTo("CAUDA_EQUINA_SUSPECTED");
        assertThat(finding.ruleVersion()).isEqualTo("1.1.0");
        assertThat(finding.category()).isEqualTo(Category.EMERGENCY_RED_FLAG);
        assertThat(finding.referrals()).containsExactly(Referral.EMERGENCY_DEPARTMENT, Referral.NEUROSURGERY);
        assertThat(finding.diagnostics()).contains(Diagnostic.MRI_LUMBAR_EMERGENCY);
        assertThat(finding.inputsUsed()).containsExactly(java.util.Map.entry("urinaryRetention", TriState.YES));
        assertThat(finding.inputsMissing()).isEmpty();
        assertThat(finding.sources()).extracting(Source::id).contains("GIRFT-CES-2023");
        assertThat(finding.sources()).allSatisfy(s -> assertThat(s.citation()).isNotBlank());
        assertThat(finding.evidence()).isEqualTo(Evidence.G);
        assertThat(finding.rationale()).isNotBlank();
        assertThat(finding.advice()).isNotBlank();
    }

    @Test
    void inputsMissing_listsTheUnknownAnswersTheRuleWeighs() {
        Finding finding = Fixtures.finding(Fixtures.assess(Fixtures.baseline().urinaryRetention(TriState.YES)
                .sexualDysfunctionNew(TriState.UNKNOWN)), "EMR-01");

        assertThat(finding.inputsMissing()).containsExactly("sexualDysfunctionNew");
    }

    /** DQ-01 and DQ-03 collect their missing answers themselves; they are listed in fact-model order. */
    @Test
    void missingAnswersThatARuleCollects_areInFactModelOrder() {
        Finding insufficient = Fixtures.finding(Fixtures.assess(PatientFacts.builder().build()), "DQ-01");
        Finding screen = Fixtures.finding(Fixtures.assess(Fixtures.baseline().symptomDurationWeeks(20.0)
                .onsetType(OnsetType.GRADUAL_INSIDIOUS).improvesWithExercise(TriState.UNKNOWN)
                .restRelievesPain(TriState.UNKNOWN).nightPain(TriState.UNKNOWN)
                .nightPainImprovesOnGettingUp(TriState.UNKNOWN)), "DQ-03");

        for (Finding finding : List.of(insufficient, screen)) {
            List<FactField> fields = finding.inputsMissing().stream().map(FactField::byName).toList();
            assertThat(fields).as(finding.ruleId()).hasSizeGreaterThan(3).doesNotContainNull().isSorted();
        }
    }

    @Test
    void questions_areOnlyAskedWhenTheyMakeSense() {
        List<String> withoutWeightLoss = fields(Fixtures.assess(Fixtures.baseline()));
        List<String> withWeightLoss = fields(Fixtures.assess(Fixtures.baseline().weightLossUnexplained(TriState.YES)));

        assertThat(withoutWeightLoss).doesNotContain("weightLossKg");
        assertThat(withWeightLoss).contains("weightLossKg", "weightLossPercent", "weightLossPeriodMonths");
    }

    @Test
    void assessment_isImmutable() {
        Assessment result = Fixtures.assess(Fixtures.baseline());

        assertThatThrownBy(() -> result.findings().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> result.referrals().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> result.findings().get(0).inputsUsed().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void knowledgeBase_namesItself_withTheHashOfItsFiles() {
        KnowledgeBaseInfo info = ASSESSOR.knowledgeBase();

        assertThat(info.id()).isEqualTo("nightpain-lbp");
        assertThat(info.version()).matches("\\d+\\.\\d+\\.\\d+");
        // that the hash is the SHA-256 of the knowledge files: safety.KnowledgeBaseHashTest, computed apart
        assertThat(info.sha256()).matches("[0-9a-f]{64}");
        assertThat(Fixtures.assess(Fixtures.baseline()).knowledgeBase()).isEqualTo(info);
    }

    @Test
    void rules_isTheCatalogueOfDecisionRules() {
        assertThat(ASSESSOR.rules()).extracting(RuleInfo::id).contains("EMR-01", "SC-01", "FB-01")
                .doesNotContain("INF-01", "AGG-01");
        assertThat(ASSESSOR.rules()).allSatisfy(r -> assertThat(r.sources()).isNotEmpty());
    }

    private static List<String> fields(Assessment assessment) {
        return assessment.questionsToAsk().stream().map(Question::field).toList();
    }
}
