package care.registry.message.rest;

import care.registry.message.domain.Message;
import care.registry.message.domain.MessageKind;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A message as its reader sees it; its delivery addresses stay in the service. */
public record MessageResponse(UUID id, MessageKind kind, String title, String body, UUID filingId,
                              UUID registrationId, Instant createdAt, boolean read, Instant readAt) {

    static MessageResponse of(Message m) {
        return new MessageResponse(m.id, m.kind, m.title, m.body, m.filingId, m.registrationId, m.createdAt,
                m.readAt != null, m.readAt);
    }

    /** One page of messages, with how many there are and how many are unread. */
    public record Page(List<MessageResponse> items, long total, long unread, int page, int size) {
    }

    public record Unread(long unread) {
    }
}
