package org.nightpain.cds.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A derived fact inferred by an inference rule (clinical-knowledge §3.9), with the patient facts it
 * was inferred from. One rule infers each kind of signal, so a session holds at most one signal of a
 * kind (the ASAS items and NG65 criteria, one signal per item, are the exception that decision rules
 * count). Decision rules match signals instead of repeating the inference, and pass their basis on to
 * the findings they raise, so every finding can say which facts fired it.
 * Internal: not part of the API.
 */
public final class Signal extends BasisRecorder<Signal> {
    private final Derived kind;
    private final double value;
    private List<String> unknownFields;

    private Signal(Derived kind, double value) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.value = value;
    }

    /** A signal of this kind; the rule records its basis with the chained methods. */
    public static Signal of(Derived kind) {
        return new Signal(kind, Double.NaN);
    }

    /**
     * A signal inferred from the given facts.
     *
     * @param kind         what was inferred
     * @param fieldsValues field name, value, field name, value, ...; pairs whose value is null are left out
     */
    public static Signal of(Derived kind, Object... fieldsValues) {
        if (fieldsValues.length % 2 != 0) {
            throw new IllegalArgumentException("field names and values must come in pairs");
        }
        Signal signal = new Signal(kind, Double.NaN);
        for (int i = 0; i < fieldsValues.length; i += 2) {
            signal.with((String) fieldsValues[i], fieldsValues[i + 1]);
        }
        return signal;
    }

    /** A signal that carries a derived number, such as the age at onset; record its basis by chaining. */
    public static Signal ofValue(Derived kind, double value) {
        return new Signal(kind, value);
    }

    /** A signal that some answers are unknown; null names are left out. */
    public static Signal unknown(Derived kind, String... fields) {
        Signal signal = new Signal(kind, Double.NaN);
        signal.unknownFields = new ArrayList<>(fields.length);
        for (String field : fields) {
            if (field != null) {
                signal.unknownFields.add(field);
            }
        }
        return signal;
    }

    /** A signal inferred from another signal; it keeps that signal's basis and derived number. */
    public static Signal from(Derived kind, Signal cause) {
        Signal signal = new Signal(kind, cause.value);
        signal.because(cause);
        if (cause.unknownFields != null) {
            signal.unknownFields = cause.unknownFields;
        }
        return signal;
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
