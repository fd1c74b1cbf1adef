package org.nightpain.cds.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.nightpain.cds.Category;
import org.nightpain.cds.Diagnostic;
import org.nightpain.cds.TriState;
import org.nightpain.cds.Urgency;

/**
 * A finding raised by a decision rule during one assessment: the rule that raised it and the facts
 * that fired it. Later rules match it (for example "no specific finding"), and after the rules have run
 * it is turned into a {@link org.nightpain.cds.Finding}. Rule right-hand sides fill it in with the
 * chained methods below. Internal: not part of the API.
 */
public final class RaisedFinding {
    private final RuleDescriptor rule;
    private final List<Object> basis = new ArrayList<>(8);
    private List<String> missing;
    private Set<Diagnostic> extraDiagnostics;
    private String adviceKey = "advice";
    private boolean suppressed;

    RaisedFinding(RuleDescriptor rule) {
        this.rule = rule;
    }

    /** Adds the facts behind each signal in the list (an accumulate result) to this finding's basis. */
    public RaisedFinding because(List<?> signals) {
        for (Object signal : signals) {
            because((Signal) signal);
        }
        return this;
    }

    /** Adds the facts behind one signal to this finding's basis. */
    public RaisedFinding because(Signal signal) {
        for (Object item : signal.basis()) {
            basis.add(item);
        }
        return this;
    }

    /** Adds the basis of another finding, for rules that build on it (RTN-06b builds on RTN-06). */
    public RaisedFinding because(RaisedFinding other) {
        basis.addAll(other.basis);
        return this;
    }

    /** Adds one fact to the basis; a null value (a number not given) is left out. */
    public RaisedFinding with(String field, Object value) {
        if (value != null) {
            basis.add(field);
            basis.add(value);
        }
        return this;
    }

    /** Adds an answer to the basis only when it is YES: for one side of an "either ... or" condition. */
    public RaisedFinding withYes(String field, TriState value) {
        return value == TriState.YES ? with(field, value) : this;
    }

    /** Lists the unknown answers reported by these signals as this finding's missing inputs. */
    public RaisedFinding missing(List<?> unknownSignals) {
        if (missing == null) {
            missing = new ArrayList<>();
        }
        for (Object signal : unknownSignals) {
            for (String field : ((Signal) signal).unknownFields()) {
                if (!missing.contains(field)) {
                    missing.add(field);
                }
            }
        }
        return this;
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

    List<Object> basis() {
        return basis;
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
