package org.nightpain.cds.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nightpain.cds.TriState;

/**
 * A derived fact inferred by an inference rule (clinical-knowledge §3.9), with the patient facts it
 * was inferred from: a yes-or-no fact (fever), a derived number (the age at onset), or the count of
 * the criteria of a score that are met and unanswered (the ASAS items). One rule infers each kind, so
 * a session holds at most one derived fact of a kind, except malignancy features, which two rules
 * infer. Decision rules match derived facts instead of repeating the inference, and pass their basis
 * on to the findings they raise, so every finding can say which facts fired it.
 *
 * <p>Public only because the rule model generated from the DRL (package {@code org.nightpain.cds.rules})
 * creates and matches it; not part of the API.
 */
public final class DerivedFact extends BasisRecorder<DerivedFact> {
    private final DerivedKind kind;
    private final double value;
    private List<String> unknownFields;
    private int met;
    private int unanswered;

    private DerivedFact(DerivedKind kind, double value) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.value = value;
    }

    /**
     * Starts a derived fact of this kind; the rule records its basis with the chained methods. A score (such
     * as the five ASAS items) counts its criteria with one chained {@code metIf}/{@code unansweredIf} pair
     * per criterion.
     *
     * @param kind what was inferred
     * @return the derived fact, with no basis yet
     */
    public static DerivedFact of(DerivedKind kind) {
        return new DerivedFact(kind, Double.NaN);
    }

    /**
     * Starts a derived fact that carries a derived number, such as the age at onset; record its basis by chaining.
     *
     * @param kind what was inferred
     * @param value the derived number, NaN when it cannot be worked out
     * @return the derived fact, with no basis yet
     */
    public static DerivedFact ofValue(DerivedKind kind, double value) {
        return new DerivedFact(kind, value);
    }

    /**
     * Starts a derived fact inferred from another; it keeps that one's basis and derived number.
     *
     * @param kind what was inferred
     * @param cause the derived fact it was inferred from
     * @return the derived fact, with the basis of {@code cause}
     */
    public static DerivedFact from(DerivedKind kind, DerivedFact cause) {
        DerivedFact derived = new DerivedFact(kind, cause.value);
        derived.because(cause);
        return derived;
    }

    /**
     * Counts a criterion as met, citing one fact, when the condition holds.
     *
     * @param condition whether the criterion is met
     * @param field the name of the fact that meets it
     * @param value that fact's value
     * @return this derived fact
     */
    public DerivedFact metIf(boolean condition, String field, Object value) {
        if (condition) {
            met++;
            with(field, value);
        }
        return this;
    }

    /**
     * Counts a criterion as met, citing two facts, when the condition holds.
     *
     * @param condition whether the criterion is met
     * @param field the name of the first fact that meets it
     * @param value the first fact's value
     * @param otherField the name of the second fact
     * @param otherValue the second fact's value
     * @return this derived fact
     */
    public DerivedFact metIf(boolean condition, String field, Object value, String otherField, Object otherValue) {
        if (condition) {
            met++;
            with(field, value);
            with(otherField, otherValue);
        }
        return this;
    }

    /**
     * Counts a criterion as met, citing the facts of the derived fact it rests on, when the condition holds.
     *
     * @param condition whether the criterion is met
     * @param cause the derived fact whose basis meets it
     * @return this derived fact
     */
    public DerivedFact metIf(boolean condition, DerivedFact cause) {
        if (condition) {
            met++;
            because(cause);
        }
        return this;
    }

    /**
     * Counts a criterion met by either of two answers being YES, citing each that is.
     *
     * @param field the name of the first answer
     * @param value the first answer
     * @param otherField the name of the second answer
     * @param otherValue the second answer
     * @return this derived fact
     */
    public DerivedFact metIfEitherYes(String field, TriState value, String otherField, TriState otherValue) {
        if (value == TriState.YES || otherValue == TriState.YES) {
            met++;
            withYes(field, value);
            withYes(otherField, otherValue);
        }
        return this;
    }

    /**
     * Counts a criterion as unanswered, naming its unknown fields, when the condition holds.
     *
     * @param condition whether the criterion is unanswered
     * @param fields the names of its unknown answers; null names are left out
     * @return this derived fact
     */
    public DerivedFact unansweredIf(boolean condition, String... fields) {
        if (condition) {
            unanswered++;
            if (unknownFields == null) {
                unknownFields = new ArrayList<>(4);
            }
            for (String field : fields) {
                if (field != null) {
                    unknownFields.add(field);
                }
            }
        }
        return this;
    }

    /** {@return the number of criteria met (for scores)} */
    public int getMet() {
        return met;
    }

    /** {@return the number of criteria left unanswered (for scores)} */
    public int getUnanswered() {
        return unanswered;
    }

    /** {@return true when the derived number could not be worked out (it is NaN)} */
    public boolean isValueUnknown() {
        return Double.isNaN(value);
    }

    @Override
    DerivedFact self() {
        return this;
    }

    /** {@return what was inferred} */
    public DerivedKind getKind() {
        return kind;
    }

    /**
     * {@return the name of what was inferred} Rules match a derived fact by this name ({@code kindName ==
     * "FEVER"}) rather than by the enum constant: Drools finds the patterns a string matches with one hash
     * lookup, where it would test an enum constant against every pattern in turn. The knowledge base's
     * tests check that every name a rule writes is a {@link DerivedKind}.
     */
    public String getKindName() {
        return kind.name();
    }

    /** {@return the derived number, or NaN when it carries none} */
    public double getValue() {
        return value;
    }

    /** The fields whose unknown answer this derived fact reports. */
    List<String> unknownFields() {
        return unknownFields == null ? List.of() : unknownFields;
    }

    @Override
    public String toString() {
        return "DerivedFact[" + kind + "]";
    }
}
