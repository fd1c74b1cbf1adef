package org.nightpain.cds.screening;

import java.util.Comparator;

/**
 * One screened record of a Bulk Data export as read from its file, not yet parsed as FHIR.
 *
 * @param resourceType the resource type, one of {@link RecordClassifier#SCREENED_TYPES}
 * @param id           the resource id
 * @param json         the line's bytes, UTF-8
 * @param file         the name of the file it came from
 * @param position     where in the file: the line number (the command line) or the byte offset (Spark)
 * @param where        the file and position in words, for messages ("Condition.ndjson:17")
 */
public record RawRecord(String resourceType, String id, byte[] json, String file, long position, String where) {
    /**
     * The order in which a patient's records are read: by type, id, file and position. Neither the
     * order of the files nor that of the lines changes what a patient's facts are.
     */
    static final Comparator<RawRecord> ORDER = Comparator
            .comparingInt((RawRecord r) -> RecordClassifier.SCREENED_TYPES.indexOf(r.resourceType()))
            .thenComparing(RawRecord::id)
            .thenComparing(RawRecord::file)
            .thenComparingLong(RawRecord::position);

    /** {@return the record's type and id, such as "Condition/c7"} */
    public String label() {
        return resourceType + "/" + id;
    }
}
