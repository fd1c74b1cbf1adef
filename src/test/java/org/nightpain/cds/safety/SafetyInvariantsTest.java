package org.nightpain.cds.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nightpain.cds.safety.ClinicalTerms.allFindings;
import static org.nightpain.cds.safety.ClinicalTerms.ruleIds;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Category;
import org.nightpain.cds.Finding;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.InvalidPatientFactsException;
import org.nightpain.cds.LegNumbness;
import org.nightpain.cds.MotorWeakness;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.Problem;
import org.nightpain.cds.Question;
import org.nightpain.cds.RadicularLegPain;
import org.nightpain.cds.Referral;
import org.nightpain.cds.Sex;
import org.nightpain.cds.Source;
import org.nightpain.cds.Trauma;
import org.nightpain.cds.TriState;
import org.nightpain.cds.Urgency;
import org.nightpain.cds.FactField;
import org.nightpain.cds.knowledge.TestKnowledge;
import org.nightpain.cds.knowledge.RuleMetadata;

/**
 * The safety invariants of clinical-knowledge §6.3 to §6.11, each a property over valid patients from
 * {@link Patients} (1,000 tries each). Monotonicity (§6.1) is in {@link MonotonicityTest}, cauda
 * equina completeness (§6.2) in {@link CaudaEquinaCompletenessTest}, order independence and determinism
 * (§6.12) in {@link DeterminismTest}, and the threshold pairs (§6.13) in the case corpus of
 * {@link CaseCorpusTest}.
 */
class SafetyInvariantsTest {
    private static final Set<Referral> SPINAL_OR_ONCOLOGY_TEAMS =
            EnumSet.of(Referral.NEUROSURGERY, Referral.ORTHOPEDICS_SPINE, Referral.ONCOLOGY);

    @Provide
    Arbitrary<PatientFacts> patients() {
        return Patients.valid();
    }

    // ---- §6.3 Emergency needs a trigger ----------------------------------------------------------

    @Property(tries = 1000)
    void emergencyFinding_alwaysCitesATrigger(@ForAll("patients") PatientFacts patient) {
        Assessment result = Fixtures.assess(patient);

        for (Finding finding : result.findings()) {
            if (finding.urgency() == Urgency.EMERGENCY) {
                assertThat(finding.inputsUsed().entrySet())
                        .as("%s cites a YES answer, an escalated enum or a temperature of 38.0 or more", finding.ruleId())
                        .anyMatch(input -> ClinicalTerms.isTrigger(input.getKey(), input.getValue()));
            }
        }
    }

    @Provide
    Arbitrary<PatientFacts> patientsWithoutRedFlags() {
        return Combinators.combine(Patients.valid(), Arbitraries.of(37.9, 36.4, 30.0)).as((patient, temperature) -> {
            Map<FactField, Object> facts = Patients.valuesOf(patient);
            for (FactField field : ClinicalTerms.RED_FLAG_ANSWERS) {
                facts.replace(field, TriState.YES, TriState.NO);
            }
            facts.computeIfPresent(FactField.RADICULAR_LEG_PAIN, (f, v) -> v == RadicularLegPain.UNKNOWN ? v : RadicularLegPain.NONE);
            facts.computeIfPresent(FactField.LEG_NUMBNESS_TINGLING, (f, v) -> v == LegNumbness.UNKNOWN ? v : LegNumbness.NONE);
            facts.computeIfPresent(FactField.MOTOR_WEAKNESS, (f, v) -> v == MotorWeakness.UNKNOWN ? v : MotorWeakness.NONE);
            facts.replace(FactField.TRAUMA, Trauma.MAJOR, Trauma.NONE);
            facts.computeIfPresent(FactField.TEMPERATURE_C, (f, v) -> (Double) v >= 38.0 ? temperature : v);
            return Patients.build(facts);
        });
    }

    @Property(tries = 1000)
    void withoutAnyRedFlagAnswer_emergencyIsImpossible(@ForAll("patientsWithoutRedFlags") PatientFacts patient) {
        Assessment result = Fixtures.assess(patient);

        assertThat(result.highestUrgency()).isNotEqualTo(Urgency.EMERGENCY);
        assertThat(allFindings(result)).noneMatch(f -> f.urgency() == Urgency.EMERGENCY);
    }

    // ---- §6.4 Unknown is not NO ------------------------------------------------------------------

    @Property(tries = 1000)
    void unknownCoreAnswer_isNeverSelfCareAndIsNamedInInsufficientInformation(@ForAll("patients") PatientFacts patient) {
        List<FactField> missing = ClinicalTerms.missingCoreFields(patient);
        Assessment result = Fixtures.assess(patient);
        boolean emergency = result.findings().stream().anyMatch(f -> f.urgency() == Urgency.EMERGENCY);
        Finding insufficient = result.findings().stream().filter(f -> f.code().equals("INSUFFICIENT_INFORMATION"))
                .findFirst().orElse(null);

        if (missing.isEmpty() || emergency) {
            assertThat(insufficient).as("INSUFFICIENT_INFORMATION without a missing core answer or with an emergency").isNull();
            return;
        }
        assertThat(result.highestUrgency()).isNotEqualTo(Urgency.SELF_CARE);
        assertThat(insufficient).as("INSUFFICIENT_INFORMATION for missing %s", missing).isNotNull();
        Set<String> expected = new LinkedHashSet<>();
        for (FactField field : missing) {
            expected.add(field.fieldName());
            if (field == FactField.FEVER_OR_RIGORS_REPORTED) {
                expected.add(FactField.TEMPERATURE_C.fieldName());
            }
        }
        assertThat(insufficient.inputsMissing()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(result.questionsToAsk().stream().map(Question::field))
                .containsAll(missing.stream().map(FactField::fieldName).toList());
    }

    /** The same patient with every unknown answer read as NO (NONE), as a wrong implementation would. */
    private static PatientFacts unknownsReadAsNo(PatientFacts patient) {
        Map<FactField, Object> facts = Patients.valuesOf(patient);
        for (FactField field : FactField.ALL) {
            if (field.kind() == FactField.Kind.TRI_STATE) {
                facts.replace(field, TriState.UNKNOWN, TriState.NO);
            }
        }
        facts.replace(FactField.RADICULAR_LEG_PAIN, RadicularLegPain.UNKNOWN, RadicularLegPain.NONE);
        facts.replace(FactField.LEG_NUMBNESS_TINGLING, LegNumbness.UNKNOWN, LegNumbness.NONE);
        // A progressive weakness of unknown grade (§8.1.3) and bruising after trauma of unknown kind
        // keep their unknown: NONE would make them invalid.
        if (patient.weaknessProgressive() != TriState.YES) {
            facts.replace(FactField.MOTOR_WEAKNESS, MotorWeakness.UNKNOWN, MotorWeakness.NONE);
        }
        if (patient.contusionOrAbrasion() != TriState.YES) {
            facts.replace(FactField.TRAUMA, Trauma.UNKNOWN, Trauma.NONE);
        }
        return Patients.build(facts);
    }

    @Property(tries = 1000)
    void unknownAnswers_neverFireARedFlagByThemselves(@ForAll("patients") PatientFacts patient) {
        Set<String> withUnknowns = redFlagRules(Fixtures.assess(patient));
        Set<String> withNo = redFlagRules(Fixtures.assess(unknownsReadAsNo(patient)));

        assertThat(withUnknowns).as("red flags with the unknowns, against the unknowns read as NO").isEqualTo(withNo);
    }

    private static Set<String> redFlagRules(Assessment result) {
        return ruleIds(allFindings(result).stream().filter(ClinicalTerms::isRedFlag).toList());
    }

    @Example
    void nothingKnown_givesInsufficientInformationAndNoRedFlag() {
        Assessment result = Fixtures.assess(PatientFacts.builder().build());

        assertThat(result.highestUrgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(allFindings(result)).noneMatch(ClinicalTerms::isRedFlag);
        assertThat(Fixtures.finding(result, "DQ-01").inputsMissing())
                .containsAll(ClinicalTerms.CORE_FIELDS.stream().map(FactField::fieldName).toList());
    }

    // ---- §6.5 Non-specific only by exclusion -----------------------------------------------------

    @Property(tries = 1000)
    void nonspecificMechanicalPain_neverCoOccursWithASpecificFinding(@ForAll("patients") PatientFacts patient) {
        List<Finding> findings = allFindings(Fixtures.assess(patient));

        if (findings.stream().anyMatch(f -> f.code().equals("NONSPECIFIC_MECHANICAL_LBP"))) {
            assertThat(findings).noneMatch(ClinicalTerms::isRedFlag);
            assertThat(findings).noneMatch(f -> f.category() == Category.SERIOUS_CONDITION
                    || ClinicalTerms.EXCLUDED_BY_NONSPECIFIC.contains(f.code()));
        }
    }

    // ---- §6.6 No false reassurance -----------------------------------------------------------------

    @Property(tries = 1000)
    void emergencyOrUrgentResult_presentsNoReassurance(@ForAll("patients") PatientFacts patient) {
        Assessment result = Fixtures.assess(patient);

        if (result.highestUrgency() == Urgency.EMERGENCY || result.highestUrgency() == Urgency.URGENT) {
            assertThat(result.findings()).noneMatch(f -> f.urgency() == Urgency.SELF_CARE
                    || f.category() == Category.SLEEP_ADVICE || ClinicalTerms.REASSURING_CODES.contains(f.code()));
            assertThat(result.suppressedFindings()).allMatch(f -> f.urgency() == Urgency.SELF_CARE
                    || ClinicalTerms.SUPERSEDABLE_RULES.contains(f.ruleId()));
        } else {
            assertThat(result.suppressedFindings()).as("below URGENT only superseded findings are withheld")
                    .allMatch(f -> ClinicalTerms.SUPERSEDABLE_RULES.contains(f.ruleId()));
        }
    }

    // ---- §6.7 Advice never escalates -------------------------------------------------------------

    @Property(tries = 1000)
    void adviceFindings_areSelfCareOnly(@ForAll("patients") PatientFacts patient) {
        for (Finding finding : allFindings(Fixtures.assess(patient))) {
            if (finding.category() == Category.SLEEP_ADVICE || finding.code().equals("STARTBACK_LOW")) {
                assertThat(finding.urgency()).as(finding.ruleId()).isEqualTo(Urgency.SELF_CARE);
            }
        }
    }

    @Provide
    Arbitrary<List<PatientFacts>> patientWithOtherSleepAnswers() {
        List<Arbitrary<Object>> sleep = ClinicalTerms.SLEEP_FIELDS.stream()
                .map(field -> Patients.valueOf(field, 25, 25)).toList();
        return Combinators.combine(Patients.valid(), Combinators.combine(sleep).as(values -> values))
                .as((patient, values) -> {
                    Map<FactField, Object> changes = new HashMap<>();
                    for (int i = 0; i < values.size(); i++) {
                        changes.put(ClinicalTerms.SLEEP_FIELDS.get(i), values.get(i));
                    }
                    return List.of(patient, Patients.with(patient, changes));
                });
    }

    @Property(tries = 1000)
    void sleepAnswers_changeNothingButSleepAdvice(@ForAll("patientWithOtherSleepAnswers") List<PatientFacts> pair) {
        Assessment first = Fixtures.assess(pair.get(0));
        Assessment second = Fixtures.assess(pair.get(1));

        assertThat(second.highestUrgency()).isEqualTo(first.highestUrgency());
        assertThat(second.referrals()).isEqualTo(first.referrals());
        assertThat(withoutSleepAdvice(second)).isEqualTo(withoutSleepAdvice(first));
    }

    private static List<Finding> withoutSleepAdvice(Assessment result) {
        return allFindings(result).stream().filter(f -> f.category() != Category.SLEEP_ADVICE).toList();
    }

    @Property(tries = 1000)
    void lowStartBackScore_neverChangesTheUrgency(@ForAll("patients") PatientFacts patient,
                                                  @ForAll @IntRange(min = 0, max = 3) int total,
                                                  @ForAll @IntRange(min = 0, max = 3) int psychosocial) {
        Map<FactField, Object> none = new HashMap<>();
        none.put(FactField.START_BACK_TOTAL, null);
        none.put(FactField.START_BACK_PSYCHOSOCIAL, null);
        Map<FactField, Object> low = Map.of(FactField.START_BACK_TOTAL, total,
                FactField.START_BACK_PSYCHOSOCIAL, Math.min(psychosocial, total));

        Assessment without = Fixtures.assess(Patients.with(patient, none));
        Assessment withLowScore = Fixtures.assess(Patients.with(patient, low));

        assertThat(withLowScore.highestUrgency()).isEqualTo(without.highestUrgency());
        assertThat(withLowScore.referrals()).isEqualTo(without.referrals());
    }

    @Example
    void redFlagRules_weighNoSleepAnswer() {
        for (RuleMetadata rule : RuleMetadata.all()) {
            if (rule.groups().contains("RED_FLAG")) {
                assertThat(rule.inputs()).as(rule.name()).doesNotContainAnyElementsOf(ClinicalTerms.SLEEP_FIELDS);
            }
        }
    }

    // ---- §6.8 Red flags still run outside scope --------------------------------------------------

    @Provide
    Arbitrary<List<PatientFacts>> childAndSameAt16() {
        return Combinators.combine(Patients.valid(), Arbitraries.integers().between(0, 15)).as((patient, age) -> {
            Map<FactField, Object> facts = Patients.valuesOf(patient);
            facts.put(FactField.AGE_YEARS, age);
            PatientFacts child = Patients.build(Patients.makeValid(facts));
            return List.of(child, Patients.with(child, Map.of(FactField.AGE_YEARS, 16)));
        });
    }

    @Property(tries = 1000)
    void under16_getsTheSameRedFlagsAndARoutineFloor(@ForAll("childAndSameAt16") List<PatientFacts> pair) {
        Assessment child = Fixtures.assess(pair.get(0));
        Assessment adult = Fixtures.assess(pair.get(1));

        assertThat(Fixtures.presentedRules(child)).contains("DQ-02");
        assertThat(redFlagRules(child)).isEqualTo(redFlagRules(adult));
        // the children rule (§9.3): a ROUTINE floor, SOON with a paediatric red flag
        Urgency childFloor = Fixtures.finding(child, "DQ-02").urgency();
        Urgency expected = adult.highestUrgency().isMoreUrgentThan(childFloor) ? adult.highestUrgency() : childFloor;
        assertThat(child.highestUrgency()).isEqualTo(expected);
    }

    // ---- §6.9 Traceability -----------------------------------------------------------------------

    @Property(tries = 1000)
    void everyFinding_isTracedToItsRuleSourcesAndTheFactsThatFiredIt(@ForAll("patients") PatientFacts patient) {
        Set<String> register = TestKnowledge.sources().keySet();
        for (Finding finding : allFindings(Fixtures.assess(patient))) {
            assertThat(finding.ruleId()).matches("[A-Z]+-\\d\\d([a-z]|-LOW|-MEDIUM|-HIGH)?");
            assertThat(finding.ruleVersion()).isNotBlank();
            assertThat(finding.code()).isNotBlank();
            assertThat(finding.category()).isNotNull();
            assertThat(finding.rationale()).isNotBlank();
            assertThat(finding.advice()).isNotBlank();
            assertThat(finding.evidence()).isNotNull();
            assertThat(finding.sources()).isNotEmpty();
            assertThat(finding.sources()).extracting(Source::id).allMatch(register::contains);
            assertThat(finding.urgency() == null).as("only DQ-03 is informational")
                    .isEqualTo(finding.ruleId().equals("DQ-03"));
            finding.inputsUsed().forEach((name, value) -> {
                FactField field = FactField.byName(name);
                assertThat(field).as("%s cites %s", finding.ruleId(), name).isNotNull();
                assertThat(value).as("%s cites %s as the patient's answer", finding.ruleId(), name)
                        .isEqualTo(field.read(patient));
            });
            for (String name : finding.inputsMissing()) {
                FactField field = FactField.byName(name);
                assertThat(field).as("%s lists %s as missing", finding.ruleId(), name).isNotNull();
                assertThat(field.isUnknown(patient)).as("%s lists %s as missing", finding.ruleId(), name).isTrue();
            }
        }
    }

    // ---- §6.10 Never empty; invalid input is never assessed --------------------------------------

    @Property(tries = 1000)
    void everyAssessment_hasAnUrgencyBearingFinding(@ForAll("patients") PatientFacts patient) {
        Assessment result = Fixtures.assess(patient);

        List<Urgency> urgencies = result.findings().stream().map(Finding::urgency).filter(u -> u != null).toList();
        assertThat(urgencies).isNotEmpty();
        assertThat(result.highestUrgency()).isEqualTo(urgencies.stream().min(Urgency::compareTo).orElseThrow());
        assertThat(urgencies).as("most urgent first").isSorted();
    }

    /** One way to make facts invalid, and the field whose problem must be reported. */
    record Invalid(String field, Map<FactField, Object> values) {
    }

    @Provide
    Arbitrary<Invalid> invalidChanges() {
        List<Arbitrary<Invalid>> kinds = new ArrayList<>();
        for (FactField field : FactField.ALL) {
            if (field.kind() == FactField.Kind.INTEGER) {
                kinds.add(Arbitraries.oneOf(
                        Arbitraries.integers().between(Integer.MIN_VALUE, (int) field.min() - 1),
                        Arbitraries.integers().between((int) field.max() + 1, Integer.MAX_VALUE))
                        .map(v -> new Invalid(field.fieldName(), Map.of(field, v))));
            } else if (field.kind() == FactField.Kind.DECIMAL) {
                kinds.add(Arbitraries.oneOf(
                        Arbitraries.doubles().between(-1e9, field.min()).filter(v -> v < field.min()),
                        Arbitraries.doubles().between(field.max(), 1e9).filter(v -> v > field.max()),
                        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY))
                        .map(v -> new Invalid(field.fieldName(), Map.of(field, v))));
            }
        }
        // A temperature in degrees Fahrenheit.
        kinds.add(Arbitraries.doubles().between(95.0, 107.0).ofScale(1)
                .map(v -> new Invalid("temperatureC", Map.of(FactField.TEMPERATURE_C, v))));
        kinds.add(Arbitraries.integers().between(0, 119).flatMap(age -> Arbitraries.integers().between(age + 1, 120)
                .map(onset -> new Invalid("ageAtOnsetYears",
                        Map.of(FactField.AGE_YEARS, age, FactField.AGE_AT_ONSET_YEARS, onset)))));
        kinds.add(Arbitraries.integers().between(0, 18).flatMap(age -> Arbitraries.doubles()
                .between((age + 1) * 52.0, 1040.0).filter(w -> w > (age + 1) * 52.0)
                .map(weeks -> new Invalid("symptomDurationWeeks",
                        Map.of(FactField.AGE_YEARS, age, FactField.SYMPTOM_DURATION_WEEKS, weeks)))));
        kinds.add(Arbitraries.integers().between(0, 4).flatMap(total -> Arbitraries.integers().between(total + 1, 5)
                .map(psychosocial -> new Invalid("startBackPsychosocial",
                        Map.of(FactField.START_BACK_TOTAL, total, FactField.START_BACK_PSYCHOSOCIAL, psychosocial)))));
        kinds.add(Arbitraries.just(new Invalid("weaknessProgressive",
                Map.of(FactField.WEAKNESS_PROGRESSIVE, TriState.YES, FactField.MOTOR_WEAKNESS, MotorWeakness.NONE))));
        kinds.add(Arbitraries.just(new Invalid("contusionOrAbrasion",
                Map.of(FactField.CONTUSION_OR_ABRASION, TriState.YES, FactField.TRAUMA, Trauma.NONE))));
        // clinical-knowledge §9.1
        kinds.add(Arbitraries.just(new Invalid("pregnant",
                Map.of(FactField.PREGNANT, TriState.YES, FactField.SEX, Sex.MALE))));
        kinds.add(Arbitraries.of(TriState.NO, TriState.UNKNOWN).flatMap(pregnant -> Arbitraries.integers().between(0, 45)
                .map(weeks -> new Invalid("gestationWeeks",
                        Map.of(FactField.PREGNANT, pregnant, FactField.GESTATION_WEEKS, weeks)))));
        return Arbitraries.oneOf(kinds);
    }

    @Property(tries = 1000)
    void invalidFacts_areRejectedNamingTheField_neverAssessed(@ForAll("patients") PatientFacts patient,
                                                              @ForAll("invalidChanges") Invalid invalid) {
        PatientFacts.Builder builder = patient.toBuilder();
        invalid.values().forEach((field, value) -> field.write(builder, value));

        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(InvalidPatientFactsException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::field).contains(invalid.field());
                    assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
                });
    }

    // ---- §6.11 Referral consistency --------------------------------------------------------------

    @Property(tries = 1000)
    void referrals_areConsistentWithTheFindings(@ForAll("patients") PatientFacts patient) {
        Assessment result = Fixtures.assess(patient);

        if (result.highestUrgency() == Urgency.EMERGENCY) {
            assertThat(result.referrals()).contains(Referral.EMERGENCY_DEPARTMENT);
        }
        Set<Referral> union = EnumSet.noneOf(Referral.class);
        for (Finding finding : result.findings()) {
            union.addAll(finding.referrals());
            if (finding.urgency() == Urgency.EMERGENCY) {
                assertThat(finding.referrals()).as(finding.ruleId()).contains(Referral.EMERGENCY_DEPARTMENT);
            }
            if (finding.ruleId().equals("RTN-02") || finding.ruleId().equals("RTN-03")) {
                assertThat(finding.referrals()).as(finding.ruleId()).contains(Referral.RHEUMATOLOGY);
            }
            if (Set.of("CAUDA_EQUINA_SUSPECTED", "SEVERE_NEURO_DEFICIT", "MSCC_SUSPECTED").contains(finding.code())) {
                assertThat(finding.referrals()).as(finding.ruleId()).containsAnyElementsOf(SPINAL_OR_ONCOLOGY_TEAMS);
            }
        }
        assertThat(Set.copyOf(result.referrals())).as("referrals are the union of the presented findings'")
                .isEqualTo(union);
        assertThat(result.referrals()).doesNotHaveDuplicates();
    }
}
