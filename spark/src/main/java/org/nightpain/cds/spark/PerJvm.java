package org.nightpain.cds.spark;

import ca.uhn.fhir.context.FhirContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nightpain.cds.NightPainAssessor;
import org.nightpain.cds.fhir.Canonicals;
import org.nightpain.cds.fhir.FhirFactMapper;
import org.nightpain.cds.screening.PatientRecords;

/**
 * What each executor JVM builds once and shares between its tasks: the assessor (a KieBase, which can
 * be neither serialised nor broadcast, so it is built where it is used, from the precompiled model) and
 * the FHIR reader. Built on first use; both are thread-safe.
 */
final class PerJvm {
    private static final Map<String, PatientRecords> READERS = new ConcurrentHashMap<>();

    private PerJvm() {
    }

    /** Initialised when first asked for: the JVM's class loading makes it happen once. */
    private static final class Assessor {
        static final NightPainAssessor INSTANCE = NightPainAssessor.create();
    }

    static NightPainAssessor assessor() {
        return Assessor.INSTANCE;
    }

    /** The reader of records whose answers name the Questionnaire under this canonical base. */
    static PatientRecords records(String canonicalBase) {
        return READERS.computeIfAbsent(canonicalBase, base -> PatientRecords.create(FhirContext.forR4Cached(),
                FhirFactMapper.create(Canonicals.of(base))));
    }
}
