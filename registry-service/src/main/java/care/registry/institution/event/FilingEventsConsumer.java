package care.registry.institution.event;

import care.contracts.event.EventEnvelope;
import care.contracts.event.FilingApprovedV1;
import care.contracts.inbox.Inbox;
import care.registry.institution.service.FilingOutcomeService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Applies each filing-events record once: its inbox row and its change commit together.
 * <p>
 * The channel delivers a poll's records as one batch ({@code batch=true}), applied in one transaction: one commit
 * per poll rather than one per record, which is most of what applying a record costs. Each record still has its own
 * inbox row, and records are applied in their partition's order, so a key's events keep their order. If the batch
 * fails, its records are applied again one by one, each in its own transaction, so that a record the register cannot
 * hold neither rolls back nor holds up the others; only that record goes to the dead-letter topic, as it did when
 * every record had a transaction of its own.
 */
@ApplicationScoped
public class FilingEventsConsumer {

    private static final Logger LOG = Logger.getLogger(FilingEventsConsumer.class);

    private final ObjectMapper json;
    private final Inbox inbox;
    private final FilingOutcomeService outcomes;
    private final EntityManager em;

    public FilingEventsConsumer(ObjectMapper json, Inbox inbox, FilingOutcomeService outcomes, EntityManager em) {
        this.json = json;
        this.inbox = inbox;
        this.outcomes = outcomes;
        this.em = em;
    }

    @Incoming("filing-events")
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        try {
            QuarkusTransaction.requiringNew().run(() -> records.forEach(r -> {
                apply(r.getPayload());
                // written, and out of the persistence context: else each flush of the batch would check every
                // entity of the records before it
                em.flush();
                em.clear();
            }));
            return batch.ack();
        } catch (RuntimeException batchFailed) {
            LOG.infof("a batch of %d filing events failed (%s); applying them one by one", records.size(),
                    batchFailed.getMessage());
        }
        List<CompletableFuture<Void>> refused = new ArrayList<>();
        for (KafkaRecord<String, String> record : records) {
            try {
                QuarkusTransaction.requiringNew().run(() -> apply(record.getPayload()));
            } catch (RuntimeException e) {
                refused.add(record.nack(e).toCompletableFuture()); // to the dead-letter topic
            }
        }
        return CompletableFuture.allOf(refused.toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }

    /** One record in its own transaction, as if it were a batch of one (tests hand envelopes to this). */
    @Transactional
    public void applyOne(String record) {
        apply(record);
    }

    private void apply(String record) {
        try {
            EventEnvelope event = json.readValue(record, EventEnvelope.class);
            if (!inbox.firstDelivery(event)) {
                return;
            }
            if (FilingApprovedV1.TYPE.equals(event.type())) {
                outcomes.approved(json.treeToValue(event.payload(), FilingApprovedV1.class));
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
