package org.nightpain.cds.screening;

/**
 * Why a record of a Bulk Data export was not used to assess a patient. Every record read is either
 * used, or skipped or invalid for one of these reasons; the summary counts them by {@link #code()}.
 */
public enum RecordReason {
    /** A resource type that screening does not read (Encounter, Procedure, ...). */
    TYPE_NOT_SCREENED(false, "type-not-screened", "a resource type that screening does not read"),
    /** A byte-for-byte copy of a record already read for the same patient. */
    DUPLICATE(false, "duplicate", "an exact copy of a record already read"),
    /** It refers to a patient whose Patient resource is not in the export. */
    PATIENT_NOT_IN_EXPORT(false, "patient-not-in-export", "refers to a patient whose Patient resource is not in the export"),
    /** Another record of the same patient is invalid, or the patient's facts are: the patient is not assessed. */
    PATIENT_NOT_ASSESSED(false, "patient-not-assessed", "belongs to a patient who could not be assessed"),

    /** The line holds bytes that are not UTF-8. */
    NOT_UTF8(true, "not-utf-8", "the line is not UTF-8"),
    /** The line is not one JSON value: cut off, a syntax error, or two values. */
    MALFORMED_JSON(true, "malformed-json", "the line is not one JSON value (cut off, or a syntax error)"),
    /** The line is longer than screening reads. */
    LINE_TOO_LONG(true, "line-too-long", "the line is longer than " + RecordClassifier.MAX_LINE_BYTES + " bytes"),
    /** JSON, but not an object with a {@code resourceType}. */
    NO_RESOURCE_TYPE(true, "no-resource-type", "JSON without a resourceType: not a FHIR resource"),
    /** A resource of a screened type without an {@code id}. */
    NO_ID(true, "no-id", "a resource without an id"),
    /** A resource of a screened type that names no patient. */
    NO_PATIENT_REFERENCE(true, "no-patient-reference", "names no patient (subject, or a QuestionnaireResponse's source or author)"),
    /** A resource whose subject is not a Patient (a Group, a Device). */
    NOT_A_PATIENT(true, "subject-not-a-patient", "its subject is not a Patient"),
    /** The FHIR parser cannot read the resource (a date that is not a date, a wrong JSON type). */
    UNREADABLE_FHIR(true, "unreadable-fhir", "not readable as a FHIR R4 resource"),
    /** The same resource id twice for one patient with different contents: which one holds is unknown. */
    CONFLICTING_DUPLICATE(true, "conflicting-duplicate", "the same resource id twice with different contents");

    private final boolean invalid;
    private final String code;
    private final String description;

    RecordReason(boolean invalid, String code, String description) {
        this.invalid = invalid;
        this.code = code;
        this.description = description;
    }

    /** {@return true when the record is invalid (it makes the run's exit code 3); false when it is skipped} */
    public boolean invalid() {
        return invalid;
    }

    /** {@return the reason's name in the summary, such as {@code malformed-json}} */
    public String code() {
        return code;
    }

    /** {@return the reason in plain words, such as "the line is not UTF-8"} */
    public String description() {
        return description;
    }

    /**
     * The reason of a code.
     *
     * @param code a reason's name in the summary, such as {@code malformed-json}
     * @return the reason of this code; null when there is none
     */
    public static RecordReason byCode(String code) {
        for (RecordReason reason : values()) {
            if (reason.code.equals(code)) {
                return reason;
            }
        }
        return null;
    }
}
