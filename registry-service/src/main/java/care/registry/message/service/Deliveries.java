package care.registry.message.service;

import care.registry.message.domain.DeliveryStatus;
import care.registry.message.domain.Message;
import care.registry.message.domain.MessageRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Delivers committed messages through the configured {@link Notifier}, each in a transaction of its own with its row
 * locked (SKIP LOCKED, so replicas share the work): sent → SENT; the channel has no address → NO_ADDRESS; any other
 * failure → tried again after {@code retry-after}, doubling up to an hour, and FAILED after {@code max-attempts}. The
 * message itself was committed before and stays readable in the portal whatever happens here.
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final int BATCH = 50;

    private final MessageRepository messages;
    private final NotifyConfig config;
    private final Notifier notifier;

    public Deliveries(MessageRepository messages, NotifyConfig config, @Any Instance<Notifier> notifiers) {
        this.messages = messages;
        this.config = config;
        Instance<Notifier> chosen = notifiers.select(Identifier.Literal.of(config.channel()));
        if (!chosen.isResolvable()) {
            throw new IllegalStateException("care.notify.channel is log, sms or mail, not " + config.channel());
        }
        this.notifier = chosen.get();
    }

    /**
     * Delivers what is due, a batch at a time, until a batch is not full or nothing in it went out: a day's
     * approvals all at once are sent in one sweep instead of 50 per sweep (25 a second, behind any busier hour); a
     * gateway that fails every message ends the sweep after one batch, as its retries are due later.
     */
    @Scheduled(every = "${care.notify.sweep}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class) // not while it starts or stops (Hibernate closed)
    void sweep() {
        List<UUID> due;
        int sent;
        do {
            due = QuarkusTransaction.requiringNew().call(() -> messages.dueDeliveries(Instant.now(), BATCH));
            sent = 0;
            for (UUID id : due) {
                if (QuarkusTransaction.requiringNew().call(() -> messages.lockForDelivery(id)
                        .map(this::deliver).orElse(false))) {
                    sent++;
                }
            }
        } while (due.size() == BATCH && sent > 0);
    }

    /** One attempt; true if it went out (sent, or the channel has no address for it), false if the attempt failed. */
    private boolean deliver(Message message) {
        Instant now = Instant.now();
        message.deliveryAttempts++;
        try {
            notifier.send(new Notification(message.id, message.title, message.body,
                    config.portalUrl() + "/messages#m-" + message.id, message.phone, message.email));
            message.deliveryStatus = DeliveryStatus.SENT;
            message.deliveredAt = now;
            message.nextDeliveryAt = null;
            message.deliveryError = null;
            return true;
        } catch (Notification.NoAddress e) {
            message.deliveryStatus = DeliveryStatus.NO_ADDRESS;
            message.nextDeliveryAt = null;
            message.deliveryError = e.getMessage();
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            message.deliveryError = truncate(e.toString());
            if (message.deliveryAttempts >= config.maxAttempts()) {
                message.deliveryStatus = DeliveryStatus.FAILED;
                message.nextDeliveryAt = null;
                LOG.warnf("message %s not delivered by %s after %d attempts: %s", message.id, config.channel(),
                        message.deliveryAttempts, message.deliveryError);
            } else {
                message.nextDeliveryAt = now.plus(backoff(message.deliveryAttempts));
                LOG.infof("message %s: %s delivery failed (attempt %d), tried again at %s: %s", message.id,
                        config.channel(), message.deliveryAttempts, message.nextDeliveryAt, message.deliveryError);
            }
            return false;
        }
    }

    /** retry-after, doubled for each attempt after the first, at most an hour. */
    Duration backoff(int attempts) {
        Duration wait = config.retryAfter();
        for (int i = 1; i < attempts && wait.compareTo(LONGEST_WAIT) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
