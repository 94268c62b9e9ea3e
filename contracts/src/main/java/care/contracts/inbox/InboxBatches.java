package care.contracts.inbox;

import care.contracts.db.DatabaseFailures;
import care.contracts.trace.TraceContexts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Applies a poll's records (a channel with {@code batch=true}) each once: the consumer's {@code apply} records the
 * event in the {@link Inbox} and makes its change, and this decides the transactions.
 * <p>
 * The whole poll in one transaction: one commit per poll rather than one per record, which is most of what applying a
 * record costs. Records keep their partition's order. If that transaction fails, the records are applied again one
 * by one, each in its own transaction, so that a record the service cannot hold goes alone to the dead-letter topic.
 * <p>
 * A failure that is not the record's fault sends nothing there: while the database is unreachable the same work is
 * tried again after a growing pause (the consumer holds its place), and once the application is stopping the poll is
 * left unacknowledged, to be read again after the restart (the inbox skips whatever had been applied). Before this,
 * every record in flight during a shutdown went to the dead-letter topic with "EntityManagerFactory is closed".
 */
@ApplicationScoped
public class InboxBatches {

    private static final Logger LOG = Logger.getLogger(InboxBatches.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final EntityManager em;
    private volatile boolean stopping;

    public InboxBatches(EntityManager em) {
        this.em = em;
    }

    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    public CompletionStage<Void> apply(KafkaRecordBatch<String, String> batch, Consumer<String> apply) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        try {
            if (!commit(() -> records.forEach(r -> {
                applyInItsTrace(r, apply);
                // written, and out of the persistence context: else each flush would check every entity before it
                em.flush();
                em.clear();
            }), records.size())) {
                return unacknowledged();
            }
            return batch.ack();
        } catch (RuntimeException batchFailed) {
            LOG.infof("a batch of %d events failed (%s); applying them one by one", records.size(),
                    batchFailed.getMessage());
        }
        List<CompletableFuture<Void>> refused = new ArrayList<>();
        for (KafkaRecord<String, String> record : records) {
            try {
                if (!commit(() -> applyInItsTrace(record, apply), 1)) {
                    return unacknowledged();
                }
            } catch (RuntimeException e) {
                refused.add(record.nack(e).toCompletableFuture()); // to the dead-letter topic
            }
        }
        return CompletableFuture.allOf(refused.toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }

    /** The record's trace is current while it is applied: the events published in turn and the log lines carry it. */
    private static void applyInItsTrace(KafkaRecord<String, String> record, Consumer<String> apply) {
        try (Scope scope = TraceContexts.enter(record)) {
            apply.accept(record.getPayload());
        }
    }

    /**
     * Runs the work in a transaction of its own, again while the database is unreachable. False once the application
     * is stopping; a failure of the work itself is thrown.
     */
    private boolean commit(Runnable work, int records) {
        for (Duration pause = FIRST_PAUSE; !stopping; pause = min(pause.multipliedBy(2), LONGEST_PAUSE)) {
            try {
                QuarkusTransaction.requiringNew().run(work);
                return true;
            } catch (RuntimeException e) {
                if (stopping) {
                    return false;
                }
                if (!DatabaseFailures.unavailable(e)) {
                    throw e;
                }
                LOG.warnf("database unavailable, applying %d events again in %d ms: %s", records, pause.toMillis(),
                        e.getMessage());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    /** Neither acknowledged nor refused: the offset is not committed, so the records come again after a restart. */
    private static CompletionStage<Void> unacknowledged() {
        return new CompletableFuture<>();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
