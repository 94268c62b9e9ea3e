package care.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;

/**
 * Token buckets per client: per user or service account for a token the gateway has verified before (so that one
 * clerk's script cannot slow a reviewer down), and per address for everything else: requests without a token, and
 * tokens not yet verified. The latter runs before {@link TokenCheck} verifies anything, so a flood of garbage or
 * forged tokens meets 429 instead of costing a signature check each. A flood gets 429 with Retry-After; everyone
 * else goes on.
 * <p>
 * Registrations ({@code POST /api/registrations}, anonymous) have a bucket of their own per address, counted in
 * hours rather than seconds: each one makes an account that a county official must look at, so a script that
 * registers in bursts meets 429 after a handful, while an office registering its institutions is not held up.
 * <p>
 * The address is the TCP peer's, or the client's that a trusted proxy names in X-Forwarded-For when
 * {@code quarkus.http.proxy.*} says which proxies are trusted (Quarkus resolves that before any route runs).
 * <p>
 * The buckets live in this replica's memory. With several replicas behind one Service
 * ({@code gateway.rate-limit.replicas}), each allows its share of every rate and burst ({@link #share}), so that
 * together they allow the configured rate, not that many times it. The share assumes requests are spread evenly over
 * the replicas, as the ingress controller does per request; a client whose requests all reach one replica gets only
 * that replica's share.
 */
final class RateLimits implements Handler<RoutingContext> {

    private final GatewayConfig.RateLimit config;
    // one cache per kind of bucket, keyed by the bare address or token: no key string built per request. Idle clients'
    // buckets are full again after a few seconds anyway; keep memory bounded. The caches' upkeep runs on the calling
    // event loop: handing it to the common pool woke a thread every few requests
    private final Cache<String, Bucket> clients = cache();
    private final Cache<String, Bucket> anonymous = cache();
    private final Cache<String, Bucket> tokenChecks = cache();
    private final Cache<String, Bucket> registrations = cache();

    RateLimits(GatewayConfig.RateLimit config) {
        this.config = config;
    }

    private static <K> Cache<K, Bucket> cache() {
        return Caffeine.newBuilder().executor(Runnable::run)
                .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(200_000).build();
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (isRegistration(ctx)) {
            // all of an hour's registrations usable at once
            ConsumptionProbe registration = registrations.get(address(ctx), key -> share(config.registrationsPerHour(),
                    Duration.ofHours(1), 1, config.replicas(), TimeMeter.SYSTEM_MILLISECONDS))
                    .tryConsumeAndReturnRemaining(1);
            if (!registration.isConsumed()) {
                refuse(ctx, registration);
                return;
            }
        }
        Bucket bucket = bucketOf(ctx);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            ctx.response().putHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
            ctx.next();
            return;
        }
        refuse(ctx, probe);
    }

    private static boolean isRegistration(RoutingContext ctx) {
        return ctx.request().method() == HttpMethod.POST && ctx.request().path().equals("/api/registrations");
    }

    private static String address(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
    }

    private static void refuse(RoutingContext ctx, ConsumptionProbe probe) {
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        ctx.response().putHeader("Retry-After", Long.toString(seconds));
        Problems.send(ctx, 429, "RATE_LIMITED", "请求过于频繁，请稍后再试",
                "too many requests from this client; retry after " + seconds + " s");
    }

    private Bucket bucketOf(RoutingContext ctx) {
        VerifiedToken token = ctx.get(VerifiedToken.KEY);
        if (token != null) {
            return clients.get(token.bucketKey(), key ->
                    bucket(config.clients().getOrDefault(token.client(), config.perSecond())));
        }
        String address = address(ctx);
        if (ctx.get(TokenCheck.UNVERIFIED) != null) {
            return tokenChecks.get(address, key -> bucket(config.tokenChecksPerSecond()));
        }
        return anonymous.get(address, key -> bucket(config.anonymousPerSecond()));
    }

    private Bucket bucket(int perSecond) {
        // a burst of one second's worth on top of the steady rate, refilled smoothly
        return share(perSecond, Duration.ofSeconds(1), 2, config.replicas(), TimeMeter.SYSTEM_MILLISECONDS);
    }

    /**
     * One replica's bucket for a limit of {@code rate} per {@code period} with a burst of {@code burstPeriods} periods'
     * worth: 1/{@code replicas} of the burst (at least one request) and of the rate. The refill is one token at a
     * time, every period × replicas / rate, so the replicas' rates add up to the configured one exactly.
     */
    static Bucket share(long rate, Duration period, int burstPeriods, int replicas, TimeMeter clock) {
        long capacity = Math.max(1, burstPeriods * rate / replicas);
        Duration perToken = period.multipliedBy(replicas).dividedBy(rate);
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(1, perToken))
                .withCustomTimePrecision(clock)
                .build();
    }
}
