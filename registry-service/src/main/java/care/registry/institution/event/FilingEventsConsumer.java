package care.registry.institution.event;

import care.contracts.event.EventEnvelope;
import care.contracts.event.FilingApprovedV1;
import care.contracts.inbox.Inbox;
import care.contracts.inbox.InboxBatches;
import care.registry.account.service.RegistrationService;
import care.registry.institution.service.FilingOutcomeService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.io.UncheckedIOException;
import java.util.concurrent.CompletionStage;

/**
 * Applies each filing-events record once: its inbox row and its change commit together, a poll's records in one
 * transaction ({@link InboxBatches}). An approval files the institution and may confirm its registrant's account
 * ({@link RegistrationService#newFilingApproved}).
 */
@ApplicationScoped
public class FilingEventsConsumer {

    private final ObjectMapper json;
    private final Inbox inbox;
    private final FilingOutcomeService outcomes;
    private final InboxBatches batches;
    private final RegistrationService registrations;

    public FilingEventsConsumer(ObjectMapper json, Inbox inbox, FilingOutcomeService outcomes, InboxBatches batches,
                                RegistrationService registrations) {
        this.json = json;
        this.inbox = inbox;
        this.outcomes = outcomes;
        this.batches = batches;
        this.registrations = registrations;
    }

    @Incoming("filing-events")
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, this::apply);
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
                FilingApprovedV1 approved = json.treeToValue(event.payload(), FilingApprovedV1.class);
                outcomes.approved(approved);
                // in the same transaction: the registrant's account is confirmed with the institution it filed
                registrations.newFilingApproved(approved);
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
