package org.nightpain.cds.fhir;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.MedicationStatement.MedicationStatementStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Timing;

/**
 * Whether a MedicationStatement documents a course of at least some months, for the facts that ask about
 * a prolonged treatment ({@code corticosteroidProlonged}: three months or more). A course is documented by
 * <ul>
 *   <li>a period, the statement's {@code effectivePeriod} or a dosage's {@code timing.repeat.boundsPeriod},
 *       with a start and an end at least that many calendar months later; an {@code active} statement's
 *       period without an end runs to the day of the assessment;</li>
 *   <li>a dosage's {@code timing.repeat.boundsDuration} of at least that many months ({@code mo}), years
 *       ({@code a}), or weeks ({@code wk}) or days ({@code d}) counted with months of 30 days.</li>
 * </ul>
 * A single date, a period with only a start on a statement that is not active, a course given only in
 * words, or an {@code intended} statement documents none. The dose is not judged.
 */
final class Courses {
    /** The days of a month when a course is given in days or weeks. */
    private static final int DAYS_PER_MONTH = 30;

    private Courses() {
    }

    static boolean lasts(MedicationStatement statement, int months, Instant asOf) {
        if (statement.getStatus() == MedicationStatementStatus.INTENDED) {
            return false;
        }
        boolean active = statement.getStatus() == MedicationStatementStatus.ACTIVE;
        if (statement.getEffective() instanceof Period period && lasts(period, active, months, asOf)) {
            return true;
        }
        for (var dosage : statement.getDosage()) {
            Timing.TimingRepeatComponent repeat = dosage.getTiming().getRepeat();
            if (repeat.getBounds() instanceof Period period && lasts(period, active, months, asOf)
                    || repeat.getBounds() instanceof Duration duration && lasts(duration, months)) {
                return true;
            }
        }
        return false;
    }

    private static boolean lasts(Period period, boolean active, int months, Instant asOf) {
        Date end = period.getEnd() != null ? period.getEnd() : active ? Date.from(asOf) : null;
        if (period.getStart() == null || end == null) {
            return false;
        }
        return !day(period.getStart()).plusMonths(months).isAfter(day(end));
    }

    private static boolean lasts(Duration duration, int months) {
        BigDecimal value = duration.getValue();
        String unit = duration.hasCode() ? duration.getCode() : duration.getUnit();
        if (value == null || unit == null) {
            return false;
        }
        BigDecimal days = switch (unit.strip()) {
            case "d" -> value;
            case "wk" -> value.multiply(BigDecimal.valueOf(7));
            case "mo" -> value.multiply(BigDecimal.valueOf(DAYS_PER_MONTH));
            case "a" -> value.multiply(BigDecimal.valueOf(12L * DAYS_PER_MONTH));
            default -> BigDecimal.ZERO;
        };
        return days.compareTo(BigDecimal.valueOf((long) months * DAYS_PER_MONTH)) >= 0;
    }

    private static LocalDate day(Date date) {
        return LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
    }
}
