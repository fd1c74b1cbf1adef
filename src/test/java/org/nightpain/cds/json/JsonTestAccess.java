package org.nightpain.cds.json;

import java.util.function.Predicate;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.PatientFacts;

/** Lets tests in other packages build an {@link AssessmentJson} whose assessor fails, to reach the internal-error path. */
public final class JsonTestAccess {
    private JsonTestAccess() {
    }

    /**
     * An {@code AssessmentJson} over {@code assessor} that throws instead of assessing the patients that
     * {@code fails} accepts. The exception's message quotes the patient's facts, as a careless bug might.
     */
    public static AssessmentJson failingOn(NightPainAssessor assessor, Predicate<PatientFacts> fails) {
        return new AssessmentJson((facts, asOf) -> {
            if (fails.test(facts)) {
                throw new IllegalStateException("could not assess ageYears=" + facts.ageYears() + " temperatureC="
                        + facts.temperatureC() + " symptomDurationWeeks=" + facts.symptomDurationWeeks());
            }
            return assessor.assess(facts, asOf);
        }, JsonCodec.create());
    }

    /** The result object the codec writes for this assessment, compact. */
    public static String writeResult(String id, Assessment assessment) {
        return JsonCodec.create().writeResult(id, assessment);
    }
}
