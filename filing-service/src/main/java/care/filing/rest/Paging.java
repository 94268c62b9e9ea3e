package care.filing.rest;

import care.contracts.http.Pages;
import care.contracts.problem.ProblemException;
import care.contracts.problem.Violation;
import io.quarkus.panache.common.Page;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code page} and {@code size} of a list, checked before any offset is computed from them. At most page 10000 of
 * at most 200: the deepest offset is 2,000,000, which fits an int with room to spare (21474837 × 100 did not, and
 * was a 500), and no one pages that far by hand. Read as text, so that a number too long for an int is a 400 at its
 * field like any other out-of-range value rather than a failed conversion.
 */
final class Paging {

    static final int MAX_PAGE = Pages.MAX_PAGE;
    static final int MAX_SIZE = 200;

    private Paging() {
    }

    static Page of(String page, String size, int defaultSize) {
        List<Violation> violations = new ArrayList<>();
        int p = parse(page, 0, 0, MAX_PAGE, "page", "页码应为 0 到 " + MAX_PAGE + " 之间的整数", violations);
        int s = parse(size, defaultSize, 1, MAX_SIZE, "size", "每页条数应为 1 到 " + MAX_SIZE + " 之间的整数", violations);
        ProblemException.refuseIfAny(violations);
        return Page.of(p, s);
    }

    private static int parse(String value, int fallback, int min, int max, String field, String message,
                             List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // not a number, or beyond an int: the same answer as out of range
        }
        violations.add(new Violation(field, message));
        return fallback;
    }
}
