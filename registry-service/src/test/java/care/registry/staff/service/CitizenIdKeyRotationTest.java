package care.registry.staff.service;

import care.contracts.validation.Identifiers;
import care.deploy.CareTestResource;
import care.registry.demo.DemoRoster;
import care.registry.institution.domain.Institution;
import care.registry.institution.domain.InstitutionRepository;
import care.registry.pii.PiiProtector;
import care.registry.support.Db;
import care.registry.support.Register;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rotation of the citizen IDs' encryption key on the real database: the demo roster, sealed with key 1 as the
 * registry writes it, is moved to a new key 2, after which every ID decrypts with key 2 alone and still matches its
 * keyed hash; a row under a key the ring does not hold stops the job and the start, loudly.
 * <p>
 * The application runs with the test ring (key 1); the rotated rings are built here, as the replicas would build them
 * from the edited Secret. At the end the rows go back under key 1 (the suite's other classes run with that ring, and
 * a replica refuses to start with rows it cannot read).
 */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class CitizenIdKeyRotationTest {

    static final String KEY_1 = "qsOm/5OQ77Jn70UWnxlcUtIpp4G4gGaydq8eHv6q4Xs="; // %test.care.pii.keys
    static final String KEY_2 = "vPYCtXNw1rfy0W+jOs78pBNWYRbhFEc6p4+pDOCViss=";
    static final String HASH_KEY = "n1iYCBOLAcF62xrNKJKqLr2Q4k4aL3kwVG5b7m2OcmQ=";

    @Inject
    Register register;
    @Inject
    Db db;
    @Inject
    EntityManager em;
    @Inject
    PiiProtector pii;
    @Inject
    CitizenIdKeyRotation rotation;
    @Inject
    DemoRoster demoRoster;
    @Inject
    InstitutionRepository institutions;

    record Row(UUID id, int key, byte[] cipher, String hash, String masked) {
    }

    static PiiProtector ring(String keys) {
        return new PiiProtector(Optional.of(keys), Optional.of(HASH_KEY));
    }

    @Test
    void theDemoRosterMovesToANewKeyAndTheOldKeyCanGo() {
        List<Institution> demo = List.of(
                register.ensure(Identifiers.completeUscc("52530102KR0000001"), "五华区轮换养老院", "ELDERLY",
                        "PRIVATE_CARE_HOME", "PRIVATE", "530102", 150),
                register.ensure(Identifiers.completeUscc("52530103KR0000002"), "盘龙区轮换颐养院", "ELDERLY",
                        "MEDICAL_ELDERLY_CARE", "PRIVATE", "530103", 220),
                register.ensure(Identifiers.completeUscc("91530102KR0000003"), "五华区轮换托育园", "CHILDCARE",
                        "FULL_DAYCARE", "PRIVATE", "530102", 70));
        List<UUID> ids = demo.stream().map(i -> i.id).toList();
        // the demo roster, as the local stack gives each institution it registers (care.demo)
        ids.stream().filter(id -> db.count("select count(*) from staff where institution_id = ?1", id) == 0)
                .forEach(id -> QuarkusTransaction.requiringNew().run(() -> demoRoster.rosterFor(institutions.findById(id))));
        List<Row> roster = rows(ids);
        assertTrue(roster.size() > 40, "the demo roster of three institutions: " + roster.size());
        assertTrue(roster.stream().allMatch(r -> r.key() == 1), "written with the application's ring: key 1");
        long all = db.count("select count(*) from staff");
        assertEquals(perKey(1, all), rotation.sealedPerKey());
        String etags = db.strings("select string_agg(id || ':' || version, ',' order by id) from staff").get(0);

        PiiProtector rotated = ring("1:" + KEY_1 + ",2:" + KEY_2);
        try {
            assertEquals(all, rotation.moveAllToNewestKey(rotated), "every row of the register, not only these");
            assertEquals(perKey(2, all), rotation.sealedPerKey());
            assertEquals(0, rotation.moveAllToNewestKey(rotated), "a second run finds nothing left");

            // key 1 leaves the ring: every citizen ID decrypts with key 2 alone and is the person the hash names
            PiiProtector onlyKey2 = ring("2:" + KEY_2);
            rotation.requireReadable(onlyKey2);
            for (Row row : rows(ids)) {
                String citizenId = onlyKey2.decrypt(new PiiProtector.Sealed(row.key(), row.cipher()), row.id());
                assertTrue(Identifiers.isValidCitizenId(citizenId));
                assertEquals(row.hash(), pii.personKey(citizenId), "matches its keyed hash, which did not change");
                assertEquals(row.masked(), PiiProtector.mask(citizenId));
                assertEquals(1, db.count("select count(*) from staff where citizen_id_hash = ?1", pii.personKey(citizenId)),
                        "found by its hash");
            }
            assertEquals(roster.stream().map(Row::hash).toList(), rows(ids).stream().map(Row::hash).toList());
            assertEquals(etags, db.strings("select string_agg(id || ':' || version, ',' order by id) from staff").get(0),
                    "no staff record's version (ETag) moved: a clerk's If-Match still holds");
            var refused = assertThrows(IllegalStateException.class, () -> rotation.requireReadable(pii),
                    "a replica still holding only key 1 would not start");
            assertTrue(refused.getMessage().contains("key version 2"), refused.getMessage());

            // a row under a key nobody holds any more is an error, never skipped
            UUID lost = roster.get(0).id();
            db.execute("update staff set citizen_id_key = 1 where id = ?1", lost);
            Row row = rows(ids).stream().filter(r -> r.id().equals(lost)).findFirst().orElseThrow();
            assertThrows(PiiProtector.UnknownKeyException.class,
                    () -> onlyKey2.decrypt(new PiiProtector.Sealed(row.key(), row.cipher()), row.id()));
            var stopped = assertThrows(PiiProtector.UnknownKeyException.class,
                    () -> rotation.moveAllToNewestKey(ring("2:" + KEY_2 + ",3:" + KEY_1)));
            assertTrue(stopped.getMessage().contains("key version 1"), stopped.getMessage());
            assertEquals(perKey(1, 1L, 2, all - 1), rotation.sealedPerKey(), "the failed batch changed nothing");
            var unreadable = assertThrows(IllegalStateException.class, () -> rotation.requireReadable(onlyKey2));
            assertTrue(unreadable.getMessage().startsWith("1 citizen IDs are sealed with key version 1"), unreadable.getMessage());
            db.execute("update staff set citizen_id_key = 2 where id = ?1", lost);
        } finally {
            // back under key 1 for the rest of the suite: a rotation to key 1 as version 3, then named 1 as in the
            // application's ring (the same key)
            rotation.moveAllToNewestKey(ring("2:" + KEY_2 + ",3:" + KEY_1));
            db.execute("update staff set citizen_id_key = 1 where citizen_id_key = 3");
        }
        assertEquals(perKey(1, all), rotation.sealedPerKey());
        Row back = rows(ids).get(0);
        assertEquals(back.hash(), pii.personKey(pii.decrypt(new PiiProtector.Sealed(back.key(), back.cipher()), back.id())));
    }

    private List<Row> rows(List<UUID> institutions) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> found = em.createNativeQuery("""
                            select id, citizen_id_key, citizen_id_cipher, citizen_id_hash, citizen_id_masked from staff
                            where institution_id in (?1) order by id""")
                    .setParameter(1, institutions).getResultList();
            return found.stream().map(r -> new Row((UUID) r[0], ((Number) r[1]).intValue(), (byte[]) r[2],
                    (String) r[3], (String) r[4])).toList();
        });
    }

    private static SortedMap<Integer, Long> perKey(Object... versionsAndCounts) {
        SortedMap<Integer, Long> map = new java.util.TreeMap<>();
        for (int i = 0; i < versionsAndCounts.length; i += 2) {
            map.put((Integer) versionsAndCounts[i], ((Number) versionsAndCounts[i + 1]).longValue());
        }
        return map;
    }
}
