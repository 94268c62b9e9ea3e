package care.gateway;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Every error the gateway itself answers is problem+json: refused tokens (with the Bearer challenge), refused request
 * targets, the router's own 404 and 405, and anything a handler throws (500, logged here with its stack, never shown
 * to the caller). Without this, Vert.x and Quarkus answer with their own HTML, plain-text or empty pages.
 * <p>
 * Not covered: requests Netty's decoder refuses (a header block over {@code quarkus.http.limits.max-header-size}, a
 * request line over {@code max-initial-line-length}, a malformed request line or target such as one with a backslash)
 * are answered by Vert.x's server before any route runs, with an empty 400/414/431 and the connection closed; Quarkus
 * offers no hook there (the server's invalidRequestHandler is not exposed).
 */
@ApplicationScoped
public class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class);

    void install(@Observes Router router) {
        router.route().failureHandler(Failures::handle);
        // no route matched the path (404) or none matched it with this method (405)
        router.errorHandler(404, Failures::handle);
        router.errorHandler(405, Failures::handle);
    }

    static void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            Problems.send(ctx, 401, "UNAUTHENTICATED", "需要登录", "a valid bearer token is required");
            return;
        }
        if (failure instanceof ForbiddenException) {
            Problems.send(ctx, 403, "FORBIDDEN", "无权执行此操作", "this path is not open to the caller");
            return;
        }
        // Vert.x Web fails a target that is not a path (CONNECT's authority, OPTIONS *) with 404 or 400 before any
        // route runs: it is the caller's malformed request, not a missing resource
        String refusal = RequestTargets.refusal(ctx.request());
        if (refusal != null) {
            badTarget(ctx, refusal);
            return;
        }
        int status = ctx.statusCode() != -1 ? ctx.statusCode()
                : failure instanceof HttpException http ? http.getStatusCode() : 500;
        switch (status) {
            case 400 -> Problems.send(ctx, 400, "BAD_REQUEST", "请求格式错误", "the request is malformed");
            case 404 -> Problems.send(ctx, 404, "NOT_FOUND", "资源不存在", "nothing is served at " + ctx.request().path());
            case 405 -> Problems.send(ctx, 405, "METHOD_NOT_ALLOWED", "不支持该请求方法",
                    ctx.request().method().name() + " is not supported at " + ctx.request().path());
            case 413 -> Problems.send(ctx, 413, "PAYLOAD_TOO_LARGE", "请求内容过大", "the request body is too large");
            default -> {
                if (status >= 500) {
                    LOG.errorf(failure, "%s %s failed (trace %s)", ctx.request().method(), ctx.request().path(),
                            ProxyRoutes.traceId());
                    Problems.send(ctx, status, status == 500 ? "INTERNAL_ERROR" : "HTTP_" + status, "网关内部错误",
                            "the gateway could not handle this request; it has been logged");
                } else {
                    Problems.send(ctx, status, "HTTP_" + status, "请求失败", "the request failed with status " + status);
                }
            }
        }
    }

    static void badTarget(RoutingContext ctx, String detail) {
        Problems.send(ctx, 400, "INVALID_REQUEST_TARGET", "请求地址无效", detail);
    }
}
