package care.subsidy;

/** Bounds of paged lists. */
public final class Paging {

    /**
     * The highest page number a list accepts: page × size stays far below 2^31 at every page size this service
     * allows with Panache (≤ 500), and no list here holds anywhere near that many records. Beyond it: 400.
     */
    public static final int MAX_PAGE = 1_000_000;

    private Paging() {
    }
}
