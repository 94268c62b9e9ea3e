package care.gateway;

/**
 * What the gateway learned from a bearer token it verified: who calls (for rate limits) and until when it holds.
 * {@code bucketKey} names the caller's rate-limit bucket, built once here rather than on every request.
 */
record VerifiedToken(String client, String subject, long expiresAtEpochSecond, String bucketKey) {

    /** Where {@link TokenCheck} leaves it on the routing context. */
    static final String KEY = "care.verified-token";

    static VerifiedToken of(String client, String subject, long expiresAtEpochSecond) {
        return new VerifiedToken(client, subject, expiresAtEpochSecond, client + ":" + subject);
    }

    boolean validAt(long epochSecond) {
        return epochSecond < expiresAtEpochSecond;
    }
}
