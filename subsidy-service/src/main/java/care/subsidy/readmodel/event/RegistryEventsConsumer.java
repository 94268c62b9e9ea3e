package care.subsidy.readmodel.event;

import care.contracts.event.CaregiverChangedV1;
import care.contracts.event.EventEnvelope;
import care.contracts.event.InstitutionChangedV1;
import care.contracts.event.InstitutionRegisteredV1;
import care.contracts.inbox.Inbox;
import care.contracts.inbox.InboxBatches;
import care.subsidy.readmodel.service.ReadModelWriter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.util.concurrent.CompletionStage;

/**
 * Keeps the read model in step with the register; each event applied once (inbox), a poll's events in one
 * transaction ({@link InboxBatches}).
 */
@ApplicationScoped
public class RegistryEventsConsumer {

    private static final Logger LOG = Logger.getLogger(RegistryEventsConsumer.class);

    private final ObjectMapper json;
    private final Inbox inbox;
    private final ReadModelWriter writer;
    private final InboxBatches batches;

    public RegistryEventsConsumer(ObjectMapper json, Inbox inbox, ReadModelWriter writer, InboxBatches batches) {
        this.json = json;
        this.inbox = inbox;
        this.writer = writer;
        this.batches = batches;
    }

    @Incoming("registry-events")
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, this::apply);
    }

    private void apply(String record) {
        try {
            EventEnvelope event = json.readValue(record, EventEnvelope.class);
            if (!inbox.firstDelivery(event)) {
                return;
            }
            switch (event.type()) {
                case InstitutionRegisteredV1.TYPE ->
                        writer.registered(json.treeToValue(event.payload(), InstitutionRegisteredV1.class),
                                event.occurredAt());
                case InstitutionChangedV1.TYPE ->
                        writer.changed(json.treeToValue(event.payload(), InstitutionChangedV1.class), event.occurredAt());
                case CaregiverChangedV1.TYPE ->
                        writer.caregiver(json.treeToValue(event.payload(), CaregiverChangedV1.class), event.occurredAt());
                default -> LOG.debugf("ignoring %s", event.type());
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
