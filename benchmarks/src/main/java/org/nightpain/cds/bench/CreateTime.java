package org.nightpain.cds.bench;

import java.lang.management.ManagementFactory;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.TriState;

/**
 * Start-up in a fresh JVM: times {@code NightPainAssessor.create()} and the first assessment with
 * {@code System.nanoTime}, prints one line of {@code key=value} pairs and exits. The timing script runs
 * it several times.
 */
public final class CreateTime {
    private CreateTime() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        NightPainAssessor assessor = NightPainAssessor.create();
        long created = System.nanoTime();
        Assessment first = assessor.assess(PatientFacts.builder()
                .ageYears(45).symptomDurationWeeks(1.0)
                .urinaryRetention(TriState.YES)
                .build(), Population.AS_OF);
        long assessed = System.nanoTime();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        System.out.printf("create_ms=%.1f first_assessment_ms=%.1f jvm_uptime_ms=%d classes_loaded=%d urgency=%s%n",
                (created - start) / 1e6, (assessed - created) / 1e6, uptime, classes, first.highestUrgency());
    }
}
