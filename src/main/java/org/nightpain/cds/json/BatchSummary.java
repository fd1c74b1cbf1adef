package org.nightpain.cds.json;

/**
 * What happened to the requests of one call.
 *
 * @param records        requests read (blank lines are not requests)
 * @param invalid        requests answered with an {@link ErrorCode#INVALID_INPUT} or
 *                       {@link ErrorCode#MALFORMED_JSON} error
 * @param internalErrors requests answered with an {@link ErrorCode#INTERNAL_ERROR} error
 */
public record BatchSummary(long records, long invalid, long internalErrors) {
    /** {@return the number of requests that were assessed and answered with a result} */
    public long assessed() {
        return records - invalid - internalErrors;
    }
}
