package care.gateway;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The gateway's own answers, in the platform's problem+json format. */
final class Problems {

    private Problems() {
    }

    static void send(RoutingContext ctx, int status, String code, String title, String detail) {
        if (ctx.response().headWritten()) {
            ctx.response().close();
            return;
        }
        JsonObject problem = new JsonObject()
                .put("type", "urn:care:problem:" + code)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.request().path())
                .put("code", code);
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .end(problem.encode());
    }
}
