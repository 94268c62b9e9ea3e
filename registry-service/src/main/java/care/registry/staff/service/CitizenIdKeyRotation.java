package care.registry.staff.service;

import care.registry.pii.PiiProtector;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves every sealed citizen ID to the newest key of {@code care.pii.keys}, so that an old key can leave the ring.
 * <p>
 * Runs on a schedule in every replica ({@code care.pii.reencryption.every}), in batches of
 * {@code care.pii.reencryption.batch-size}, each its own short transaction: a batch locks only its rows, and skips
 * those another transaction holds (a clerk's edit, another replica's batch), so the roster stays writable and
 * replicas share the work. The state is in the rows themselves (each keeps its key version), so a stopped job resumes
 * where it was at its next run, and a row written meanwhile under the old key (a replica not yet restarted with the
 * new ring) is picked up then. Only the ciphertext and its key version change: the keyed hash, the staff record's
 * version (its ETag) and the events stay as they were.
 * <p>
 * Progress: the gauge {@code care.pii.reencryption.remaining} (rows under an older key) and a log line per run with
 * the count per key version. A row under a version the ring does not hold is never skipped: the service refuses to
 * start with such rows, and the job stops at one.
 */
@ApplicationScoped
public class CitizenIdKeyRotation {

    private final EntityManager em;
    private final PiiProtector pii;
    private final int batchSize;
    private final AtomicLong remaining = new AtomicLong(-1);

    public CitizenIdKeyRotation(EntityManager em, PiiProtector pii, MeterRegistry meters,
                                @ConfigProperty(name = "care.pii.reencryption.batch-size") int batchSize) {
        this.em = em;
        this.pii = pii;
        this.batchSize = batchSize;
        Gauge.builder("care.pii.reencryption.remaining", remaining, AtomicLong::get)
                .description("Citizen IDs still sealed under an older key than the newest of care.pii.keys (-1 before the first count)")
                .register(meters);
    }

    /**
     * A key that rows still need must not leave the ring unnoticed: the replica refuses to start (the running ones,
     * with the old ring, keep serving), and the message says which version to put back.
     */
    void refuseUnreadableRows(@Observes StartupEvent started) {
        requireReadable(pii);
        remaining.set(olderThan(sealedPerKey(), pii.newestKey()));
    }

    /** Throws if some citizen ID is sealed with a key version {@code keyring} does not hold. */
    public void requireReadable(PiiProtector keyring) {
        SortedMap<Integer, Long> sealed = sealedPerKey();
        sealed.keySet().stream().filter(version -> !keyring.holds(version)).findFirst().ifPresent(version -> {
            throw new IllegalStateException(sealed.get(version) + " citizen IDs are sealed with key version " + version
                    + ", which care.pii.keys does not hold: put it back in the ring (a key leaves it only after "
                    + "care.pii.reencryption.remaining is 0)");
        });
    }

    @Scheduled(every = "${care.pii.reencryption.every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        moveAllToNewestKey(pii);
    }

    /**
     * Re-seals, batch after batch, every row under an older key than {@code keyring}'s newest, until none is left
     * (or only rows other transactions hold). Returns how many were moved.
     */
    public int moveAllToNewestKey(PiiProtector keyring) {
        int moved = 0;
        int batch;
        try {
            do {
                batch = QuarkusTransaction.requiringNew().call(() -> moveBatch(keyring));
                moved += batch;
            } while (batch == batchSize);
        } finally {
            SortedMap<Integer, Long> sealed = sealedPerKey();
            remaining.set(olderThan(sealed, keyring.newestKey()));
            if (moved > 0 || remaining.get() > 0) {
                Log.infof("citizen IDs re-sealed with key version %d: %d in this run; per key version now %s",
                        keyring.newestKey(), moved, sealed);
            }
        }
        return moved;
    }

    /** Citizen IDs per key version, ascending. */
    public SortedMap<Integer, Long> sealedPerKey() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select citizen_id_key, count(*) from staff group by citizen_id_key").getResultList());
        SortedMap<Integer, Long> counts = new TreeMap<>();
        rows.forEach(row -> counts.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue()));
        return counts;
    }

    private int moveBatch(PiiProtector keyring) {
        int newest = keyring.newestKey();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, citizen_id_key, citizen_id_cipher from staff where citizen_id_key < ?1
                        order by citizen_id_key, id limit ?2 for update skip locked""")
                .setParameter(1, newest).setParameter(2, batchSize).getResultList();
        var update = em.createNativeQuery("update staff set citizen_id_cipher = ?1, citizen_id_key = ?2 where id = ?3");
        for (Object[] row : rows) {
            UUID owner = (UUID) row[0];
            // an unknown version throws: the batch rolls back and the run stops, loudly
            String citizenId = keyring.decrypt(new PiiProtector.Sealed(((Number) row[1]).intValue(), (byte[]) row[2]), owner);
            PiiProtector.Sealed resealed = keyring.encrypt(citizenId, owner);
            update.setParameter(1, resealed.cipher()).setParameter(2, (short) resealed.keyVersion())
                    .setParameter(3, owner).executeUpdate();
        }
        return rows.size();
    }

    private static long olderThan(SortedMap<Integer, Long> sealed, int newest) {
        return sealed.headMap(newest).values().stream().mapToLong(Long::longValue).sum();
    }
}
