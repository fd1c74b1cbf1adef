package org.nightpain.cds.safety;

import java.util.Optional;
import net.jqwik.api.SampleReportingFormat;
import org.nightpain.cds.PatientFacts;

/**
 * Shows a falsified patient's answers in jqwik's reports. {@code PatientFacts.toString()} withholds
 * the values so that logs carry no patient data; generated test patients are not patients.
 */
public final class PatientFactsReportingFormat implements SampleReportingFormat {
    @Override
    public boolean appliesTo(Object value) {
        return value instanceof PatientFacts;
    }

    @Override
    public Object report(Object value) {
        return Patients.describe((PatientFacts) value);
    }

    @Override
    public Optional<String> label(Object value) {
        return Optional.of("PatientFacts");
    }
}
