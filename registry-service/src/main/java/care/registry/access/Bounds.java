package care.registry.access;

import care.contracts.problem.Violation;

import java.time.LocalDate;
import java.util.List;

/**
 * The dates the register accepts from a client, so that no value reaches the database it cannot store: outside
 * them is a 400 naming the field, never a 500. (Page numbers: {@link care.contracts.http.Pages}.)
 */
public final class Bounds {

    /** Roster and inspection dates lie in this range (no one employed before 1900 is on a roster today). */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    private Bounds() {
    }

    /** Adds a violation for a date outside {@link #EARLIEST}..{@link #LATEST}; null is left to other checks. */
    public static void date(List<Violation> violations, String field, LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            violations.add(new Violation(field, "日期应在 " + EARLIEST + " 至 " + LATEST + " 之间"));
        }
    }
}
