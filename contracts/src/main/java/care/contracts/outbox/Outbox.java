package care.contracts.outbox;

import care.contracts.event.EventEnvelope;
import care.contracts.trace.TraceContexts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** Records an event in the current transaction; {@link OutboxRelay} publishes it once that transaction commits. */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper json;

    @Inject
    Event<OutboxAppended> appended;

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String type, int schemaVersion, String aggregateId,
                                 String cityCode, String divisionCode, Object payload) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, schemaVersion, Instant.now(),
                aggregateId, cityCode, divisionCode, json.valueToTree(payload), TraceContexts.currentTraceId());
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.eventId();
        row.type = type;
        row.aggregateId = aggregateId;
        row.createdAt = envelope.occurredAt();
        row.traceParent = TraceContexts.currentTraceParent();
        try {
            row.envelope = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + type + " cannot be serialised", e);
        }
        row.persist();
        appended.fire(new OutboxAppended());
        return envelope;
    }

    /** Fired inside the writing transaction; the relay observes it after commit. */
    public record OutboxAppended() {
    }
}
