package org.nightpain.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.TriState;

/**
 * Knowledge base 2.0 asks whether the patient is pregnant and for how many weeks. The EHR's records can
 * say so: a current pregnancy Condition or a pregnancy status Observation can make {@code pregnant} YES,
 * never NO; a gestational age Observation, carried forward to the day of the call, gives the weeks.
 */
class PregnancyRecordsTest {
    private static final String PREGNANT = "LA15173-0";
    private static final String NOT_PREGNANT = "LA26683-5";
    private static final String UNKNOWN = "LA4489-6";

    /** A woman of 30 whose answers leave pregnancy open. */
    private static Map<String, Object> answers() {
        Map<String, Object> facts = new LinkedHashMap<>(Fixtures.vignettes().get(0).facts());
        facts.put("sex", "FEMALE");
        facts.put("ageYears", 30);
        facts.remove("pregnant");
        facts.remove("gestationWeeks");
        return facts;
    }

    private static Instant daysAgo(int days) {
        return Fixtures.AS_OF.minus(Duration.ofDays(days));
    }

    @Test
    void currentPregnancyCondition_makesItYes_inSnomedAndIcd10() {
        for (ObjectNode condition : new ObjectNode[] {Hooks.condition("c1", Hooks.SNOMED, "77386006", "active"),
                Hooks.condition("c1", Hooks.ICD10_CM, "Z34.02"), Hooks.condition("c1", Hooks.ICD10, "Z33")}) {
            FhirFacts input = Hooks.read(answers(), "conditions", Hooks.bundle(condition));

            assertThat(input.facts().pregnant()).as("%s", condition).isEqualTo(TriState.YES);
            assertThat(input.sources().get("pregnant")).startsWith("Condition/c1 (");
        }
    }

    @Test
    void pregnancyConditionThatIsNotCurrent_saysNothing_andNeverNo() {
        ObjectNode abated = Hooks.condition("c4", Hooks.SNOMED, "77386006");
        abated.put("abatementDateTime", "2025-06-01");
        ObjectNode erroneous = Hooks.condition("c5", Hooks.SNOMED, "77386006", "active");
        erroneous.putObject("verificationStatus").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/condition-ver-status").put("code", "entered-in-error");

        FhirFacts input = Hooks.read(answers(), "conditions", Hooks.bundle(
                Hooks.condition("c1", Hooks.SNOMED, "77386006", "resolved"),
                Hooks.condition("c2", Hooks.ICD10, "Z34.9", "inactive"), Hooks.condition("c3", Hooks.ICD10, "Z33", "remission"),
                abated, erroneous));

        assertThat(input.facts().pregnant()).isEqualTo(TriState.UNKNOWN);
        assertThat(input.notes())
                .anySatisfy(note -> assertThat(note).contains("Condition/c1", "clinicalStatus resolved", "not used"))
                .anySatisfy(note -> assertThat(note).contains("Condition/c4", "abatement"));
        Map<String, Object> answeredNo = answers();
        answeredNo.put("pregnant", "NO");
        assertThat(Hooks.read(answeredNo, "conditions", Hooks.bundle()).facts().pregnant()).isEqualTo(TriState.NO);
    }

    /** A pregnancy ends; a history of cancer does not: a resolved cancer still counts. */
    @Test
    void resolvedHistoryCondition_stillCounts() {
        FhirFacts input = Hooks.read(answers(), "conditions",
                Hooks.bundle(Hooks.condition("c1", Hooks.ICD10, "C50.9", "resolved")));

        assertThat(input.facts().historyOfCancer()).isEqualTo(TriState.YES);
    }

    @Test
    void answeredNoButACurrentPregnancyRecorded_readsYesAndSaysSo() {
        Map<String, Object> answers = answers();
        answers.put("pregnant", "NO");

        FhirFacts input = Hooks.read(answers, "conditions", Hooks.condition("c9", Hooks.SNOMED, "77386006", "active"));

        assertThat(input.facts().pregnant()).isEqualTo(TriState.YES);
        assertThat(input.notes()).anySatisfy(note -> assertThat(note).contains("pregnant", "says NO", "safer"));
    }

    @Test
    void pregnancyStatus_pregnantIsYes_notPregnantAndUnknownSayNothing() {
        FhirFacts pregnant = Hooks.read(answers(), "pregnancy", Hooks.pregnancyStatus("o1", PREGNANT, daysAgo(3)));
        FhirFacts notPregnant = Hooks.read(answers(), "pregnancy", Hooks.pregnancyStatus("o2", NOT_PREGNANT, daysAgo(1)));
        FhirFacts unknown = Hooks.read(answers(), "pregnancy", Hooks.pregnancyStatus("o3", UNKNOWN, daysAgo(1)));

        assertThat(pregnant.facts().pregnant()).isEqualTo(TriState.YES);
        assertThat(pregnant.sources()).containsEntry("pregnant", "Observation/o1 (pregnancy status on 2026-11-22)");
        assertThat(notPregnant.facts().pregnant()).isEqualTo(TriState.UNKNOWN);
        assertThat(notPregnant.notes()).anySatisfy(note -> assertThat(note).contains("Observation/o2", "not pregnant",
                "never answers no"));
        assertThat(unknown.facts().pregnant()).isEqualTo(TriState.UNKNOWN);
        assertThat(unknown.notes()).anySatisfy(note -> assertThat(note).contains("Observation/o3", "does not say"));
    }

    @Test
    void latestPregnancyStatusWins_andOneOlderThanAPregnancyIsNotUsed() {
        FhirFacts ended = Hooks.read(answers(), "pregnancy", Hooks.bundle(Hooks.pregnancyStatus("old", PREGNANT, daysAgo(200)),
                Hooks.pregnancyStatus("new", NOT_PREGNANT, daysAgo(2))));
        FhirFacts stale = Hooks.read(answers(), "pregnancy", Hooks.pregnancyStatus("o1", PREGNANT, daysAgo(7 * 46)));
        Map<String, Object> answeredYes = answers();
        answeredYes.put("pregnant", "YES");
        FhirFacts answered = Hooks.read(answeredYes, "pregnancy", Hooks.pregnancyStatus("o2", NOT_PREGNANT, daysAgo(2)));

        assertThat(ended.facts().pregnant()).isEqualTo(TriState.UNKNOWN);
        assertThat(ended.notes()).anySatisfy(note -> assertThat(note).contains("2 pregnancy status records", "Observation/new"));
        assertThat(stale.facts().pregnant()).isEqualTo(TriState.UNKNOWN);
        assertThat(stale.notes()).anySatisfy(note -> assertThat(note).contains("Observation/o1", "longer ago than a pregnancy"));
        assertThat(answered.facts().pregnant()).isEqualTo(TriState.YES);
    }

    @Test
    void gestationalAge_isCarriedForwardToTheDayOfTheCall() {
        Map<String, Object> answers = answers();
        answers.put("pregnant", "YES");

        // 26 weeks and 3 days, 17 days ago: 28 weeks and 6 days now.
        FhirFacts weeks = Hooks.read(answers, "pregnancy", Hooks.gestationalAge("g1", 26.43, "wk", daysAgo(17)));
        FhirFacts days = Hooks.read(answers, "pregnancy", Hooks.gestationalAge("g2", 185, "d", daysAgo(17)));

        assertThat(weeks.facts().gestationWeeks()).isEqualTo(28);
        assertThat(weeks.sources()).containsEntry("gestationWeeks", "Observation/g1 (gestational age on 2026-11-08)");
        assertThat(days.facts().gestationWeeks()).isEqualTo(28);
    }

    @Test
    void gestationalAgeWithAPregnancyStatusRecord_givesBothFacts() {
        FhirFacts input = Hooks.read(answers(), "pregnancy", Hooks.bundle(Hooks.pregnancyStatus("o1", PREGNANT, daysAgo(30)),
                Hooks.gestationalAge("g1", 12, "wk", daysAgo(30))));

        assertThat(input.facts().pregnant()).isEqualTo(TriState.YES);
        assertThat(input.facts().gestationWeeks()).isEqualTo(16);
    }

    @Test
    void gestationalAge_withoutAPregnancy_orFromAnEarlierOne_isNotUsed() {
        FhirFacts notPregnant = Hooks.read(answers(), "pregnancy", Hooks.gestationalAge("g1", 20, "wk", daysAgo(7)));
        Map<String, Object> pregnant = answers();
        pregnant.put("pregnant", "YES");
        FhirFacts earlier = Hooks.read(pregnant, "pregnancy", Hooks.gestationalAge("g2", 30, "wk", daysAgo(120)));

        assertThat(notPregnant.facts().gestationWeeks()).isNull();
        assertThat(notPregnant.notes()).anySatisfy(note -> assertThat(note).contains("Observation/g1",
                "Ask whether she is pregnant"));
        assertThat(earlier.facts().gestationWeeks()).isNull();
        assertThat(earlier.notes()).anySatisfy(note -> assertThat(note).contains("Observation/g2", "earlier one"));
    }

    /** The later weeks are the safer reading: side-sleeping advice starts at 28 weeks. */
    @Test
    void answeredWeeksAndRecord_theHigherWins() {
        Map<String, Object> answers = answers();
        answers.put("pregnant", "YES");
        answers.put("gestationWeeks", 24);
        ObjectNode record = Hooks.gestationalAge("g1", 27, "wk", daysAgo(14));

        FhirFacts lower = Hooks.read(answers, "pregnancy", record);
        answers.put("gestationWeeks", 33);
        FhirFacts higher = Hooks.read(answers, "pregnancy", record);

        assertThat(lower.facts().gestationWeeks()).isEqualTo(29);
        assertThat(lower.notes()).anySatisfy(note -> assertThat(note).contains("gestationWeeks", "29 weeks", "24", "higher"));
        assertThat(higher.facts().gestationWeeks()).isEqualTo(33);
    }

    @Test
    void pregnancyRecordedForAPatientAnsweredMale_isAnErrorNamingTheRecord() {
        Map<String, Object> answers = answers();
        answers.put("sex", "MALE");

        assertThatThrownBy(() -> Hooks.read(answers, "conditions", Hooks.condition("c1", Hooks.SNOMED, "77386006", "active")))
                .isInstanceOfSatisfying(HookException.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.field()).isEqualTo("pregnant");
                    assertThat(p.message()).contains("Condition/c1");
                }));
    }
}
