package org.nightpain.cds.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.nightpain.cds.Assessment;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.PatientFacts;
import org.nightpain.cds.Urgency;

/**
 * Describes the benchmark population: how many patients have how many findings, and their highest
 * urgencies. Arguments: the number of patients (default 8192).
 */
public final class Census {
    private Census() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : Population.DRAWN;
        NightPainAssessor assessor = NightPainAssessor.create();
        Map<Integer, Integer> byFindings = new TreeMap<>();
        Map<Urgency, Integer> byUrgency = new EnumMap<>(Urgency.class);
        for (PatientFacts facts : Patients.generate(Patients.SEED, count)) {
            Assessment assessment = assessor.assess(facts, Population.AS_OF);
            byFindings.merge(Population.findingsOf(assessment), 1, Integer::sum);
            byUrgency.merge(assessment.highestUrgency(), 1, Integer::sum);
        }
        System.out.println("patients=" + count);
        System.out.println("findings per assessment (presented + suppressed) -> patients: " + byFindings);
        System.out.println("highest urgency -> patients: " + byUrgency);
    }
}
