package care.portal.client;

/** The If-Match value for a record version the page showed (null, i.e. no header, for anything else). */
public final class Versions {

    private Versions() {
    }

    /**
     * A change made against the version of the record the page showed: if someone changed it since, the service
     * refuses (409 CONCURRENT_MODIFICATION) instead of the later save silently overwriting theirs.
     */
    public static String ifMatch(String version) {
        return version != null && version.matches("\\d{1,18}") ? "\"" + version + "\"" : null;
    }
}
