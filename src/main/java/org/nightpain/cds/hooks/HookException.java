package org.nightpain.cds.hooks;

import java.util.List;
import org.nightpain.cds.Problem;

/**
 * A request the service answers with an error instead of cards: an HTTP status, a code in the style of
 * the JSON contract ({@code MALFORMED_JSON}, {@code INVALID_INPUT}, {@code DATA_UNAVAILABLE}, ...) and
 * every problem found, each naming what is wrong.
 */
final class HookException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient List<Problem> problems;

    HookException(int status, String code, String message, List<Problem> problems) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    /** A 400 INVALID_INPUT listing every problem. */
    static HookException invalid(List<Problem> problems) {
        return new HookException(400, "INVALID_INPUT",
                "The request is not a valid call of this service (" + problems.size() + " problem"
                        + (problems.size() == 1 ? "" : "s") + ").", problems);
    }

    /** A 400 INVALID_INPUT about one part of the request. */
    static HookException invalid(String field, Object value, String message) {
        return invalid(List.of(new Problem(field, value, message)));
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    List<Problem> problems() {
        return problems;
    }
}
