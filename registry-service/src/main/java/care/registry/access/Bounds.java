package care.registry.access;

import care.contracts.http.Pages;
import care.contracts.problem.Violation;

import java.time.LocalDate;
import java.util.List;

/**
 * The ranges the register accepts for numbers and dates a client sends, so that no arithmetic on them overflows
 * and no value reaches the database it cannot store: outside them is a 400 naming the field, never a 500.
 */
public final class Bounds {

    /** The one bound of every paged list: {@link Pages#MAX_PAGE}. */
    public static final int MAX_PAGE = Pages.MAX_PAGE;

    /** Roster and inspection dates lie in this range (no one employed before 1900 is on a roster today). */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    private Bounds() {
    }

    public static int offset(int page, int size) {
        return Pages.offset(page, size);
    }

    /** Adds a violation for a date outside {@link #EARLIEST}..{@link #LATEST}; null is left to other checks. */
    public static void date(List<Violation> violations, String field, LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            violations.add(new Violation(field, "日期应在 " + EARLIEST + " 至 " + LATEST + " 之间"));
        }
    }
}
