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

    interface Route {
        String url();

        List<String> prefixes();
    }
}
