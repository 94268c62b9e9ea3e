package care.subsidy.support;

import care.contracts.ChinaTime;
import care.contracts.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** A period is a calendar month in China time, written YYYY-MM. */
public final class Periods {

    private Periods() {
    }

    public static LocalDate today() {
        return ChinaTime.today();
    }

    public static LocalDate day(Instant instant) {
        return instant.atZone(ChinaTime.ZONE).toLocalDate();
    }

    public static YearMonth parse(String field, String period) {
        try {
            if (period == null || !period.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM", String.valueOf(period), 0);
            }
            return YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "a period is a month written YYYY-MM, e.g. 2026-10");
        }
    }
}
