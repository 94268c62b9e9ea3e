package care.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Service name → where it listens and which path prefixes it owns. */
    Map<String, Route> routes();

    /** Paths open without a token (the public directory); everything else under /api needs one. */
    List<String> publicPrefixes();

    /** The longest a forwarded request may take before the caller gets 504. */
    @WithDefault("15s")
    Duration timeout();

    @WithDefault("2s")
    Duration connectTimeout();

    /** Bigger request bodies are refused with 413 before anything is forwarded. */
    @WithDefault("25M")
    io.quarkus.runtime.configuration.MemorySize maxBodySize();

    RateLimit rateLimit();

    interface RateLimit {
        /** Requests per second for one user or service account (twice this as a burst). */
        @WithDefault("50")
        int perSecond();

        /** Requests per second for one address without a token (the public directory). */
        @WithDefault("20")
        int anonymousPerSecond();

        /**
         * Tokens not verified before, per address per second: counted before their signature is checked, so that a
         * flood of garbage or forged tokens meets 429. A client's token is verified about once a minute.
         */
        @WithDefault("50")
        int tokenChecksPerSecond();

        /** Registrations (anonymous POST /api/registrations) per address per hour, all of them usable at once. */
        @WithDefault("5")
        int registrationsPerHour();

        /** Overrides of {@link #perSecond} by the token's client (azp), e.g. the finance bureau's system. */
        Map<String, Integer> clients();

        /**
         * How many gateway replicas share these limits. Each counts in its own memory, so each allows this share of
         * every rate and burst: the replicas together allow the configured rate, not this many times it.
         */
        @WithDefault("1")
        int replicas();
    }

    interface Route {
        String url();

        List<String> prefixes();
    }
}
