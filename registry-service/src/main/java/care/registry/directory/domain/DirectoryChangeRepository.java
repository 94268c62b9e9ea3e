package care.registry.directory.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
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
     * Appends a change in the caller's transaction. The lock is held until that transaction ends, so the next
     * writer's position is taken only after this one is committed (or rolled back, leaving a gap): positions grow
     * in commit order, which is what lets a reader resume from the last position it saw.
     */
    public void append(UUID institutionId, DirectoryChange.Kind kind, String entry) {
        em.createNativeQuery("select pg_advisory_xact_lock(:lock)").setParameter("lock", FEED_LOCK).getSingleResult();
        em.createNativeQuery("insert into directory_change (institution_id, kind, entry) values (:id, :kind, :entry)")
                .setParameter("id", institutionId).setParameter("kind", kind.name()).setParameter("entry", entry)
                .executeUpdate();
    }

    public Optional<DirectoryChange> last(UUID institutionId) {
        return rows(em.createNativeQuery(SELECT
                        + "where institution_id = :id order by position desc limit 1")
                .setParameter("id", institutionId).getResultList()).stream().findFirst();
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
