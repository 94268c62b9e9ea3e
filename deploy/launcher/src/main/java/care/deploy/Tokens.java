package care.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens from the test Keycloak, cached for less than their five-minute lifetime. */
public final class Tokens {

    public static final String FINANCE_CLIENT = "finance-kunming";
    public static final String FINANCE_SECRET = "finance-kunming-demo-secret";

    private record Cached(String token, Instant until) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A token of a demo user of the realm (password {@value Keycloak#DEMO_PASSWORD}). */
    public static String of(String username) {
        return cached(username, () -> CareTestResource.infra().keycloak.token(username));
    }

    /** The finance bureau's client-credentials token. */
    public static String finance() {
        return cached("client:" + FINANCE_CLIENT,
                () -> CareTestResource.infra().keycloak.clientToken(FINANCE_CLIENT, FINANCE_SECRET));
    }

    private static synchronized String cached(String key, java.util.function.Supplier<String> fetch) {
        Cached hit = CACHE.get(key);
        if (hit != null && hit.until.isAfter(Instant.now())) {
            return hit.token;
        }
        String token = fetch.get();
        CACHE.put(key, new Cached(token, Instant.now().plus(Duration.ofMinutes(3))));
        return token;
    }
}
