package org.nightpain.cds.internal;

import java.util.Arrays;
import java.util.Objects;

/**
 * A derived fact inferred by an inference rule (clinical-knowledge §3.9), with the patient facts it
 * was inferred from. Decision rules match signals instead of repeating the inference, and pass their
 * basis on to the findings they raise, so every finding can say which facts fired it.
 * Internal: not part of the API.
 */
public final class Signal {
    private static final Object[] NO_BASIS = new Object[0];
    private static final String[] NO_FIELDS = new String[0];

    private final Derived kind;
    private final double value;
    private final Object[] basis;
    private final String[] unknownFields;

    private Signal(Derived kind, double value, Object[] basis, String[] unknownFields) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.value = value;
        this.basis = basis;
        this.unknownFields = unknownFields;
    }

    /**
     * A signal inferred from the given facts.
     *
     * @param kind         what was inferred
     * @param fieldsValues field name, value, field name, value, ...; pairs whose value is null are left out
     */
    public static Signal of(Derived kind, Object... fieldsValues) {
        return new Signal(kind, Double.NaN, compact(fieldsValues), NO_FIELDS);
    }

    /** A signal that some answers are unknown; null names are left out. */
    public static Signal unknown(Derived kind, String... fields) {
        for (String field : fields) {
            if (field == null) {
                return new Signal(kind, Double.NaN, NO_BASIS,
                        Arrays.stream(fields).filter(Objects::nonNull).toArray(String[]::new));
            }
        }
        // No stream when there is nothing to leave out: inference rules call this on every assessment.
        return new Signal(kind, Double.NaN, NO_BASIS, fields);
    }

    /** A signal that carries a derived number, such as the age at onset. */
    public static Signal ofValue(Derived kind, double value, Object... fieldsValues) {
        return new Signal(kind, value, compact(fieldsValues), NO_FIELDS);
    }

    /** A signal inferred from another signal; it keeps that signal's basis. */
    public static Signal from(Derived kind, Signal cause, Object... fieldsValues) {
        Object[] extra = compact(fieldsValues);
        Object[] basis = Arrays.copyOf(cause.basis, cause.basis.length + extra.length);
        System.arraycopy(extra, 0, basis, cause.basis.length, extra.length);
        return new Signal(kind, cause.value, basis, cause.unknownFields);
    }

    public Derived getKind() {
        return kind;
    }

    /** The derived number, or NaN when the signal carries none. */
    public double getValue() {
        return value;
    }

    /** The first field name of the basis; for signals about one field, that field. */
    public String getField() {
        return basis.length == 0 ? null : (String) basis[0];
    }

    /** Field name, value, field name, value, ...: the facts this signal was inferred from. */
    Object[] basis() {
        return basis;
    }

    /** The fields whose unknown answer this signal reports. */
    String[] unknownFields() {
        return unknownFields;
    }

    private static Object[] compact(Object[] fieldsValues) {
        if (fieldsValues.length % 2 != 0) {
            throw new IllegalArgumentException("field names and values must come in pairs");
        }
        int kept = 0;
        for (int i = 1; i < fieldsValues.length; i += 2) {
            if (fieldsValues[i] != null) {
                kept++;
            }
        }
        if (kept == 0) {
            return NO_BASIS;
        }
        if (kept * 2 == fieldsValues.length) {
            return fieldsValues;
        }
        Object[] basis = new Object[kept * 2];
        int j = 0;
        for (int i = 0; i < fieldsValues.length; i += 2) {
            if (fieldsValues[i + 1] != null) {
                basis[j++] = fieldsValues[i];
                basis[j++] = fieldsValues[i + 1];
            }
        }
        return basis;
    }

    @Override
    public String toString() {
        return "Signal[" + kind + "]";
    }
}
