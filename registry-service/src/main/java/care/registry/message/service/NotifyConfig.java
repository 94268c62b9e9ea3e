package care.registry.message.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How messages are delivered outside the portal ({@code care.notify.*}). */
@ConfigMapping(prefix = "care.notify")
public interface NotifyConfig {

    /** {@code log} (the default: a line in the service's log), {@code sms} or {@code mail}. */
    @WithDefault("log")
    String channel();

    /** The portal's address as people reach it, for the link to the message. */
    @WithDefault("http://localhost:8080/portal")
    String portalUrl();

    /** Attempts before a delivery is marked FAILED. */
    @WithDefault("8")
    int maxAttempts();

    /** The wait after the first failed attempt; it doubles with each further one, up to an hour. */
    @WithDefault("30s")
    Duration retryAfter();

    /** How often due deliveries are looked for (the scheduler's {@code every}, e.g. {@code 2s}). */
    @WithDefault("2s")
    String sweep();

    Sms sms();

    interface Sms {
        /** The SMS gateway's endpoint (POST, JSON); required when the channel is {@code sms}. */
        Optional<URI> url();

        /** Sent as {@code Authorization: Bearer …} when set. */
        Optional<String> token();

        @WithDefault("5s")
        Duration timeout();
    }
}
