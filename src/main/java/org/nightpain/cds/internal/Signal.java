package org.nightpain.cds.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nightpain.cds.TriState;

/**
 * A derived fact inferred by an inference rule (clinical-knowledge §3.9), with the patient facts it
 * was inferred from: a yes-or-no fact (fever), a derived number (the age at onset), or the count of
 * the criteria of a score that are met and unanswered (the ASAS items). One rule infers each kind, so
 * a session holds at most one signal of a kind, except malignancy features, which two rules infer.
 * Decision rules match signals instead of repeating the inference, and pass their basis on to the
 * findings they raise, so every finding can say which facts fired it.
 * Internal: not part of the API.
 */
public final class Signal extends BasisRecorder<Signal> {
    private final Derived kind;
    private final double value;
    private List<String> unknownFields;
    private int met;
    private int unanswered;

    private Signal(Derived kind, double value) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.value = value;
    }

    /** A signal of this kind; the rule records its basis with the chained methods. */
    public static Signal of(Derived kind) {
        return new Signal(kind, Double.NaN);
    }

    /**
     * A count of the criteria of a score that are met and of those left unanswered, such as the five ASAS
     * items: the rule adds one criterion per chained {@code metIf}/{@code unansweredIf} pair.
     */
    public static Signal criteria(Derived kind) {
        return new Signal(kind, Double.NaN);
    }

    /** A signal that carries a derived number, such as the age at onset; record its basis by chaining. */
    public static Signal ofValue(Derived kind, double value) {
        return new Signal(kind, value);
    }

    /** A signal inferred from another signal; it keeps that signal's basis and derived number. */
    public static Signal from(Derived kind, Signal cause) {
        Signal signal = new Signal(kind, cause.value);
        signal.because(cause);
        return signal;
    }

    /** Counts a criterion as met, citing one fact, when the condition holds. */
    public Signal metIf(boolean condition, String field, Object value) {
        if (condition) {
            met++;
            with(field, value);
        }
        return this;
    }

    /** Counts a criterion as met, citing two facts, when the condition holds. */
    public Signal metIf(boolean condition, String field, Object value, String otherField, Object otherValue) {
        if (condition) {
            met++;
            with(field, value);
            with(otherField, otherValue);
        }
        return this;
    }

    /** Counts a criterion as met, citing the facts of the signal it rests on, when the condition holds. */
    public Signal metIf(boolean condition, Signal cause) {
        if (condition) {
            met++;
            because(cause);
        }
        return this;
    }

    /** Counts a criterion met by either of two answers being YES, citing each that is. */
    public Signal metIfEitherYes(String field, TriState value, String otherField, TriState otherValue) {
        if (value == TriState.YES || otherValue == TriState.YES) {
            met++;
            withYes(field, value);
            withYes(otherField, otherValue);
        }
        return this;
    }

    /** Counts a criterion as unanswered, naming its unknown fields (null names are left out), when the condition holds. */
    public Signal unansweredIf(boolean condition, String... fields) {
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

    /** The number of criteria met (for {@link #criteria} signals). */
    public int getMet() {
        return met;
    }

    /** The number of criteria left unanswered (for {@link #criteria} signals). */
    public int getUnanswered() {
        return unanswered;
    }

    /** True when the derived number could not be worked out (it is NaN). */
    public boolean isValueUnknown() {
        return Double.isNaN(value);
    }

    @Override
    Signal self() {
        return this;
    }

    public Derived getKind() {
        return kind;
    }

    /** The derived number, or NaN when the signal carries none. */
    public double getValue() {
        return value;
    }

    /** The fields whose unknown answer this signal reports. */
    List<String> unknownFields() {
        return unknownFields == null ? List.of() : unknownFields;
    }

    @Override
    public String toString() {
        return "Signal[" + kind + "]";
    }
}
