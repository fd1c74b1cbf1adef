package org.nightpain.cds.screening;

/**
 * A FHIR reference read as a reference to a patient. Relative ({@code Patient/p1}), absolute
 * ({@code https://ehr.example.org/fhir/Patient/p1}, with or without {@code /_history/2}) and
 * {@code urn:uuid:} references all give the patient's id, so that one patient has one key however each
 * record names them. A {@code urn:uuid:} reference does not say its type: it is taken for a patient
 * unless the reference's {@code type} says otherwise (in a Bulk Data export the uuid is then the
 * Patient resource's id).
 *
 * @param patientId the patient's id, or null when the reference is not to a patient
 * @param otherType true when it is a readable reference to a resource of another type (a Group)
 */
record PatientReference(String patientId, boolean otherType) {
    private static final PatientReference NONE = new PatientReference(null, false);
    private static final PatientReference OTHER = new PatientReference(null, true);

    static PatientReference parse(String reference, String type) {
        String text = reference.strip();
        if (text.startsWith("urn:uuid:")) {
            String uuid = text.substring("urn:uuid:".length());
            if (uuid.isEmpty()) {
                return NONE;
            }
            return type == null || type.equals("Patient") ? new PatientReference(uuid, false) : OTHER;
        }
        if (text.isEmpty() || text.startsWith("#")) {
            return NONE;
        }
        int query = text.indexOf('?');
        if (query >= 0) {
            // A search URL ("Patient?identifier=...") names no resource.
            return NONE;
        }
        String[] parts = text.split("/");
        int last = parts.length - 1;
        if (last >= 3 && parts[last - 1].equals("_history")) {
            last -= 2;
        }
        if (last < 1 || parts[last].isEmpty()) {
            return NONE;
        }
        return parts[last - 1].equals("Patient") ? new PatientReference(parts[last], false) : OTHER;
    }
}
