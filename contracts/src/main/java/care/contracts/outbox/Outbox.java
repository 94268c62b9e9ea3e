package care.contracts.outbox;

import care.contracts.event.EventEnvelope;
import care.contracts.trace.TraceContexts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records events in the current transaction; {@link OutboxRelay} publishes them once that transaction commits.
 * Rows are written with one statement however many events there are: the table numbers them (seq) in the order given,
 * which is the order the relay sends them in.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Inject
    Event<OutboxAppended> appended;

    /** One event to record: its type and schema version, the aggregate it is about (the Kafka key), and where. */
    public record Draft(String type, int schemaVersion, String aggregateId, String cityCode, String divisionCode,
                        Object payload) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String type, int schemaVersion, String aggregateId,
                                 String cityCode, String divisionCode, Object payload) {
        return publishAll(List.of(new Draft(type, schemaVersion, aggregateId, cityCode, divisionCode, payload)))
                .get(0);
    }

    /** Many events of one transaction (a bank file's results, say): one insert, not a round trip per event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> publishAll(List<Draft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        String traceId = TraceContexts.currentTraceId();
        String traceParent = TraceContexts.currentTraceParent();
        Instant now = Instant.now();
        List<EventEnvelope> envelopes = new ArrayList<>(drafts.size());
        List<String> bodies = new ArrayList<>(drafts.size());
        for (Draft draft : drafts) {
            EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), draft.type(), draft.schemaVersion(), now,
                    draft.aggregateId(), draft.cityCode(), draft.divisionCode(), json.valueToTree(draft.payload()),
                    traceId);
            envelopes.add(envelope);
            bodies.add(write(envelope));
        }
        em.unwrap(Session.class).doWork(c -> insert(c, envelopes, bodies, traceParent, now));
        appended.fire(new OutboxAppended());
        return envelopes;
    }

    private static void insert(Connection c, List<EventEnvelope> envelopes, List<String> bodies, String traceParent,
                               Instant createdAt) throws SQLException {
        try (PreparedStatement rows = c.prepareStatement("""
                insert into outbox_event (event_id, type, aggregate_id, envelope, trace_parent, created_at)
                select e, t, a, b, ?, ? from unnest(?::uuid[], ?::text[], ?::text[], ?::text[])
                    with ordinality as u(e, t, a, b, n)
                order by n""")) {
            rows.setString(1, traceParent);
            rows.setObject(2, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
            rows.setArray(3, c.createArrayOf("uuid", envelopes.stream().map(EventEnvelope::eventId).toArray()));
            rows.setArray(4, c.createArrayOf("text", envelopes.stream().map(EventEnvelope::type).toArray()));
            rows.setArray(5, c.createArrayOf("text", envelopes.stream().map(EventEnvelope::aggregateId).toArray()));
            rows.setArray(6, c.createArrayOf("text", bodies.toArray()));
            rows.executeUpdate();
        }
    }

    private String write(EventEnvelope envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + envelope.type() + " cannot be serialised", e);
        }
    }

    /** Fired inside the writing transaction; the relay observes it after commit. */
    public record OutboxAppended() {
    }
}
