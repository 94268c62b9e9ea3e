package care.contracts.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The JSON envelope of every event on the platform's topics. {@code eventId} is what consumers
 * record in their inbox, {@code aggregateId} is the Kafka key, so one aggregate's events stay in order.
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        String aggregateId,
        String cityCode,
        String divisionCode,
        JsonNode payload) {
}
