package care.gateway;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Refused tokens answer as problem+json (with the Bearer challenge), like every other error. */
@ApplicationScoped
public class AuthProblems {

    void install(@Observes Router router) {
        router.route().failureHandler(ctx -> {
            Throwable failure = ctx.failure();
            if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
                Problems.send(ctx, 401, "UNAUTHENTICATED", "需要登录", "a valid bearer token is required");
            } else if (failure instanceof ForbiddenException) {
                Problems.send(ctx, 403, "FORBIDDEN", "无权执行此操作", "this path is not open to the caller");
            } else {
                ctx.next();
            }
        });
    }
}
