package care.registry.message.domain;

/**
 * A message's delivery by the notifier: waiting (also between retries), sent, given up after the last retry, or not
 * sendable because the chosen channel has no address for the institution (the message is still in the portal).
 */
public enum DeliveryStatus {
    PENDING, SENT, FAILED, NO_ADDRESS
}
