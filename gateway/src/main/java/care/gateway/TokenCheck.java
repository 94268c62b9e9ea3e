package care.gateway;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * Quarkus has already verified any bearer token (proactive authentication: a bad one fails the request with 401).
 * This refuses requests without one, except on the public prefixes.
 */
final class TokenCheck implements Handler<RoutingContext> {

    private final List<String> publicPrefixes;

    TokenCheck(List<String> publicPrefixes) {
        this.publicPrefixes = publicPrefixes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        boolean open = publicPrefixes.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
        if (open || (ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous())) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        Problems.send(ctx, 401, "UNAUTHENTICATED", "需要登录", "a valid bearer token is required");
    }
}
