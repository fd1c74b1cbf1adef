package org.nightpain.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link FactField} reads and writes each field through its own case of a switch; a case that names
 * the wrong accessor would give a finding the wrong fact. Checked here against the record itself.
 */
class FactFieldTest {
    private static final RecordComponent[] COMPONENTS = PatientFacts.class.getRecordComponents();

    @Test
    void everyRecordComponentHasItsField_inRecordOrder() {
        List<String> components = Arrays.stream(COMPONENTS).map(RecordComponent::getName).toList();
        List<String> fields = FactField.ALL.stream().map(FactField::fieldName).toList();
        assertThat(fields).isEqualTo(components);
    }

    @ParameterizedTest
    @EnumSource(FactField.class)
    void writeSetsOnlyThatComponent_andReadGivesItBack(FactField field) throws Exception {
        Object value = aKnownValue(field);
        PatientFacts.Builder builder = PatientFacts.builder();
        // weeks of pregnancy are valid only in a pregnancy
        boolean needsPregnancy = field == FactField.GESTATION_WEEKS;
        if (needsPregnancy) {
            builder.pregnant(TriState.YES);
        }
        field.write(builder, value);
        PatientFacts facts = builder.build();

        for (RecordComponent component : COMPONENTS) {
            Object actual = component.getAccessor().invoke(facts);
            if (component.getName().equals(field.fieldName())) {
                assertThat(actual).as(component.getName()).isEqualTo(value);
            } else if (needsPregnancy && component.getName().equals("pregnant")) {
                assertThat(actual).isEqualTo(TriState.YES);
            } else {
                FactField other = FactField.byName(component.getName());
                assertThat(other.isUnknown(facts)).as(component.getName() + " after writing " + field).isTrue();
            }
        }
        assertThat(field.read(facts)).isEqualTo(value);
        assertThat(field.isUnknown(facts)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(FactField.class)
    void readMatchesTheRecordAccessor_onAPatientWithEveryFieldKnown(FactField field) throws Exception {
        PatientFacts.Builder builder = PatientFacts.builder();
        for (FactField each : FactField.ALL) {
            each.write(builder, aKnownValue(each));
        }
        PatientFacts facts = builder.build();
        RecordComponent component = COMPONENTS[field.ordinal()];
        assertThat(field.read(facts)).isSameAs(component.getAccessor().invoke(facts));
    }

    /**
     * A valid value that is not unknown, and valid beside the others: YES, the last named answer (so
     * that a weakness or a trauma is present), or the lowest number allowed.
     */
    private static Object aKnownValue(FactField field) {
        return switch (field.kind()) {
            case TRI_STATE -> TriState.YES;
            case ENUMERATED -> Arrays.stream(field.enumType().getEnumConstants())
                    .filter(constant -> !constant.name().equals("UNKNOWN"))
                    .reduce((first, second) -> second).orElseThrow();
            case INTEGER -> (int) field.min();
            case DECIMAL -> field.min();
        };
    }
}
