package org.nightpain.cds.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.PatientFacts;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One assessor, shared by every benchmark thread as an application would share it, and a fixed
 * population of generated patients, optionally narrowed to those with a given number of findings.
 */
@State(Scope.Benchmark)
public class Population {
    /** A fixed as-of time: the assessment records it, and a fixed one keeps results comparable. */
    public static final Instant AS_OF = Instant.parse("2026-11-25T08:00:00Z");

    /** Patients drawn before narrowing to a findings bucket. */
    static final int DRAWN = 8192;
    /** Patients kept; a power of two so that the cursor can wrap with a mask. */
    static final int KEPT = 1024;

    NightPainAssessor assessor;
    PatientFacts[] patients;

    @Setup(Level.Trial)
    public void setUp() {
        assessor = NightPainAssessor.create();
        patients = select(assessor, findings());
    }

    /**
     * Which patients: {@code all}, or a range of findings per assessment (presented and suppressed)
     * such as {@code 1}, {@code 2-3} or {@code 7-99}.
     */
    protected String findings() {
        return "all";
    }

    /** The shared assessor. */
    public NightPainAssessor assessor() {
        return assessor;
    }

    /** The population (a ring of {@link #KEPT} patients). */
    public PatientFacts[] patients() {
        return patients;
    }

    /** Assesses the next patient for the given thread's cursor. */
    Assessment assessNext(Cursor cursor) {
        return assessor.assess(patients[cursor.next()], AS_OF);
    }

    /** Up to {@link #KEPT} patients of the seed's population whose findings count is in the range. */
    static PatientFacts[] select(NightPainAssessor assessor, String range) {
        int min = 0;
        int max = Integer.MAX_VALUE;
        if (!range.equals("all")) {
            String[] bounds = range.split("-");
            min = Integer.parseInt(bounds[0]);
            max = Integer.parseInt(bounds[bounds.length - 1]);
        }
        List<PatientFacts> kept = new ArrayList<>();
        for (PatientFacts facts : Patients.generate(Patients.SEED, DRAWN)) {
            int count = findingsOf(assessor.assess(facts, AS_OF));
            if (count >= min && count <= max) {
                kept.add(facts);
                if (kept.size() == KEPT) {
                    break;
                }
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no generated patient has " + range + " findings");
        }
        // Repeat the kept patients to fill the power-of-two ring.
        PatientFacts[] ring = new PatientFacts[KEPT];
        for (int i = 0; i < KEPT; i++) {
            ring[i] = kept.get(i % kept.size());
        }
        return ring;
    }

    /** Findings of an assessment, presented and suppressed. */
    public static int findingsOf(Assessment assessment) {
        return assessment.findings().size() + assessment.suppressedFindings().size();
    }

    /** Each thread walks the population on its own. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        /** The index of this thread's next patient. */
        public int next() {
            return next++ & (KEPT - 1);
        }
    }
}
