package org.nightpain.cds.json;

import java.util.Objects;
import org.nightpain.cds.Problem;

/**
 * One thing wrong with a request.
 *
 * @param field   the request key at fault, or null when the problem is not about one key
 * @param value   the value given for it: a string, number or boolean as it was sent, or null
 * @param message what is allowed, in plain words
 * @param line    for {@link ErrorCode#MALFORMED_JSON}: the line (from 1) where parsing failed; else null
 * @param column  for {@link ErrorCode#MALFORMED_JSON}: the column (from 1) where parsing failed; else null
 */
public record JsonProblem(String field, Object value, String message, Integer line, Integer column) {
    /**
     * Checks that the problem says what is allowed.
     *
     * @param field the request key at fault, or null when the problem is not about one key
     * @param value the value given for it: a string, number or boolean as it was sent, or null
     * @param message what is allowed, in plain words
     * @param line for {@link ErrorCode#MALFORMED_JSON}: the line (from 1) where parsing failed; else null
     * @param column for {@link ErrorCode#MALFORMED_JSON}: the column (from 1) where parsing failed; else null
     * @throws NullPointerException when message is null
     */
    public JsonProblem {
        Objects.requireNonNull(message, "message");
    }

    /**
     * Makes a problem about one key, without a position.
     *
     * @param field   the request key at fault, or null when the problem is not about one key
     * @param value   the value given for it, or null
     * @param message what is allowed, in plain words
     * @return the problem
     */
    public static JsonProblem of(String field, Object value, String message) {
        return new JsonProblem(field, value, message, null, null);
    }

    static JsonProblem of(Problem problem) {
        return of(problem.field(), problem.value(), problem.message());
    }

    /** Field and message only: a logged problem carries no patient data. */
    @Override
    public String toString() {
        return (field == null ? "" : field + ": ") + message;
    }
}
