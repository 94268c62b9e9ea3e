package care.subsidy;

import care.contracts.http.Pages;

/** Bounds of paged lists. */
public final class Paging {

    public static final int MAX_PAGE = Pages.MAX_PAGE;

    private Paging() {
    }
}
