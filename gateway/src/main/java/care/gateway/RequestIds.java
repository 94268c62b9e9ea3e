package care.gateway;

import io.vertx.ext.web.RoutingContext;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Every request carries an X-Request-Id in and out: the caller's if it sent a sane one, else a new one. */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private RequestIds() {
    }

    static void assign(RoutingContext ctx) {
        String id = ctx.request().getHeader(HEADER);
        if (id == null || !SANE.matcher(id).matches()) {
            id = newId();
            ctx.request().headers().set(HEADER, id);
        }
        ctx.put(HEADER, id);
        ctx.response().putHeader(HEADER, id);
        ctx.next();
    }

    /**
     * A random (version 4) UUID. It names a request and guards nothing, so it needs no SecureRandom (a /dev/urandom
     * read and a lock per request).
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;                           // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;  // IETF variant
        return new UUID(high, low).toString();
    }
}
