package org.nightpain.cds.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterProperty;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Fixtures;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.RuleInfo;
import org.nightpain.cds.Urgency;
import org.nightpain.cds.FactField;

/**
 * The patient generator is only as good as what it reaches. With a fixed seed (so that the check
 * cannot flicker), this draws patients and checks that every field takes every value, UNKNOWN and
 * absent included, that both sides of every §3.10 threshold occur, that every urgency occurs and that
 * every decision rule fires at least once (except the fail-safe FB-01, which cannot fire).
 */
class PatientsGeneratorTest {
    private static final Object ABSENT = "absent";

    /** Both sides of each threshold of clinical-knowledge §3.10, as the generator must produce them. */
    private static final Map<FactField, List<Object>> BOUNDARIES = Map.ofEntries(
            Map.entry(FactField.AGE_YEARS, List.of(4, 5, 15, 16, 39, 40, 49, 50, 59, 60, 64, 65, 70, 71)),
            Map.entry(FactField.GESTATION_WEEKS, List.of(27, 28)),
            Map.entry(FactField.PAIN_SEVERITY_NRS, List.of(7, 8)),
            Map.entry(FactField.AGE_AT_ONSET_YEARS, List.of(34, 35, 39, 40, 44, 45)),
            Map.entry(FactField.SYMPTOM_DURATION_WEEKS, List.of(3.9, 4.0, 5.9, 6.0, 12.0, 12.1, 12.9, 13.0)),
            Map.entry(FactField.TEMPERATURE_C, List.of(37.9, 38.0)),
            Map.entry(FactField.WEIGHT_LOSS_KG, List.of(4.4, 4.5)),
            Map.entry(FactField.WEIGHT_LOSS_PERCENT, List.of(4.9, 5.0)),
            Map.entry(FactField.WEIGHT_LOSS_PERIOD_MONTHS, List.of(12.0, 12.1)),
            Map.entry(FactField.MORNING_STIFFNESS_MINUTES, List.of(0, 1, 30, 31)),
            Map.entry(FactField.START_BACK_TOTAL, List.of(3, 4)),
            Map.entry(FactField.START_BACK_PSYCHOSOCIAL, List.of(3, 4)));

    private final Map<FactField, Set<Object>> seen = new EnumMap<>(FactField.class);
    private final Set<Urgency> urgencies = EnumSet.noneOf(Urgency.class);
    private final Set<String> firedRules = new HashSet<>();

    @Provide
    Arbitrary<PatientFacts> patients() {
        return Patients.valid();
    }

    @Property(tries = 4000, seed = "20261125", shrinking = ShrinkingMode.OFF)
    void generatedPatients_areValidAndAssessable(@ForAll("patients") PatientFacts patient) {
        for (FactField field : FactField.ALL) {
            Object value = field.read(patient);
            seen.computeIfAbsent(field, f -> new HashSet<>()).add(value == null ? ABSENT : value);
        }
        Assessment result = Fixtures.assess(patient);
        urgencies.add(result.highestUrgency());
        firedRules.addAll(ClinicalTerms.ruleIds(ClinicalTerms.allFindings(result)));
    }

    @AfterProperty
    void generatorReachedEverything() {
        for (FactField field : FactField.ALL) {
            Set<Object> values = seen.get(field);
            if (field.enumType() != null) {
                assertThat(values).as(field.fieldName()).containsAll(List.of(field.enumType().getEnumConstants()));
            } else {
                assertThat(values).as(field.fieldName() + " absent").contains(ABSENT);
                assertThat(values).as(field.fieldName() + " given").hasSizeGreaterThan(5);
            }
        }
        BOUNDARIES.forEach((field, values) ->
                assertThat(seen.get(field)).as(field.fieldName() + " boundaries").containsAll(values));
        assertThat(urgencies).as("urgencies reached").containsExactlyInAnyOrder(Urgency.values());
        Set<String> decisionRules = Fixtures.ASSESSOR.rules().stream().map(RuleInfo::id)
                .filter(id -> !id.equals("FB-01")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(firedRules).as("decision rules fired").containsAll(decisionRules);
    }
}
