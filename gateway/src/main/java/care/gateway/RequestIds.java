package care.gateway;

import io.vertx.ext.web.RoutingContext;

import java.util.UUID;
import java.util.regex.Pattern;

/** Every request carries an X-Request-Id in and out: the caller's if it sent a sane one, else a new one. */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private RequestIds() {
    }

    static void assign(RoutingContext ctx) {
        String id = ctx.request().getHeader(HEADER);
        if (id == null || !SANE.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
            ctx.request().headers().set(HEADER, id);
        }
        ctx.put(HEADER, id);
        ctx.response().putHeader(HEADER, id);
        ctx.next();
    }
}
