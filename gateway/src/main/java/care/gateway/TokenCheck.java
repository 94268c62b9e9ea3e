package care.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Verifies the bearer token (signature, issuer, audience, expiry: quarkus-oidc, authenticating lazily) before anything
 * is forwarded, and refuses requests without one except on the public prefixes. A bad token is refused on every path.
 * <p>
 * A client sends the same token for minutes, so a verified token is remembered (by its SHA-256, for at most a minute
 * and never past its expiry): checking its RSA signature on every request cost the gateway as much CPU as the
 * services spend answering. The services still verify every token themselves.
 * <p>
 * Two steps around {@link RateLimits}: {@link #recall} only looks the token up among the remembered ones, so that
 * the rate limit knows whose bucket to use; {@link #verify} then checks a token not seen before. A token that is
 * not remembered is thus counted against its address's bucket before any signature check.
 */
final class TokenCheck {

    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);

    /** Where {@link #recall} leaves the SHA-256 of a token it does not remember, for {@link #verify}. */
    static final String UNVERIFIED = "care.unverified-token";

    private static final BiConsumer<RoutingContext, Throwable> REFUSED = (ctx, failure) -> unauthenticated(ctx);

    private final List<String> publicPrefixes;
    private final IdentityProviderManager identities;
    // upkeep on the calling event loop, as in RateLimits
    private final Cache<String, VerifiedToken> verified = Caffeine.newBuilder().executor(Runnable::run)
            .expireAfterWrite(REMEMBERED_FOR).maximumSize(100_000).build();

    TokenCheck(List<String> publicPrefixes, IdentityProviderManager identities) {
        this.publicPrefixes = publicPrefixes;
        this.identities = identities;
    }

    /** Marks the request with the caller's remembered token, or with the hash of one still to verify. */
    void recall(RoutingContext ctx) {
        String token = bearerToken(ctx);
        if (token != null) {
            String key = sha256(token);
            VerifiedToken known = verified.getIfPresent(key);
            if (known != null && known.validAt(System.currentTimeMillis() / 1000)) {
                ctx.put(VerifiedToken.KEY, known);
            } else {
                ctx.put(UNVERIFIED, key);
            }
        }
        ctx.next();
    }

    /** Lets a remembered token through, verifies a new one, and refuses a missing one outside the public prefixes. */
    void verify(RoutingContext ctx) {
        if (ctx.get(VerifiedToken.KEY) != null) {
            ctx.next();
            return;
        }
        String key = ctx.get(UNVERIFIED);
        if (key == null) {
            if (isPublic(ctx.normalizedPath())) {
                ctx.next();
            } else {
                unauthenticated(ctx);
            }
            return;
        }
        // a refused token answers as problem+json here, not with Quarkus's empty 401
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, REFUSED);
        QuarkusHttpUser.getSecurityIdentity(ctx, identities).subscribe().with(
                identity -> {
                    VerifiedToken checked = verifiedToken(identity);
                    if (checked == null) {
                        unauthenticated(ctx);
                    } else {
                        verified.put(key, checked);
                        admit(ctx, checked);
                    }
                },
                failure -> unauthenticated(ctx));
    }

    private boolean isPublic(String path) {
        return publicPrefixes.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    private static String bearerToken(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static VerifiedToken verifiedToken(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        Object client = jwt.getClaim("azp");
        return VerifiedToken.of(client == null ? "?" : client.toString(), jwt.getSubject(), jwt.getExpirationTime());
    }

    private static void admit(RoutingContext ctx, VerifiedToken token) {
        ctx.put(VerifiedToken.KEY, token);
        ctx.next();
    }

    private static void unauthenticated(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        Problems.send(ctx, 401, "UNAUTHENTICATED", "需要登录", "a valid bearer token is required");
    }

    private static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
