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
     * A derived fact of this kind; the rule records its basis with the chained methods. A score (such as
     * the five ASAS items) counts its criteria with one chained {@code metIf}/{@code unansweredIf} pair
     * per criterion.
     */
    public static DerivedFact of(DerivedKind kind) {
        return new DerivedFact(kind, Double.NaN);
    }

    /** A derived fact that carries a derived number, such as the age at onset; record its basis by chaining. */
    public static DerivedFact ofValue(DerivedKind kind, double value) {
        return new DerivedFact(kind, value);
    }

    /** A derived fact inferred from another; it keeps that one's basis and derived number. */
    public static DerivedFact from(DerivedKind kind, DerivedFact cause) {
        DerivedFact derived = new DerivedFact(kind, cause.value);
        derived.because(cause);
        return derived;
    }

    /** Counts a criterion as met, citing one fact, when the condition holds. */
    public DerivedFact metIf(boolean condition, String field, Object value) {
        if (condition) {
            met++;
            with(field, value);
        }
        return this;
    }

    /** Counts a criterion as met, citing two facts, when the condition holds. */
    public DerivedFact metIf(boolean condition, String field, Object value, String otherField, Object otherValue) {
        if (condition) {
            met++;
            with(field, value);
            with(otherField, otherValue);
        }
        return this;
    }

    /** Counts a criterion as met, citing the facts of the derived fact it rests on, when the condition holds. */
    public DerivedFact metIf(boolean condition, DerivedFact cause) {
        if (condition) {
            met++;
            because(cause);
        }
        return this;
    }

    /** Counts a criterion met by either of two answers being YES, citing each that is. */
    public DerivedFact metIfEitherYes(String field, TriState value, String otherField, TriState otherValue) {
        if (value == TriState.YES || otherValue == TriState.YES) {
            met++;
            withYes(field, value);
            withYes(otherField, otherValue);
        }
        return this;
    }

    /** Counts a criterion as unanswered, naming its unknown fields (null names are left out), when the condition holds. */
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

    /** The number of criteria met (for scores). */
    public int getMet() {
        return met;
    }

    /** The number of criteria left unanswered (for scores). */
    public int getUnanswered() {
        return unanswered;
    }

    /** True when the derived number could not be worked out (it is NaN). */
    public boolean isValueUnknown() {
        return Double.isNaN(value);
    }

    @Override
    DerivedFact self() {
        return this;
    }

    public DerivedKind getKind() {
        return kind;
    }

    /** The derived number, or NaN when it carries none. */
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
