package care.registry.message.domain;

import care.registry.institution.domain.InstitutionScope;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MessageRepository implements PanacheRepositoryBase<Message, UUID> {

    /** The messages a scope (Access#messageScope, on Message fields) lets its caller read, newest first. */
    public List<Message> inbox(InstitutionScope scope, boolean unreadOnly, int offset, int size) {
        return find(where(scope, unreadOnly) + " order by createdAt desc, id", scope.parameters())
                .range(offset, offset + size - 1).list();
    }

    public long count(InstitutionScope scope, boolean unreadOnly) {
        return count(where(scope, unreadOnly), scope.parameters());
    }

    private static String where(InstitutionScope scope, boolean unreadOnly) {
        return scope.condition() + (unreadOnly ? " and readAt is null" : "");
    }

    /**
     * Marks a message read by a bulk update, which neither checks nor moves its version: the delivery worker may hold
     * the row meanwhile (an SMS under way) and change its delivery columns; reading is another column and must not
     * fail on that. Waits for the worker's lock, and does nothing to a message already read.
     */
    public void markRead(UUID id, Instant at, String by) {
        update("readAt = ?1, readBy = ?2 where id = ?3 and readAt is null", at, by, id);
    }

    /** Ids of deliveries due now, earliest first. */
    public List<UUID> dueDeliveries(Instant now, int limit) {
        return getEntityManager().createQuery("select id from Message where deliveryStatus = :pending"
                        + " and nextDeliveryAt <= :now order by nextDeliveryAt", UUID.class)
                .setParameter("pending", DeliveryStatus.PENDING).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    /**
     * The message locked for its delivery, or empty if another replica holds it (SKIP LOCKED: each delivery is made by
     * one replica at a time) or it was delivered meanwhile.
     */
    public Optional<Message> lockForDelivery(UUID id) {
        List<?> locked = getEntityManager().createNativeQuery("select id from message where id = ?1"
                        + " and delivery_status = 'PENDING' for update skip locked")
                .setParameter(1, id).getResultList();
        return locked.isEmpty() ? Optional.empty() : Optional.ofNullable(findById(id));
    }
}
