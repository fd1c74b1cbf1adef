package org.nightpain.cds.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.Diagnostic;
import org.nightpain.cds.Finding;
import org.nightpain.cds.KnowledgeBaseInfo;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.Referral;
import org.nightpain.cds.Urgency;

/**
 * Turns the findings raised in one session into an {@link Assessment}: orders them, takes the highest
 * urgency and the union of referrals over the presented ones, and adds the questions still to ask.
 * The clinical decisions (which findings, which are suppressed) were made by the rules; this only
 * reports them. Internal: not part of the API.
 */
final class AssessmentAssembler {
    /** Most urgent first, informational last, then by rule id and code so the order never varies. */
    private static final Comparator<RaisedFinding> ORDER = Comparator
            .comparing((RaisedFinding f) -> f.getUrgency() == null ? Integer.MAX_VALUE : f.getUrgency().ordinal())
            .thenComparing(RaisedFinding::getRuleId)
            .thenComparing(RaisedFinding::getCode);

    private final KnowledgeBaseInfo knowledgeBase;
    private final QuestionRegister questions;

    AssessmentAssembler(KnowledgeBaseInfo knowledgeBase, QuestionRegister questions) {
        this.knowledgeBase = knowledgeBase;
        this.questions = questions;
    }

    Assessment assemble(PatientFacts facts, Collection<RaisedFinding> raised, Instant asOf) {
        List<RaisedFinding> sorted = new ArrayList<>(raised);
        sorted.sort(ORDER);
        List<Finding> presented = new ArrayList<>(sorted.size());
        List<Finding> suppressed = new ArrayList<>(0);
        Set<Referral> referrals = new LinkedHashSet<>();
        Urgency highest = null;
        for (RaisedFinding finding : sorted) {
            if (finding.isSuppressed()) {
                suppressed.add(toFinding(finding, facts));
                continue;
            }
            presented.add(toFinding(finding, facts));
            referrals.addAll(finding.rule().referrals());
            Urgency urgency = finding.getUrgency();
            if (urgency != null && (highest == null || urgency.isMoreUrgentThan(highest))) {
                highest = urgency;
            }
        }
        if (highest == null) {
            // FB-01 exists so that this cannot happen; if it does, the rule base is broken and no
            // result, least of all a benign-looking one, may leave the library.
            throw new IllegalStateException("Internal error: the rules raised no finding with an urgency. "
                    + "This is a bug in the rule base; no result was produced.");
        }
        return new Assessment(highest, presented, suppressed, List.copyOf(referrals),
                questions.questionsFor(facts), knowledgeBase, asOf);
    }

    private static Finding toFinding(RaisedFinding raised, PatientFacts facts) {
        RuleDescriptor rule = raised.rule();
        return new Finding(rule.code(), rule.id(), rule.version(), rule.category(), rule.urgency(),
                rule.referrals(), diagnostics(raised), rule.rationale(), inputsUsed(raised), missing(raised, facts),
                rule.sources(), rule.evidence(), rule.advice(raised.adviceKey()));
    }

    /**
     * The facts that fired the finding, each once, in fact-model order whatever order the rules recorded
     * them in, so the same facts always give the same map.
     */
    private static Map<String, Object> inputsUsed(RaisedFinding raised) {
        List<Object> basis = raised.basis();
        int size = basis.size() / 2;
        FactField[] fields = new FactField[size];
        Object[] values = new Object[size];
        int count = 0;
        for (int i = 0; i < basis.size(); i += 2) {
            FactField field = FactField.byName((String) basis.get(i));
            if (field == null) {
                throw new IllegalStateException("Rule '" + raised.rule().name() + "' recorded '" + basis.get(i)
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

    private static List<String> missing(RaisedFinding raised, PatientFacts facts) {
        List<String> reported = raised.reportedMissing();
        if (reported == null) {
            List<String> missing = new ArrayList<>(0);
            for (FactField input : raised.rule().inputs()) {
                if (input.isUnknown(facts)) {
                    missing.add(input.fieldName());
                }
            }
            return missing;
        }
        // In fact-model order too: a rule that reports its own missing inputs (DQ-01, DQ-03) may collect
        // them from signals in the order the inference rules happened to fire.
        List<FactField> fields = new ArrayList<>(reported.size());
        for (String name : reported) {
            FactField field = FactField.byName(name);
            if (field == null) {
                throw new IllegalStateException("Rule '" + raised.rule().name() + "' reported '" + name
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

    private static List<Diagnostic> diagnostics(RaisedFinding raised) {
        List<Diagnostic> diagnostics = raised.rule().diagnostics();
        if (raised.extraDiagnostics() == null) {
            return diagnostics;
        }
        Set<Diagnostic> all = new LinkedHashSet<>(diagnostics);
        all.addAll(raised.extraDiagnostics());
        return List.copyOf(all);
    }
}
