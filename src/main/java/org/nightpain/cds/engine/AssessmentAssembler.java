package org.nightpain.cds.engine;

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
import org.nightpain.cds.FactField;
import org.nightpain.cds.Finding;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.Referral;
import org.nightpain.cds.TriState;
import org.nightpain.cds.Urgency;
import org.nightpain.cds.knowledge.RaisedFinding;
import org.nightpain.cds.knowledge.RuleBook;

/**
 * Turns the findings raised in one session into an {@link Assessment}: orders them, takes the highest
 * urgency and the union of referrals over the presented ones, and adds the questions still to ask.
 * The clinical decisions (which findings, which are suppressed) were made by the rules; this only
 * reports them.
 */
final class AssessmentAssembler {
    /** Most urgent first, informational last, then by rule id and code so the order never varies. */
    private static final Comparator<RaisedFinding> ORDER = Comparator
            .comparing((RaisedFinding f) -> f.getUrgency() == null ? Integer.MAX_VALUE : f.getUrgency().ordinal())
            .thenComparing(RaisedFinding::getRuleId)
            .thenComparing(RaisedFinding::getCode);

    /** The facts the register reports when no finding cites them; the others need not be read. */
    private static final FactField[] REPORTED = FactField.ALL.stream()
            .filter(field -> field.report() != FactField.Report.NEVER).toArray(FactField[]::new);

    private final RuleBook ruleBook;

    AssessmentAssembler(RuleBook ruleBook) {
        this.ruleBook = ruleBook;
    }

    /**
     * @param screeningComplete false when the rules inferred that the screening is incomplete
     */
    Assessment assemble(PatientFacts facts, Collection<RaisedFinding> raised, boolean screeningComplete, Instant asOf) {
        List<RaisedFinding> sorted = new ArrayList<>(raised);
        sorted.sort(ORDER);
        List<Finding> presented = new ArrayList<>(sorted.size());
        List<Finding> suppressed = new ArrayList<>(0);
        Set<Referral> referrals = new LinkedHashSet<>();
        Urgency highest = null;
        for (RaisedFinding finding : sorted) {
            if (finding.isSuppressed()) {
                suppressed.add(finding.toFinding(facts));
                continue;
            }
            presented.add(finding.toFinding(facts));
            referrals.addAll(finding.referrals());
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
        return new Assessment(highest, screeningComplete, presented, suppressed, List.copyOf(referrals),
                ruleBook.questionsFor(facts, highest), answersNotUsed(facts, presented, suppressed),
                ruleBook.knowledgeBase(), asOf);
    }

    /**
     * The answers the fact register says to report when no finding, presented or withheld, cites them (a
     * YES, or a value other than NONE), in fact-model order.
     */
    private static Map<String, Object> answersNotUsed(PatientFacts facts, List<Finding> presented, List<Finding> suppressed) {
        Map<String, Object> notUsed = new LinkedHashMap<>(0);
        for (FactField field : REPORTED) {
            Object value = field.read(facts);
            boolean reported = switch (field.report()) {
                case YES -> value == TriState.YES;
                case NOT_NONE -> value != null && !field.isUnknown(facts) && !"NONE".equals(value.toString());
                case NEVER -> false;
            };
            if (reported && !cited(field.fieldName(), presented) && !cited(field.fieldName(), suppressed)) {
                notUsed.put(field.fieldName(), value);
            }
        }
        return notUsed;
    }

    private static boolean cited(String field, List<Finding> findings) {
        for (Finding finding : findings) {
            if (finding.inputsUsed().containsKey(field)) {
                return true;
            }
        }
        return false;
    }
}
