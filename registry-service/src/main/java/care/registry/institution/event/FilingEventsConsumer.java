package care.registry.institution.event;

import care.contracts.event.EventEnvelope;
import care.contracts.event.FilingApprovedV1;
import care.contracts.inbox.Inbox;
import care.registry.institution.service.FilingOutcomeService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies each filing-events record once: the inbox row and the change commit together. */
@ApplicationScoped
public class FilingEventsConsumer {

    private final ObjectMapper json;
    private final Inbox inbox;
    private final FilingOutcomeService outcomes;

    public FilingEventsConsumer(ObjectMapper json, Inbox inbox, FilingOutcomeService outcomes) {
        this.json = json;
        this.inbox = inbox;
        this.outcomes = outcomes;
    }

    @Incoming("filing-events")
    @Blocking
    @Transactional
    public void on(String record) throws JsonProcessingException {
        EventEnvelope event = json.readValue(record, EventEnvelope.class);
        if (!inbox.firstDelivery(event)) {
            return;
        }
        if (FilingApprovedV1.TYPE.equals(event.type())) {
            outcomes.approved(json.treeToValue(event.payload(), FilingApprovedV1.class));
        }
    }
}
