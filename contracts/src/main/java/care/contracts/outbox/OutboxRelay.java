package care.contracts.outbox;

import care.contracts.trace.TraceContexts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows to the service's topic (channel {@code outbox}) and marks them sent only after the broker
 * acknowledged them (acks=all). Woken right after each commit for low latency, and swept every second for
 * anything a crash or a broker outage left behind. Rows are locked with SKIP LOCKED, so several instances can relay.
 * Delivery is at least once; consumers drop duplicates through their inbox.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    @Inject
    EntityManager em;

    @Inject
    @Channel("outbox")
    Emitter<String> emitter;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
    private final AtomicBoolean scheduled = new AtomicBoolean();

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxAppended appended) {
        wakeUp();
    }

    // not before the application runs: until then the channel behind the emitter is not wired
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        wakeUp();
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdown();
    }

    private void wakeUp() {
        if (scheduled.compareAndSet(false, true) && !worker.isShutdown()) {
            worker.execute(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        try {
            while (QuarkusTransaction.requiringNew().call(this::relayBatch) == BATCH) {
                // a full batch: more may be waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay paused, will retry: %s", e.getMessage());
        }
    }

    private int relayBatch() throws Exception {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> batch = em.createNativeQuery(
                        "select * from outbox_event where sent_at is null order by seq limit " + BATCH
                                + " for update skip locked", OutboxEvent.class)
                .getResultList();
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent row : batch) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            RecordHeaders headers = new RecordHeaders();
            headers.add("event-type", row.type.getBytes(StandardCharsets.UTF_8));
            headers.add("event-id", row.eventId.toString().getBytes(StandardCharsets.UTF_8));
            emitter.send(Message.of(row.envelope)
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                            .withKey(row.aggregateId).withHeaders(headers).build())
                    // the producer span continues the request's trace, not the relay thread's (none)
                    .addMetadata(TracingMetadata.withCurrent(TraceContexts.fromTraceParent(row.traceParent)))
                    .withAck(() -> {
                        ack.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(failure -> {
                        ack.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    }));
            acks.add(ack);
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        if (!batch.isEmpty()) { // one statement for the batch, not an update per row
            em.createNativeQuery("update outbox_event set sent_at = ?1 where seq = any(?2)")
                    .setParameter(1, Instant.now())
                    .setParameter(2, batch.stream().map(row -> row.seq).toArray(Long[]::new))
                    .executeUpdate();
        }
        return batch.size();
    }
}
