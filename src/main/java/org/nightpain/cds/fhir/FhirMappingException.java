package org.nightpain.cds.fhir;

import java.util.List;
import java.util.stream.Collectors;
import org.nightpain.cds.Problem;

/**
 * A patient's FHIR records cannot be turned into valid facts: an answer has the wrong type, a value is
 * out of range, a birth date cannot be read. {@link #problems()} lists every problem, each naming the
 * fact or the record at fault; nothing is assessed from them.
 */
public final class FhirMappingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    FhirMappingException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** {@return every problem found, at least one} */
    public List<Problem> problems() {
        return problems;
    }
}
