package care.contracts.inbox;

import care.contracts.event.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Makes a consumer idempotent: call {@link #firstDelivery} inside the transaction that applies the event;
 * a redelivered event finds its id already recorded and is skipped.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(EventEnvelope event) {
        int inserted = em.createNativeQuery(
                        "insert into inbox_event (event_id, type) values (?1, ?2) on conflict do nothing")
                .setParameter(1, event.eventId())
                .setParameter(2, event.type())
                .executeUpdate();
        return inserted == 1;
    }
}
