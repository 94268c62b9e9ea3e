package care.filing.rest;

import io.quarkus.panache.common.Page;

/**
 * {@link Paging} for the resources of the feature packages: Paging is package-private to this package, and is being
 * replaced by a shared one in contracts; this class goes with it.
 */
public final class Pages {

    private Pages() {
    }

    public static Page of(String page, String size, int defaultSize) {
        return Paging.of(page, size, defaultSize);
    }
}
