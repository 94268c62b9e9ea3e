package care.registry.directory.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The directory's change feed (table directory_change, V9), read and appended by position. */
@ApplicationScoped
public class DirectoryChangeRepository {

    /** The advisory lock that orders the feed's writers (any constant: only this table uses it). */
    private static final long FEED_LOCK = 0x6469726563746f72L; // "director"
    private static final String SELECT = "select position, institution_id, kind, entry, recorded_at from directory_change ";

    private final EntityManager em;

    public DirectoryChangeRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Runs {@code work} as the caller's transaction commits, after the session's flush of its other writes: where the
     * feed's rows are appended ({@link #lockForAppending}), so that the lock is held for the commit alone.
     */
    public void beforeCommit(Runnable work) {
        em.unwrap(SharedSessionContractImplementor.class).getTransactionCompletionCallbacks()
                .registerCallback((TransactionCompletionCallbacks.BeforeCompletionCallback) session -> work.run());
    }

    /**
     * Takes the feed's lock, held until the caller's transaction ends: the next writer's positions are taken only
     * after this one is committed (or rolled back, leaving a gap), so positions grow in commit order, which is what
     * lets a reader resume from the last position it saw. Taken at the end of a transaction ({@link #beforeCommit}).
     */
    public void lockForAppending() {
        em.createNativeQuery("select pg_advisory_xact_lock(:lock)").setParameter("lock", FEED_LOCK).getSingleResult();
    }

    /** The last change of each of these institutions that has one. */
    public Map<UUID, DirectoryChange> lastOf(Collection<UUID> institutions) {
        Map<UUID, DirectoryChange> last = new HashMap<>();
        rows(em.createNativeQuery(SELECT + "where institution_id = any(:ids) order by institution_id, position desc")
                .setParameter("ids", institutions.toArray(UUID[]::new)).getResultList())
                .forEach(change -> last.putIfAbsent(change.institutionId(), change));
        return last;
    }

    /** Appends the changes in the order given, under the lock of {@link #lockForAppending}. */
    public void append(List<DirectoryChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                        insert into directory_change (institution_id, kind, entry)
                        select i, k, e from unnest(:ids, :kinds, :entries) with ordinality as u(i, k, e, n)
                        order by n""")
                .setParameter("ids", changes.stream().map(DirectoryChange::institutionId).toArray(UUID[]::new))
                .setParameter("kinds", changes.stream().map(change -> change.kind().name()).toArray(String[]::new))
                .setParameter("entries", changes.stream().map(DirectoryChange::entry).toArray(String[]::new))
                .executeUpdate();
    }

    /** Up to {@code limit} changes after {@code position}, oldest first. */
    public List<DirectoryChange> after(long position, int limit) {
        return rows(em.createNativeQuery(SELECT
                        + "where position > :position order by position limit :limit")
                .setParameter("position", position).setParameter("limit", limit).getResultList());
    }

    /** The newest {@code limit} changes, newest first. */
    public List<DirectoryChange> newest(int limit) {
        return rows(em.createNativeQuery(SELECT
                        + "order by position desc limit :limit")
                .setParameter("limit", limit).getResultList());
    }

    private static List<DirectoryChange> rows(List<?> rows) {
        return rows.stream().map(row -> (Object[]) row).map(r -> new DirectoryChange(((Number) r[0]).longValue(),
                (UUID) r[1], DirectoryChange.Kind.valueOf((String) r[2]), (String) r[3], instant(r[4]))).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
