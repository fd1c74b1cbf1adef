package org.nightpain.cds;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The facts cannot be assessed: a value is out of range or two values contradict each other.
 * {@link #problems()} lists every problem found, not only the first. Nothing is assessed from invalid
 * facts.
 */
public final class InvalidPatientFactsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /**
     * Makes the exception from every problem found.
     *
     * @param problems every problem found; at least one
     */
    public InvalidPatientFactsException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** {@return every problem found, in field order} */
    public List<Problem> problems() {
        return problems;
    }

    // The message names fields and rules but never repeats the values, so that a logged exception
    // carries no patient data; the values are in problems().
    private static String describe(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidPatientFactsException needs at least one problem");
        }
        return "Invalid patient facts (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "): "
                + problems.stream()
                        .map(p -> (p.field() == null ? "" : p.field() + " ") + p.message())
                        .collect(Collectors.joining("; "));
    }
}
