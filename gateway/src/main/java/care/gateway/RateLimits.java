package care.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;

/**
 * A token bucket per client: per user or service account when there is a token (so one clerk's script cannot slow
 * a reviewer down), per address when there is none. A flood gets 429 with Retry-After; everyone else goes on.
 */
final class RateLimits implements Handler<RoutingContext> {

    private final GatewayConfig.RateLimit config;
    private final Cache<String, Bucket> buckets;

    RateLimits(GatewayConfig.RateLimit config) {
        this.config = config;
        // idle clients' buckets are full again after a few seconds anyway; keep memory bounded. The cache's upkeep runs
        // on the calling event loop: handing it to the common pool woke a thread every few requests
        this.buckets = Caffeine.newBuilder().executor(Runnable::run)
                .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(200_000).build();
    }

    @Override
    public void handle(RoutingContext ctx) {
        Bucket bucket = bucketOf(ctx);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            ctx.response().putHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
            ctx.next();
            return;
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        ctx.response().putHeader("Retry-After", Long.toString(seconds));
        Problems.send(ctx, 429, "RATE_LIMITED", "请求过于频繁，请稍后再试",
                "too many requests from this client; retry after " + seconds + " s");
    }

    private Bucket bucketOf(RoutingContext ctx) {
        VerifiedToken token = ctx.get(VerifiedToken.KEY);
        if (token != null) {
            int perSecond = config.clients().getOrDefault(token.client(), config.perSecond());
            return buckets.get("token:" + token.client() + ":" + token.subject(), key -> bucket(perSecond));
        }
        String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
        return buckets.get("address:" + address, key -> bucket(config.anonymousPerSecond()));
    }

    private static Bucket bucket(int perSecond) {
        // a burst of one second's worth on top of the steady rate, refilled smoothly
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(2L * perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .build();
    }
}
