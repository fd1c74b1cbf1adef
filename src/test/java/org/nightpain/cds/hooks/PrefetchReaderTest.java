package org.nightpain.cds.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nightpain.cds.FactField;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.LegNumbness;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.TriState;

/**
 * FHIR records mapped to facts: the age from the birth date, history facts from coded Conditions and
 * MedicationStatements, the temperature from a recent Observation. A record can only ever add a YES;
 * no record, or an unlisted code, leaves the answer as it was.
 */
class PrefetchReaderTest {

    /** Answers with the history questions left unanswered, so that only records can fill them. */
    private static Map<String, Object> answers() {
        Map<String, Object> facts = new LinkedHashMap<>(Fixtures.vignettes().get(0).facts());
        for (String history : new String[] {"historyOfCancer", "osteoporosis", "ibd", "psoriasis", "uveitis",
                "immunosuppression", "corticosteroidProlonged", "ageYears", "temperatureC"}) {
            facts.remove(history);
        }
        return facts;
    }

    private static PatientFacts facts(String key, ObjectNode records) {
        return Hooks.read(answers(), key, records).facts();
    }

    @Test
    void birthDate_givesTheAgeOnTheDayOfTheRequest() {
        // AS_OF is 2026-11-25: born 1960-11-25 is 66 that day, born 1960-11-26 still 65.
        assertThat(facts("patient", Hooks.patient("1960-11-25")).ageYears()).isEqualTo(66);
        assertThat(facts("patient", Hooks.patient("1960-11-26")).ageYears()).isEqualTo(65);
    }

    @Test
    void birthDateTooCoarse_leavesTheAgeUnknownAndSaysSo() {
        FhirFacts input = Hooks.read(answers(), "patient", Hooks.patient("1960"));

        assertThat(input.facts().ageYears()).isNull();
        assertThat(input.notes()).anySatisfy(note -> assertThat(note).contains("too coarse"));
        assertThat(facts("patient", Hooks.patient("1960-03")).ageYears()).isEqualTo(66);
    }

    @Test
    void answeredAgeThatTheBirthDateAllows_standsWithoutANote() {
        Map<String, Object> answers = answers();
        answers.put("ageYears", 66);
        FhirFacts exact = Hooks.read(answers, "patient", Hooks.patient("1960-01-01"));
        answers.put("ageYears", 65);
        FhirFacts coarse = Hooks.read(answers, "patient", Hooks.patient("1960"));   // 65 or 66 on 2026-11-25

        assertThat(exact.facts().ageYears()).isEqualTo(66);
        assertThat(coarse.facts().ageYears()).isEqualTo(65);
        for (FhirFacts input : List.of(exact, coarse)) {
            assertThat(input.sources().get("ageYears")).startsWith("QuestionnaireResponse");
            assertThat(input.notes()).noneSatisfy(note -> assertThat(note).contains("ageYears"));
        }
    }

    /** The higher age is the safer reading: the age thresholds that point to serious disease are "at or above". */
    @Test
    void answeredAgeAndBirthDateThatDisagree_theHigherIsUsed_andTheNoteSaysSo() {
        Map<String, Object> answers = answers();
        answers.put("ageYears", 45);
        FhirFacts recordOlder = Hooks.read(answers, "patient", Hooks.patient("1960-01-01"));   // 66 on 2026-11-25
        answers.put("ageYears", 70);
        FhirFacts answerOlder = Hooks.read(answers, "patient", Hooks.patient("1960-01-01"));

        assertThat(recordOlder.facts().ageYears()).isEqualTo(66);
        assertThat(recordOlder.sources()).containsEntry("ageYears", "Patient/pat-1 (birth date)");
        assertThat(recordOlder.notes()).anySatisfy(note -> assertThat(note)
                .contains("ageYears", "questionnaire gives 45", "Patient/pat-1", "1960-01-01", "gives 66", "higher, 66, was used"));
        assertThat(answerOlder.facts().ageYears()).isEqualTo(70);
        assertThat(answerOlder.sources().get("ageYears")).startsWith("QuestionnaireResponse");
        assertThat(answerOlder.notes()).anySatisfy(note -> assertThat(note)
                .contains("questionnaire gives 70", "gives 66", "higher, 70, was used"));
    }

    @Test
    void answeredAgeAndACoarseBirthDateThatDisagree_theOldestAgeItAllowsIsUsed() {
        Map<String, Object> answers = answers();
        answers.put("ageYears", 40);

        FhirFacts input = Hooks.read(answers, "patient", Hooks.patient("1960"));

        assertThat(input.facts().ageYears()).isEqualTo(66);
        assertThat(input.notes()).anySatisfy(note -> assertThat(note).contains("gives 65 or 66", "higher, 66, was used"));
    }

    @Test
    void birthDateAfterTheRequest_isRefusedWithoutAnAnsweredAge_andNotedBesideOne() {
        assertThatThrownBy(() -> facts("patient", Hooks.patient("2027-01-01")))
                .isInstanceOfSatisfying(HookException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.field()).isEqualTo("ageYears")));
        Map<String, Object> answers = answers();
        answers.put("ageYears", 45);

        FhirFacts input = Hooks.read(answers, "patient", Hooks.patient("2027-01-01"));

        assertThat(input.facts().ageYears()).isEqualTo(45);
        assertThat(input.notes()).anySatisfy(note -> assertThat(note).contains("Patient/pat-1", "after the date"));
    }

    @Test
    void conditionCodes_setHistoryFacts() {
        PatientFacts facts = facts("conditions", Hooks.bundle(
                Hooks.condition("c1", Hooks.SNOMED, "363346000"),
                Hooks.condition("c2", Hooks.ICD10, "M81.0"),
                Hooks.condition("c3", Hooks.ICD10_CM, "K50.90"),
                Hooks.condition("c4", Hooks.SNOMED, "9014002"),
                Hooks.condition("c5", Hooks.ICD10, "H20.0"),
                Hooks.condition("c6", Hooks.ICD10, "B20")));

        assertThat(facts.historyOfCancer()).isEqualTo(TriState.YES);
        assertThat(facts.osteoporosis()).isEqualTo(TriState.YES);
        assertThat(facts.ibd()).isEqualTo(TriState.YES);
        assertThat(facts.psoriasis()).isEqualTo(TriState.YES);
        assertThat(facts.uveitis()).isEqualTo(TriState.YES);
        assertThat(facts.immunosuppression()).isEqualTo(TriState.YES);
    }

    @Test
    void noRecordOrAnUnlistedCode_neverBecomesNo() {
        PatientFacts none = facts("conditions", Hooks.bundle());
        PatientFacts unlisted = facts("conditions", Hooks.bundle(Hooks.condition("c1", Hooks.SNOMED, "38341003")));
        PatientFacts skinCancer = facts("conditions", Hooks.bundle(Hooks.condition("c1", Hooks.ICD10, "C44.9")));

        for (PatientFacts facts : new PatientFacts[] {none, unlisted, skinCancer}) {
            assertThat(facts.historyOfCancer()).isEqualTo(TriState.UNKNOWN);
            assertThat(facts.osteoporosis()).isEqualTo(TriState.UNKNOWN);
            assertThat(facts.immunosuppression()).isEqualTo(TriState.UNKNOWN);
        }
    }

    @Test
    void refutedOrErroneousCondition_isNotUsed() {
        ObjectNode refuted = Hooks.condition("c1", Hooks.SNOMED, "363346000");
        refuted.putObject("verificationStatus").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/condition-ver-status").put("code", "refuted");

        assertThat(facts("conditions", refuted).historyOfCancer()).isEqualTo(TriState.UNKNOWN);
    }

    @Test
    void answeredNoButRecordedYes_readsYesAndSaysSo() {
        Map<String, Object> answers = answers();
        answers.put("historyOfCancer", "NO");

        FhirFacts input = Hooks.read(answers, "conditions", Hooks.bundle(Hooks.condition("c9", Hooks.ICD10, "C50.9")));

        assertThat(input.facts().historyOfCancer()).isEqualTo(TriState.YES);
        assertThat(input.sources()).containsEntry("historyOfCancer", "Condition/c9 (ICD-10 C50.9)");
        assertThat(input.notes()).anySatisfy(note -> assertThat(note).contains("historyOfCancer", "safer"));
    }

    @Test
    void corticosteroidCourseOfThreeMonths_andImmunosuppressantStatements_setTheirFacts() {
        ObjectNode steroid = Hooks.taken(Hooks.medicationStatement("m1", Hooks.ATC, "H02AB06"), "2026-01-10", "2026-04-10");
        ObjectNode biologic = Hooks.medicationStatement("m2", Hooks.ATC, "L04AB02");
        FhirFacts input = Hooks.read(answers(), "medications", Hooks.bundle(steroid, biologic));

        assertThat(input.facts().corticosteroidProlonged()).isEqualTo(TriState.YES);
        assertThat(input.sources()).containsEntry("corticosteroidProlonged", "MedicationStatement/m1 (ATC H02AB06)");
        assertThat(input.facts().immunosuppression()).isEqualTo(TriState.YES);
    }

    /**
     * Any record of a systemic corticosteroid made corticosteroidProlonged YES. Only a documented course of
     * three months (the threshold register's PROLONGED_STEROID_MIN_MONTHS) or more counts; any other record
     * is read, listed on the card as not settling the question, and the answer stays as it was.
     */
    @Test
    void corticosteroidRecordWithoutAThreeMonthCourse_leavesTheAnswer_andTheCardSaysSo() {
        ObjectNode bare = Hooks.medicationStatement("m1", Hooks.ATC, "H02AB06");
        ObjectNode short1 = Hooks.taken(Hooks.medicationStatement("m2", Hooks.ATC, "H02AB06"), "2026-01-10", "2026-04-09");
        ObjectNode pointInTime = Hooks.medicationStatement("m3", Hooks.ATC, "H02AB06").put("effectiveDateTime", "2025-01-01");
        ObjectNode openButStopped = Hooks.taken(Hooks.medicationStatement("m4", Hooks.ATC, "H02AB06"), "2020-01-01", null)
                .put("status", "stopped");
        ObjectNode intended = Hooks.taken(Hooks.medicationStatement("m5", Hooks.ATC, "H02AB06"), "2026-11-26", "2027-06-01")
                .put("status", "intended");
        ObjectNode weeks12 = Hooks.medicationStatement("m6", Hooks.ATC, "H02AB06");
        weeks12.putArray("dosage").addObject().putObject("timing").putObject("repeat").putObject("boundsDuration")
                .put("value", 12).put("system", "http://unitsofmeasure.org").put("code", "wk");
        Map<String, Object> answeredNo = answers();
        answeredNo.put("corticosteroidProlonged", "NO");

        for (ObjectNode record : List.of(bare, short1, pointInTime, openButStopped, intended, weeks12)) {
            FhirFacts input = Hooks.read(answers(), "medications", record);
            assertThat(input.facts().corticosteroidProlonged()).as("%s", record).isEqualTo(TriState.UNKNOWN);
            assertThat(input.notes()).anySatisfy(note -> assertThat(note).contains(
                    "MedicationStatement/" + record.get("id").asText(), "no course of 3 months or more",
                    "corticosteroidProlonged", "Ask how long"));
            assertThat(Hooks.read(answeredNo, "medications", record).facts().corticosteroidProlonged())
                    .isEqualTo(TriState.NO);
        }
    }

    @Test
    void corticosteroidCourse_fromAnOpenActivePeriodOrADosageDuration() {
        ObjectNode ongoing = Hooks.taken(Hooks.medicationStatement("m1", Hooks.ATC, "H02AB06"), "2026-08-25", null);
        ObjectNode tooRecent = Hooks.taken(Hooks.medicationStatement("m2", Hooks.ATC, "H02AB06"), "2026-08-26", null);
        ObjectNode days = Hooks.medicationStatement("m3", Hooks.ATC, "H02AB06");
        days.putArray("dosage").addObject().putObject("timing").putObject("repeat").putObject("boundsDuration")
                .put("value", 90).put("system", "http://unitsofmeasure.org").put("code", "d");
        ObjectNode months = Hooks.medicationStatement("m4", Hooks.ATC, "H02AB06");
        months.putArray("dosage").addObject().putObject("timing").putObject("repeat").putObject("boundsPeriod")
                .put("start", "2024-02-01").put("end", "2024-05-01");

        // The as-of day is 2026-11-25: an active course since 2026-08-25 has run three months.
        assertThat(facts("medications", ongoing).corticosteroidProlonged()).isEqualTo(TriState.YES);
        assertThat(facts("medications", tooRecent).corticosteroidProlonged()).isEqualTo(TriState.UNKNOWN);
        assertThat(facts("medications", days).corticosteroidProlonged()).isEqualTo(TriState.YES);
        assertThat(facts("medications", months).corticosteroidProlonged()).isEqualTo(TriState.YES);
    }

    @Test
    void containedMedication_isRead_andNotTaken_isNot() {
        ObjectNode statement = Hooks.taken(Hooks.medicationStatement("m1", Hooks.ATC, "N02BE01"), "2025-01-01", "2025-12-31");
        statement.remove("medicationCodeableConcept");
        statement.putObject("medicationReference").put("reference", "#pred");
        ObjectNode medication = statement.putArray("contained").addObject();
        medication.put("resourceType", "Medication").put("id", "pred");
        medication.putObject("code").putArray("coding").addObject()
                .put("system", "http://www.nlm.nih.gov/research/umls/rxnorm").put("code", "8640");
        ObjectNode notTaken = Hooks.medicationStatement("m2", Hooks.ATC, "L04AB02").put("status", "not-taken");

        PatientFacts facts = facts("medications", Hooks.bundle(statement, notTaken));

        assertThat(facts.corticosteroidProlonged()).isEqualTo(TriState.YES);
        assertThat(facts.immunosuppression()).isEqualTo(TriState.UNKNOWN);
    }

    /** A medicine the code lists cannot read is never silently dropped: the card lists it as not used. */
    @Test
    void medicineNamedOnlyAsText_isNotUsed_andTheNoteSaysSo() {
        ObjectNode displayOnly = Hooks.medicationStatement("m1", Hooks.ATC, "H02AB06");
        displayOnly.remove("medicationCodeableConcept");
        displayOnly.putObject("medicationReference").put("display", "prednisolone 5 mg");
        ObjectNode textOnly = Hooks.medicationStatement("m2", Hooks.ATC, "H02AB06");
        textOnly.putObject("medicationCodeableConcept").put("text", "methotrexate");
        ObjectNode empty = Hooks.medicationStatement("m3", Hooks.ATC, "H02AB06");
        empty.remove("medicationCodeableConcept");
        empty.putObject("medicationReference");

        FhirFacts input = Hooks.read(answers(), "medications", Hooks.bundle(displayOnly, textOnly, empty));

        assertThat(input.facts().corticosteroidProlonged()).isEqualTo(TriState.UNKNOWN);
        assertThat(input.facts().immunosuppression()).isEqualTo(TriState.UNKNOWN);
        assertThat(input.notes())
                .anySatisfy(note -> assertThat(note).contains("MedicationStatement/m1", "only as text ('prednisolone 5 mg')",
                        "not used"))
                .anySatisfy(note -> assertThat(note).contains("MedicationStatement/m2", "no coded medicine ('methotrexate')"))
                .anySatisfy(note -> assertThat(note).contains("MedicationStatement/m3", "not used"));
    }

    @Test
    void conditionWithoutACode_isNotUsed_andTheNoteSaysSo() {
        ObjectNode textOnly = Hooks.condition("c1", Hooks.SNOMED, "363346000");
        textOnly.putObject("code").put("text", "breast cancer 2019");

        FhirFacts input = Hooks.read(answers(), "conditions", textOnly);

        assertThat(input.facts().historyOfCancer()).isEqualTo(TriState.UNKNOWN);
        assertThat(input.notes()).anySatisfy(note -> assertThat(note)
                .contains("Condition/c1", "no coded diagnosis ('breast cancer 2019')", "not used"));
    }

    @Test
    void recentTemperature_isRead_inCelsiusOrFahrenheit() {
        assertThat(facts("bodyTemperature", Hooks.temperature("o1", 38.4, "Cel",
                Fixtures.AS_OF.minus(Duration.ofHours(2)))).temperatureC()).isEqualTo(38.4);
        assertThat(facts("bodyTemperature", Hooks.temperature("o1", 101.3, "[degF]",
                Fixtures.AS_OF.minus(Duration.ofHours(2)))).temperatureC()).isEqualTo(38.5);
    }

    @Test
    void highestRecentTemperature_wins_andOldOnesAreNotUsed() {
        FhirFacts input = Hooks.read(answers(), "bodyTemperature", Hooks.bundle(
                Hooks.temperature("old", 39.5, "Cel", Fixtures.AS_OF.minus(Duration.ofHours(30))),
                Hooks.temperature("a", 37.2, "Cel", Fixtures.AS_OF.minus(Duration.ofHours(1))),
                Hooks.temperature("b", 38.1, "Cel", Fixtures.AS_OF.minus(Duration.ofHours(5)))));

        assertThat(input.facts().temperatureC()).isEqualTo(38.1);
        assertThat(input.sources()).containsEntry("temperatureC", "Observation/b");
        assertThat(input.notes()).anySatisfy(note -> assertThat(note).contains("Observation/old", "24 hours"));
    }

    @Test
    void onlyOldTemperatures_leaveTheTemperatureUnknown() {
        assertThat(facts("bodyTemperature", Hooks.temperature("old", 36.6, "Cel",
                Fixtures.AS_OF.minus(Duration.ofDays(3)))).temperatureC()).isNull();
    }

    @Test
    void answeredTemperatureAndRecord_theHigherWins() {
        Map<String, Object> answers = answers();
        answers.put("temperatureC", 37.0);
        ObjectNode recent = Hooks.temperature("o1", 38.2, "Cel", Fixtures.AS_OF.minus(Duration.ofHours(1)));

        assertThat(Hooks.read(answers, "bodyTemperature", recent).facts().temperatureC()).isEqualTo(38.2);
        answers.put("temperatureC", 38.9);
        assertThat(Hooks.read(answers, "bodyTemperature", recent).facts().temperatureC()).isEqualTo(38.9);
    }

    @Test
    void recordedValueOutOfRange_namesTheFieldAndTheRecord() {
        ObjectNode fahrenheitAsCelsius = Hooks.temperature("o7", 100.4, "Cel", Fixtures.AS_OF.minus(Duration.ofHours(1)));

        assertThatThrownBy(() -> facts("bodyTemperature", fahrenheitAsCelsius))
                .isInstanceOfSatisfying(HookException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.field()).isEqualTo("temperatureC");
                        assertThat(p.message()).contains("Observation/o7");
                    });
                });
    }

    @Test
    void keysNotSent_areListed() {
        FhirFacts input = Hooks.read(answers(), "patient", Hooks.patient("1970-05-05"));

        assertThat(input.notSent()).containsExactly("conditions", "bodyTemperature", "medications", "pregnancy");
    }

    /**
     * A response written against the grouped Questionnaire: the answers sit in groups, required yes/no
     * questions are codings, and the facts of knowledge base 2.0 are read like any other.
     */
    @Test
    void groupedResponse_isReadAtAnyDepth_withTheFactsOfKnowledgeBase2() {
        Map<String, Object> answers = answers();
        answers.put("sex", "FEMALE");
        answers.put("ageYears", 31);
        answers.put("pregnant", "YES");
        answers.put("gestationWeeks", 30);
        answers.put("collapseOrSyncope", "NO");
        answers.put("pulsatileAbdominalMass", "NO");
        answers.put("legNumbnessTingling", "BILATERAL");
        answers.put("faecalIncontinenceNew", "UNKNOWN");
        ObjectNode grouped = Hooks.groupedQuestionnaireResponse(answers);
        assertThat(grouped.at("/item/0/linkId").asText()).isEqualTo("cauda-equina");
        ObjectNode prefetch = Hooks.JSON.createObjectNode();
        prefetch.set("questionnaireResponse", grouped);

        PatientFacts facts = Hooks.reader().read(Hooks.PATIENT_ID, prefetch, Fixtures.AS_OF).facts();

        List<String> given = grouped.findValuesAsText("linkId");
        assertThat(given).contains("pregnant", "gestationWeeks", "collapseOrSyncope", "pulsatileAbdominalMass");
        for (String name : given) {
            FactField field = FactField.byName(name);
            Object read = field == null ? null : field.read(facts);
            if (read instanceof Number number) {
                assertThat(number.doubleValue()).as(name).isEqualTo(((Number) answers.get(name)).doubleValue());
            } else if (field != null) {
                assertThat(String.valueOf(read)).as(name).isEqualTo(answers.get(name));
            }
        }
        assertThat(facts.pregnant()).isEqualTo(TriState.YES);
        assertThat(facts.gestationWeeks()).isEqualTo(30);
        assertThat(facts.legNumbnessTingling()).isEqualTo(LegNumbness.BILATERAL);
        assertThat(facts.urinaryRetention()).isEqualTo(TriState.YES);
        assertThat(facts.faecalIncontinenceNew()).isEqualTo(TriState.UNKNOWN);
    }

    /** legNumbnessTingling was a yes/no answer before 2.0: a 1.x response must fail loudly, naming the four values. */
    @Test
    void legNumbnessAsYesOrNo_isAnErrorNamingTheFourValues() {
        Map<String, Object> answers = answers();
        answers.remove("legNumbnessTingling");
        ObjectNode response = Hooks.questionnaireResponse(answers);
        ((ArrayNode) response.get("item")).addObject().put("linkId", "legNumbnessTingling").putArray("answer").addObject()
                .put("valueBoolean", true);
        ObjectNode prefetch = Hooks.JSON.createObjectNode();
        prefetch.set("questionnaireResponse", response);

        assertThatThrownBy(() -> Hooks.reader().read(Hooks.PATIENT_ID, prefetch, Fixtures.AS_OF))
                .isInstanceOfSatisfying(HookException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("legNumbnessTingling");
                    assertThat(p.message()).contains("NONE", "UNILATERAL", "BILATERAL", "UNKNOWN");
                }));
    }

    @Test
    void latestOfSeveralResponses_isUsed() {
        Map<String, Object> older = answers();
        older.put("urinaryRetention", "YES");
        ObjectNode first = Hooks.questionnaireResponse(older).put("id", "old").put("authored", "2026-10-01T08:00:00Z");
        Map<String, Object> newer = answers();
        newer.put("urinaryRetention", "NO");
        ObjectNode latest = Hooks.questionnaireResponse(newer).put("id", "new").put("authored", "2026-11-24T08:00:00Z");
        ObjectNode prefetch = Hooks.JSON.createObjectNode();
        prefetch.set("questionnaireResponse", Hooks.bundle(first, latest));

        FhirFacts input = Hooks.reader().read(Hooks.PATIENT_ID, prefetch, Fixtures.AS_OF);

        assertThat(input.facts().urinaryRetention()).isEqualTo(TriState.NO);
        assertThat(input.sources()).containsEntry("urinaryRetention", "QuestionnaireResponse/new");
    }
}
