package org.nightpain.cds.knowledge;

import java.util.ArrayList;
import java.util.List;
import org.nightpain.cds.TriState;

/**
 * Records the basis of a derived fact or a finding: the patient facts, as field name and value, that met
 * the condition of the rule that created it. A rule whose condition can be met in several ways records
 * each way that was met, with the same comparison its condition makes, so the basis shows exactly
 * which answers fired it. Rule right-hand sides call these methods in a chain.
 *
 * <p>Public only because the rule model generated from the DRL calls it; not part of the API.
 *
 * @param <T> the recording class, so that every method returns it for chaining
 */
public abstract class BasisRecorder<T extends BasisRecorder<T>> {
    private final List<Object> basis = new ArrayList<>(8);

    /** Starts with an empty basis. */
    protected BasisRecorder() {
    }

    /** This object, for chaining. */
    abstract T self();

    /** Field name, value, field name, value, ...: what was recorded, in order. */
    final List<Object> basis() {
        return basis;
    }

        /**
     * Records a fact; a null value (a number not given) is left out.
     *
     * @param field the fact's name
     * @param value its value
     * @return this object, for chaining
     */
    public T with(String field, Object value) {
        if (value != null) {
            basis.add(field);
            basis.add(value);
        }
        return self();
    }

        /**
     * Records an answer only when it is YES: one way of meeting an "either ... or" condition.
     *
     * @param field the answer's name
     * @param value the answer
     * @return this object, for chaining
     */
    public T withYes(String field, TriState value) {
        return value == TriState.YES ? with(field, value) : self();
    }

        /**
     * Records an answer only when it equals the given value.
     *
     * @param field the answer's name
     * @param value the answer
     * @param expected the value that is recorded
     * @return this object, for chaining
     */
    public T withIfEqual(String field, Object value, Object expected) {
        return value != null && value.equals(expected) ? with(field, value) : self();
    }

        /**
     * Records an answer only when it equals one of the two given values.
     *
     * @param field the answer's name
     * @param value the answer
     * @param first a value that is recorded
     * @param second the other value that is recorded
     * @return this object, for chaining
     */
    public T withIfEither(String field, Object value, Object first, Object second) {
        return value != null && (value.equals(first) || value.equals(second)) ? with(field, value) : self();
    }

        /**
     * Records a number only when it is given and at least the limit.
     *
     * @param field the number's name
     * @param value the number, null when not given
     * @param limit the lowest value recorded
     * @return this object, for chaining
     */
    public T withIfAtLeast(String field, Number value, double limit) {
        return value != null && value.doubleValue() >= limit ? with(field, value) : self();
    }

        /**
     * Records a number only when it is given and above the limit.
     *
     * @param field the number's name
     * @param value the number, null when not given
     * @param limit the value it must exceed
     * @return this object, for chaining
     */
    public T withIfAbove(String field, Number value, double limit) {
        return value != null && value.doubleValue() > limit ? with(field, value) : self();
    }

        /**
     * Records a number only when it is given and at most the limit.
     *
     * @param field the number's name
     * @param value the number, null when not given
     * @param limit the highest value recorded
     * @return this object, for chaining
     */
    public T withIfAtMost(String field, Number value, double limit) {
        return value != null && value.doubleValue() <= limit ? with(field, value) : self();
    }

        /**
     * Records a fact only when the condition, one way of meeting the rule, holds.
     *
     * @param met whether that way of meeting the rule holds
     * @param field the fact's name
     * @param value its value
     * @return this object, for chaining
     */
    public T withIf(boolean met, String field, Object value) {
        return met ? with(field, value) : self();
    }

        /**
     * Records the basis of each derived fact in the list (an accumulate result).
     *
     * @param derivedFacts the derived facts, each a {@link DerivedFact}
     * @return this object, for chaining
     */
    public T because(List<?> derivedFacts) {
        for (Object derived : derivedFacts) {
            because((DerivedFact) derived);
        }
        return self();
    }

        /**
     * Records the basis of a derived fact this one was inferred from.
     *
     * @param derived the derived fact
     * @return this object, for chaining
     */
    public T because(DerivedFact derived) {
        basis.addAll(derived.basis());
        return self();
    }
}
