package care.registry.institution.event;

import care.contracts.event.EventEnvelope;
import care.contracts.event.FilingAcceptedV1;
import care.contracts.event.FilingApprovedV1;
import care.contracts.event.FilingRejectedV1;
import care.contracts.event.FilingReturnedV1;
import care.contracts.inbox.Inbox;
import care.contracts.inbox.InboxBatches;
import care.registry.account.service.RegistrationService;
import care.registry.institution.service.FilingOutcomeService;
import care.registry.message.service.Messages;
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
 * ({@link RegistrationService#newFilingApproved}). Acceptance, return, approval and refusal are each told to the
 * institution as a message ({@link Messages}), in the same transaction: one event, one message.
 */
@ApplicationScoped
public class FilingEventsConsumer {

    private final ObjectMapper json;
    private final Inbox inbox;
    private final FilingOutcomeService outcomes;
    private final InboxBatches batches;
    private final RegistrationService registrations;
    private final Messages messages;

    public FilingEventsConsumer(ObjectMapper json, Inbox inbox, FilingOutcomeService outcomes, InboxBatches batches,
                                RegistrationService registrations, Messages messages) {
        this.json = json;
        this.inbox = inbox;
        this.outcomes = outcomes;
        this.batches = batches;
        this.registrations = registrations;
        this.messages = messages;
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
            switch (event.type()) {
                case FilingApprovedV1.TYPE -> {
                    FilingApprovedV1 approved = json.treeToValue(event.payload(), FilingApprovedV1.class);
                    outcomes.approved(approved);
                    // after the register holds the institution: the message goes to its contacts
                    messages.approved(approved);
                    // in the same transaction: the registrant's account is confirmed with the institution it filed
                    registrations.newFilingApproved(approved);
                }
                case FilingAcceptedV1.TYPE ->
                        messages.accepted(json.treeToValue(event.payload(), FilingAcceptedV1.class));
                case FilingReturnedV1.TYPE ->
                        messages.returned(json.treeToValue(event.payload(), FilingReturnedV1.class));
                case FilingRejectedV1.TYPE ->
                        messages.rejected(json.treeToValue(event.payload(), FilingRejectedV1.class));
                default -> {
                    // FilingWithdrawn: the institution withdrew it itself; nothing to tell or to change
                }
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
