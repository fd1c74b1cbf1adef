package org.nightpain.cds.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nightpain.cds.FactField;
import org.nightpain.cds.PatientFacts;

/**
 * The facts' sources keep the order the mapper gave them, so that a screen's rows and a card's list read
 * the same in every run; a copy in {@code Map.copyOf}'s order changed from one JVM to the next.
 */
class MappedFactsTest {

    @Test
    void sources_keepTheirOrder_andCannotBeChanged() {
        Map<String, String> sources = new LinkedHashMap<>();
        List<FactField> fields = new ArrayList<>(FactField.ALL);
        Collections.reverse(fields);
        for (FactField field : fields) {
            sources.put(field.fieldName(), "QuestionnaireResponse/q1");
        }

        MappedFacts mapped = new MappedFacts(PatientFacts.builder().build(), true, sources, List.of(), List.of());
        sources.clear();

        assertThat(mapped.sources().keySet()).containsExactlyElementsOf(fields.stream().map(FactField::fieldName).toList());
        assertThatThrownBy(() -> mapped.sources().put("ageYears", "Patient/p1"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
