package care.registry.message.service;

import care.registry.access.Access;
import care.registry.message.domain.Message;
import care.registry.message.domain.MessageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The caller's messages: listed, counted, marked read. Whose they are is {@link Access#messageScope}. */
@ApplicationScoped
@Transactional
public class MessageBox {

    private final MessageRepository messages;
    private final Access access;

    public MessageBox(MessageRepository messages, Access access) {
        this.messages = messages;
        this.access = access;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Message> list(boolean unreadOnly, int offset, int size) {
        return messages.inbox(access.messageScope(), unreadOnly, offset, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(boolean unreadOnly) {
        return messages.count(access.messageScope(), unreadOnly);
    }

    /** Read once by any of the institution's accounts is read for all of them; marking it again changes nothing. */
    public Message markRead(UUID id) {
        Message message = access.readableMessage(id);
        if (message.readAt == null) {
            messages.markRead(id, Instant.now(), access.caller().name());
            messages.getEntityManager().refresh(message);
        }
        return message;
    }
}
