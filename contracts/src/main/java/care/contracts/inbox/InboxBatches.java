package care.contracts.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;
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
                apply.accept(r.getPayload());
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
                if (!commit(() -> apply.accept(record.getPayload()), 1)) {
                    return unacknowledged();
                }
            } catch (RuntimeException e) {
                refused.add(record.nack(e).toCompletableFuture()); // to the dead-letter topic
            }
        }
        return CompletableFuture.allOf(refused.toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
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
                if (!databaseUnavailable(e)) {
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

    /**
     * Whether a failure says the database cannot be reached or cannot take work now (connection refused or lost,
     * server shutting down, out of connections, the pool's wait for a connection over), rather than that this
     * record cannot be applied. The services' error mappers ask the same of a failed request (503, not 500).
     */
    public static boolean databaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P: admin/crash shutdown, cannot connect now; 53: insufficient resources
                if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53"))) {
                    return true;
                }
                if (state == null && sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return true; // Agroal: no connection free within the pool's acquisition timeout
                }
            }
        }
        return false;
    }
}
