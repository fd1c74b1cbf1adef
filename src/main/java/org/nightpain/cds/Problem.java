package org.nightpain.cds;

import java.util.Objects;

/**
 * One thing wrong with the facts given.
 *
 * @param field   the §4.1 field name, or null when the problem is not about one field
 * @param value   the value that was given (may be null)
 * @param message what is allowed, in plain words
 */
public record Problem(String field, Object value, String message) {
    /**
     * Checks that the problem says what is allowed.
     *
     * @param field the §4.1 field name, or null when the problem is not about one field
     * @param value the value that was given (may be null)
     * @param message what is allowed, in plain words
     * @throws NullPointerException when message is null
     */
    public Problem {
        Objects.requireNonNull(message, "message");
    }

    /** Field and message only: the value is left out so that a logged problem carries no patient data. */
    @Override
    public String toString() {
        return (field == null ? "" : field + ": ") + message;
    }
}
