package org.nightpain.cds.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** However a record names its patient, the patient gets one key; anything that is not a patient gets none. */
class PatientReferenceTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "Patient/p1                                        | -       | p1 | false",
        "https://ehr.example.org/fhir/Patient/p1           | -       | p1 | false",
        "https://ehr.example.org/fhir/Patient/p1/_history/3 | -      | p1 | false",
        "Patient/p1/_history/3                             | -       | p1 | false",
        "urn:uuid:6f1d3a1e-4c55-4d7e-9a36-0d5c1f1b2b77     | -       | 6f1d3a1e-4c55-4d7e-9a36-0d5c1f1b2b77 | false",
        "urn:uuid:6f1d3a1e-4c55-4d7e-9a36-0d5c1f1b2b77     | Patient | 6f1d3a1e-4c55-4d7e-9a36-0d5c1f1b2b77 | false",
        "urn:uuid:6f1d3a1e-4c55-4d7e-9a36-0d5c1f1b2b77     | Group   | -  | true",
        "Group/g1                                          | -       | -  | true",
        "https://ehr.example.org/fhir/Practitioner/d1      | -       | -  | true",
        "#contained-1                                      | -       | -  | false",
        "Patient?identifier=123                            | -       | -  | false",
        "p1                                                | -       | -  | false",
        "urn:uuid:                                         | -       | -  | false"})
    void references_giveThePatientsId(String reference, String type, String id, boolean otherType) {
        PatientReference parsed = PatientReference.parse(reference, type);
        assertThat(parsed.patientId()).isEqualTo(id);
        assertThat(parsed.otherType()).isEqualTo(otherType);
    }
}
