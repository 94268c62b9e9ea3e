package care.gateway;

/** What the gateway learned from a bearer token it verified: who calls (for rate limits) and until when it holds. */
record VerifiedToken(String client, String subject, long expiresAtEpochSecond) {

    /** Where {@link TokenCheck} leaves it on the routing context. */
    static final String KEY = "care.verified-token";

    boolean validAt(long epochSecond) {
        return epochSecond < expiresAtEpochSecond;
    }
}
