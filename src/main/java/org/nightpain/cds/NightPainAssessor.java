package org.nightpain.cds;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.nightpain.cds.engine.RuleEngine;

/**
 * Assesses low back pain that is worse at night or on lying down, and says how urgently the patient
 * needs to be seen, by whom, and why.
 *
 * <p>Create one assessor per application and share it: creating it loads the rule base, and it is
 * thread-safe. Each call is a pure function of the facts (and the as-of time, which is only recorded).
 *
 * <pre>{@code
 * NightPainAssessor assessor = NightPainAssessor.create();
 * Assessment result = assessor.assess(PatientFacts.builder()
 *         .ageYears(45).symptomDurationWeeks(1.0)
 *         .urinaryRetention(TriState.YES)
 *         .build());
 * result.highestUrgency();   // EMERGENCY
 * }</pre>
 *
 * <p>This is decision support for clinicians and supervised triage. It does not diagnose, and it must
 * never be the only route to emergency care. {@link #INTENDED_USE} says so in one sentence, for
 * applications to show where their users meet the results (the command line's text report and the CDS
 * Hooks cards show it).
 */
public final class NightPainAssessor {
    /** The intended-use notice, one sentence to show beside the results. */
    public static final String INTENDED_USE = "Decision support only: it does not diagnose, and it must never be the"
            + " only route to emergency care.";

    private final RuleEngine engine;
    private final Clock clock;

    private NightPainAssessor(RuleEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * Loads the rule base and returns an assessor ready to share between threads.
     *
     * @return the assessor
     * @throws IllegalStateException when the rule base cannot be loaded (a packaging error)
     */
    public static NightPainAssessor create() {
        return new NightPainAssessor(RuleEngine.load(), Clock.systemUTC());
    }

    /**
     * Assesses one patient as of now.
     *
     * @param facts the patient's facts; never null
     * @return the assessment; never null and never without a finding
     */
    public Assessment assess(PatientFacts facts) {
        return assess(facts, clock.instant());
    }

    /**
     * Assesses one patient as of the given time, which the assessment records as {@code assessedAt}.
     *
     * @param facts the patient's facts; never null
     * @param asOf  the as-of time; never null
     * @return the assessment; never null and never without a finding
     */
    public Assessment assess(PatientFacts facts, Instant asOf) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(asOf, "asOf");
        return engine.assess(facts, asOf);
    }

    /** {@return the id, version and SHA-256 of the rule base this assessor runs} */
    public KnowledgeBaseInfo knowledgeBase() {
        return engine.knowledgeBase();
    }

    /** {@return the rule catalogue: every rule that can raise a finding, ordered by rule id} */
    public List<RuleInfo> rules() {
        return engine.catalogue();
    }
}
