package care.contracts.http;

/** The bounds every paged list of the platform accepts, so that no offset computed from them overflows. */
public final class Pages {

    /**
     * The last page number a list accepts (pages count from 0). Ten thousand pages is far beyond what anyone reads
     * by hand or an integrator needs (100,000 caregivers are 20 pages of the largest page size); the deepest offset,
     * 10,000 × 5,000 (the largest size, finance instructions) = 50,000,000, stays far below 2^31 and is a bounded
     * amount of work for the database. Beyond it: 400 at {@code page}.
     */
    public static final int MAX_PAGE = 10_000;

    private Pages() {
    }

    /** The first row of a page; page and size are already bounded by the resource's constraints. */
    public static int offset(int page, int size) {
        return Math.multiplyExact(page, size);
    }
}
