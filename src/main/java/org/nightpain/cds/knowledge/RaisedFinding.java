package org.nightpain.cds.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.nightpain.cds.FactField;
import org.nightpain.cds.Category;
import org.nightpain.cds.Diagnostic;
import org.nightpain.cds.Finding;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.Referral;
import org.nightpain.cds.Urgency;

/**
 * A finding raised by a decision rule during one assessment: the rule that raised it and the facts
 * that fired it. Later rules match it (for example "no specific finding"), and after the rules have run
 * it is turned into a {@link Finding}. Rule right-hand sides fill it in with the chained methods below.
 *
 * <p>Public only because the rule model generated from the DRL creates and matches it, and the engine
 * collects it; not part of the API.
 */
public final class RaisedFinding extends BasisRecorder<RaisedFinding> {
    private final RuleDescriptor rule;
    private List<String> missing;
    private Set<Diagnostic> extraDiagnostics;
    private String variant;
    private RuleDescriptor.Outcome outcome;
    private String suppressedBy;

    RaisedFinding(RuleDescriptor rule) {
        this.rule = rule;
        this.outcome = rule.outcome(null);
    }

    @Override
    RaisedFinding self() {
        return this;
    }

        /**
     * Adds the basis of another finding, for rules that build on it (RTN-06b builds on RTN-06).
     *
     * @param other the finding this one builds on
     * @return this finding, for chaining
     */
    public RaisedFinding because(RaisedFinding other) {
        basis().addAll(other.basis());
        return this;
    }

        /**
     * Lists the unknown answers reported by this derived fact as this finding's missing inputs.
     *
     * @param unknownAnswers the derived fact that names them
     * @return this finding, for chaining
     */
    public RaisedFinding missing(DerivedFact unknownAnswers) {
        // Set even when it names none: the rule has reported its missing inputs (none), so the
        // assembler must not fall back to the rule's declared inputs.
        if (missing == null) {
            missing = new ArrayList<>();
        }
        for (String field : unknownAnswers.unknownFields()) {
            addMissing(field);
        }
        return this;
    }

        /**
     * Lists each of these fields whose answer is unknown for this patient as a missing input.
     *
     * @param facts the patient's facts
     * @param fields the names of the fields to check
     * @return this finding, for chaining
     */
    public RaisedFinding missingIfUnknown(PatientFacts facts, String... fields) {
        for (String field : fields) {
            if (FactField.byName(field).isUnknown(facts)) {
                addMissing(field);
            }
        }
        return this;
    }

        /**
     * Lists all these fields as missing inputs when every one of them is unknown (one question, several ways
     * to answer it).
     *
     * @param facts the patient's facts
     * @param fields the names of the fields to check
     * @return this finding, for chaining
     */
    public RaisedFinding missingIfAllUnknown(PatientFacts facts, String... fields) {
        for (String field : fields) {
            if (!FactField.byName(field).isUnknown(facts)) {
                return this;
            }
        }
        for (String field : fields) {
            addMissing(field);
        }
        return this;
    }

    private void addMissing(String field) {
        if (missing == null) {
            missing = new ArrayList<>();
        }
        if (!missing.contains(field)) {
            missing.add(field);
        }
    }

        /**
     * Adds a diagnostic, and the facts behind it, when the list of derived facts that call for it is not empty.
     *
     * @param diagnostic the diagnostic
     * @param derivedFacts the derived facts that call for it (an accumulate result)
     * @return this finding, for chaining
     */
    public RaisedFinding withDiagnostic(Diagnostic diagnostic, List<?> derivedFacts) {
        if (!derivedFacts.isEmpty()) {
            if (extraDiagnostics == null) {
                extraDiagnostics = EnumSet.noneOf(Diagnostic.class);
            }
            extraDiagnostics.add(diagnostic);
            because(derivedFacts);
        }
        return this;
    }

        /**
     * Adds a diagnostic when the condition holds (for example whole-spine MRI when there is thoracic pain).
     *
     * @param condition whether the diagnostic is called for
     * @param diagnostic the diagnostic
     * @return this finding, for chaining
     */
    public RaisedFinding withDiagnosticIf(boolean condition, Diagnostic diagnostic) {
        if (condition) {
            if (extraDiagnostics == null) {
                extraDiagnostics = EnumSet.noneOf(Diagnostic.class);
            }
            extraDiagnostics.add(diagnostic);
        }
        return this;
    }

    /**
     * Gives this finding the outcome of one of its rule's variants: the urgency, referrals, rationale and
     * advice of its {@code @urgencyX}, {@code @referralsX}, {@code @rationaleX} and {@code @adviceX}
     * metadata where the rule gives them.
     *
     * @param name the variant's name, as in {@code @urgencyX}
     * @return this finding, for chaining
     * @throws IllegalStateException when the rule has no such variant
     */
    public RaisedFinding variant(String name) {
        this.outcome = rule.outcome(name);
        this.variant = name;
        return this;
    }

    /**
     * Tells whether the rule has a variant of this name.
     *
     * @param name the variant's name
     * @return true when the rule has it
     */
    public boolean hasVariant(String name) {
        return rule.variants().containsKey(name);
    }

    /** {@return the variant this finding has taken, or null for the plain outcome} */
    public String getVariant() {
        return variant;
    }

    /**
     * Withholds this finding from the presented result (aggregation), naming the finding that withholds
     * it: of the candidates, the most urgent, and of those the first by rule id, so the name never
     * depends on the order the rules fired in.
     *
     * @param candidates the raised findings that withhold this one; at least one
     */
    public void suppressBy(List<?> candidates) {
        RaisedFinding by = null;
        for (Object candidate : candidates) {
            RaisedFinding finding = (RaisedFinding) candidate;
            if (by == null || precedes(finding, by)) {
                by = finding;
            }
        }
        if (by == null) {
            throw new IllegalArgumentException("a finding is withheld by another finding; none was given");
        }
        this.suppressedBy = by.getRuleId();
    }

    private static boolean precedes(RaisedFinding a, RaisedFinding b) {
        int urgencyA = a.getUrgency() == null ? Integer.MAX_VALUE : a.getUrgency().ordinal();
        int urgencyB = b.getUrgency() == null ? Integer.MAX_VALUE : b.getUrgency().ordinal();
        return urgencyA != urgencyB ? urgencyA < urgencyB : a.getRuleId().compareTo(b.getRuleId()) < 0;
    }

    /** {@return the id of the rule that raised this finding, such as {@code EMR-01}} */
    public String getRuleId() {
        return rule.id();
    }

    /** {@return the finding's code, such as {@code CAUDA_EQUINA_SUSPECTED}} */
    public String getCode() {
        return rule.code();
    }

    /**
     * {@return the urgency of this finding (of its variant, if it has taken one); null for an informational
     * finding}
     */
    public Urgency getUrgency() {
        return outcome.urgency();
    }

    /** {@return the category of the rule that raised this finding} */
    public Category getCategory() {
        return rule.category();
    }

    /**
     * {@return the terms of the clinical knowledge this finding belongs to} They are RED_FLAG, INFLAMMATORY,
     * SPECIFIC and SPINAL_IMAGING, by which rules match kinds of findings.
     */
    public Set<String> getGroups() {
        return rule.groups();
    }

    /** {@return true when the finding is withheld from the presented result} */
    public boolean isSuppressed() {
        return suppressedBy != null;
    }

    /** {@return where this finding sends the patient} */
    public List<Referral> referrals() {
        return outcome.referrals();
    }

        /**
     * Turns this finding into the API's: the rule's metadata with the facts that fired it.
     *
     * @param facts the patient's facts, for the inputs still missing
     * @return the finding as the API presents it
     */
    public Finding toFinding(PatientFacts facts) {
        return new Finding(rule.code(), rule.id(), rule.version(), rule.category(), outcome.urgency(),
                outcome.referrals(), diagnostics(), outcome.rationale(), inputsUsed(), missing(facts),
                rule.sources(), rule.evidence(), outcome.advice(), suppressedBy);
    }

    /**
     * The facts that fired the finding, each once, in fact-model order whatever order the rules recorded
     * them in, so the same facts always give the same map.
     */
    private Map<String, Object> inputsUsed() {
        List<Object> basis = basis();
        int size = basis.size() / 2;
        FactField[] fields = new FactField[size];
        Object[] values = new Object[size];
        int count = 0;
        for (int i = 0; i < basis.size(); i += 2) {
            FactField field = FactField.byName((String) basis.get(i));
            if (field == null) {
                throw new IllegalStateException("Rule '" + rule.name() + "' recorded '" + basis.get(i)
                        + "', which is not a patient fact");
            }
            // insertion sort by fact-model order; the first value recorded for a field wins
            int at = count;
            while (at > 0 && fields[at - 1].ordinal() > field.ordinal()) {
                at--;
            }
            if (at > 0 && fields[at - 1] == field) {
                continue;
            }
            System.arraycopy(fields, at, fields, at + 1, count - at);
            System.arraycopy(values, at, values, at + 1, count - at);
            fields[at] = field;
            values[at] = basis.get(i + 1);
            count++;
        }
        Map<String, Object> inputsUsed = new LinkedHashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            inputsUsed.put(fields[i].fieldName(), values[i]);
        }
        return inputsUsed;
    }

    private List<String> missing(PatientFacts facts) {
        List<String> reported = missing;
        if (reported == null) {
            List<String> missing = new ArrayList<>(0);
            for (FactField input : rule.inputs()) {
                if (input.isUnknown(facts)) {
                    missing.add(input.fieldName());
                }
            }
            return missing;
        }
        // In fact-model order too: a rule that reports its own missing inputs (DQ-01, DQ-03) may collect
        // them from derived facts in the order the inference rules happened to fire.
        List<FactField> fields = new ArrayList<>(reported.size());
        for (String name : reported) {
            FactField field = FactField.byName(name);
            if (field == null) {
                throw new IllegalStateException("Rule '" + rule.name() + "' reported '" + name
                        + "' as missing, which is not a patient fact");
            }
            fields.add(field);
        }
        fields.sort(Comparator.naturalOrder());
        List<String> missing = new ArrayList<>(fields.size());
        for (FactField field : fields) {
            missing.add(field.fieldName());
        }
        return missing;
    }

    private List<Diagnostic> diagnostics() {
        List<Diagnostic> diagnostics = rule.diagnostics();
        if (extraDiagnostics == null) {
            return diagnostics;
        }
        Set<Diagnostic> all = new LinkedHashSet<>(diagnostics);
        all.addAll(extraDiagnostics);
        return List.copyOf(all);
    }

    @Override
    public String toString() {
        return "RaisedFinding[" + rule.id() + " " + rule.code() + "]";
    }
}
