package org.nightpain.cds.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.nightpain.cds.Category;
import org.nightpain.cds.Diagnostic;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.Urgency;

/**
 * A finding raised by a decision rule during one assessment: the rule that raised it and the facts
 * that fired it. Later rules match it (for example "no specific finding"), and after the rules have run
 * it is turned into a {@link org.nightpain.cds.Finding}. Rule right-hand sides fill it in with the
 * chained methods below. Internal: not part of the API.
 */
public final class RaisedFinding extends BasisRecorder<RaisedFinding> {
    private final RuleDescriptor rule;
    private List<String> missing;
    private Set<Diagnostic> extraDiagnostics;
    private String adviceKey = "advice";
    private boolean suppressed;

    RaisedFinding(RuleDescriptor rule) {
        this.rule = rule;
    }

    @Override
    RaisedFinding self() {
        return this;
    }

    /** Adds the basis of another finding, for rules that build on it (RTN-06b builds on RTN-06). */
    public RaisedFinding because(RaisedFinding other) {
        basis().addAll(other.basis());
        return this;
    }

    /** Lists the unknown answers reported by this signal as this finding's missing inputs. */
    public RaisedFinding missing(Signal unknownSignal) {
        // Set even when the signal names none: the rule has reported its missing inputs (none), so the
        // assembler must not fall back to the rule's declared inputs.
        if (missing == null) {
            missing = new ArrayList<>();
        }
        for (String field : unknownSignal.unknownFields()) {
            addMissing(field);
        }
        return this;
    }

    /** Lists each of these fields whose answer is unknown for this patient as a missing input. */
    public RaisedFinding missingIfUnknown(PatientFacts facts, String... fields) {
        for (String field : fields) {
            if (FactField.byName(field).isUnknown(facts)) {
                addMissing(field);
            }
        }
        return this;
    }

    /** Lists all these fields as missing inputs when every one of them is unknown (one question, several ways to answer it). */
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

    /** Adds a diagnostic, and the facts behind it, when the list of signals that call for it is not empty. */
    public RaisedFinding withDiagnostic(Diagnostic diagnostic, List<?> signals) {
        if (!signals.isEmpty()) {
            if (extraDiagnostics == null) {
                extraDiagnostics = EnumSet.noneOf(Diagnostic.class);
            }
            extraDiagnostics.add(diagnostic);
            because(signals);
        }
        return this;
    }

    /** Uses the advice text under another metadata key of the rule (a variant). */
    public RaisedFinding adviceFrom(String metadataKey) {
        rule.advice(metadataKey);
        this.adviceKey = metadataKey;
        return this;
    }

    /** Marks this finding as withheld from the presented result (aggregation). */
    public void suppress() {
        this.suppressed = true;
    }

    public String getRuleId() {
        return rule.id();
    }

    public String getCode() {
        return rule.code();
    }

    public Urgency getUrgency() {
        return rule.urgency();
    }

    public Category getCategory() {
        return rule.category();
    }

    /** The clinical-knowledge §8.2 terms this finding belongs to: RED_FLAG, INFLAMMATORY, SPECIFIC. */
    public Set<String> getGroups() {
        return rule.groups();
    }

    public boolean isSuppressed() {
        return suppressed;
    }

    RuleDescriptor rule() {
        return rule;
    }

    /** The missing inputs the rule reported itself, or null to use its declared inputs. */
    List<String> reportedMissing() {
        return missing;
    }

    Set<Diagnostic> extraDiagnostics() {
        return extraDiagnostics;
    }

    String adviceKey() {
        return adviceKey;
    }

    @Override
    public String toString() {
        return "RaisedFinding[" + rule.id() + " " + rule.code() + "]";
    }
}
