package care.contracts.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The JSON envelope of every event on the platform's topics. {@code eventId} is what consumers
 * record in their inbox, {@code aggregateId} is the Kafka key, so one aggregate's events stay in order.
 * {@code requestId} is the trace id of the API request that caused the event (null for scheduled work): the
 * X-Request-Id its caller was answered with.
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        String aggregateId,
        String cityCode,
        String divisionCode,
        JsonNode payload,
        String requestId) {

    public EventEnvelope(UUID eventId, String type, int schemaVersion, Instant occurredAt, String aggregateId,
                         String cityCode, String divisionCode, JsonNode payload) {
        this(eventId, type, schemaVersion, occurredAt, aggregateId, cityCode, divisionCode, payload, null);
    }
}
