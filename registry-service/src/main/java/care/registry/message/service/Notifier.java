package care.registry.message.service;

/**
 * Tells a person outside the portal that a message waits (SMS, e-mail, or the log locally). Chosen by
 * {@code care.notify.channel}; {@link Deliveries} calls it after the message is committed, so a notifier that fails
 * (throws) only delays or fails the delivery, never the message. Returning normally means the channel accepted it.
 */
public interface Notifier {

    void send(Notification notification) throws Exception;
}
