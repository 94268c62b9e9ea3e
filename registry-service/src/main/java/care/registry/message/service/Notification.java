package care.registry.message.service;

import java.util.UUID;

/**
 * What a notifier sends for one message: its text, a link to it in the portal, and the addresses kept with it (either
 * may be null; an adapter that needs one that is missing says so with {@link NoAddress}).
 */
public record Notification(UUID messageId, String title, String body, String link, String phone, String email) {

    /** The chosen channel has no address for this message: it is marked NO_ADDRESS, not retried. */
    public static class NoAddress extends RuntimeException {
        public NoAddress(String channel) {
            super("no " + channel + " address");
        }
    }
}
