package org.nightpain.cds.json;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A request that cannot be assessed: it is not JSON ({@link ErrorCode#MALFORMED_JSON}) or its facts
 * are not valid ({@link ErrorCode#INVALID_INPUT}). {@link #problems()} lists every problem found.
 */
final class JsonInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String id;
    private final transient List<JsonProblem> problems;

    JsonInputException(ErrorCode code, String id, List<JsonProblem> problems) {
        super(describe(code, problems));
        if (code == ErrorCode.INTERNAL_ERROR || problems.isEmpty()) {
            throw new IllegalArgumentException("an input error needs an input error code and a problem");
        }
        this.code = code;
        this.id = id;
        this.problems = List.copyOf(problems);
    }

    /** {@link ErrorCode#INVALID_INPUT} or {@link ErrorCode#MALFORMED_JSON}. */
    public ErrorCode code() {
        return code;
    }

    /** The request's {@code "id"} when it could be read, else null. */
    public String id() {
        return id;
    }

    /** Every problem found, at least one. */
    public List<JsonProblem> problems() {
        return problems;
    }

    // Keys and messages only, never values, so that a logged exception carries no patient data.
    private static String describe(ErrorCode code, List<JsonProblem> problems) {
        return Objects.requireNonNull(code, "code") + ": "
                + problems.stream().map(JsonProblem::toString).collect(Collectors.joining("; "));
    }
}
