package care.registry.pii;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PiiProtectorTest {

    static final String KEY = "qsOm/5OQ77Jn70UWnxlcUtIpp4G4gGaydq8eHv6q4Xs=";
    static final String HASH_KEY = "n1iYCBOLAcF62xrNKJKqLr2Q4k4aL3kwVG5b7m2OcmQ=";
    static final String ID = "53010219900307123X";

    static final String NEWER_KEY = "vPYCtXNw1rfy0W+jOs78pBNWYRbhFEc6p4+pDOCViss=";

    /** A ring of one key, version 1. */
    static PiiProtector protector(String key, String hashKey) {
        return ring(key == null ? null : "1:" + key, hashKey);
    }

    static PiiProtector ring(String keys, String hashKey) {
        return new PiiProtector(Optional.ofNullable(keys), Optional.ofNullable(hashKey));
    }

    @Test
    void encryptsWithAFreshIvAndDecryptsOnlyForItsOwner() {
        PiiProtector pii = protector(KEY, HASH_KEY);
        UUID owner = UUID.randomUUID();
        PiiProtector.Sealed one = pii.encrypt(ID, owner);
        PiiProtector.Sealed two = pii.encrypt(ID, owner);
        assertFalse(java.util.Arrays.equals(one.cipher(), two.cipher()), "a fresh IV each time");
        assertFalse(new String(one.cipher(), java.nio.charset.StandardCharsets.ISO_8859_1).contains(ID));
        assertEquals(ID, pii.decrypt(one, owner));
        assertThrows(IllegalStateException.class, () -> pii.decrypt(one, UUID.randomUUID()), "bound to its record");
        byte[] tampered = one.cipher().clone();
        tampered[tampered.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> pii.decrypt(new PiiProtector.Sealed(1, tampered), owner));
        String otherKey = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertThrows(IllegalStateException.class, () -> protector(otherKey, HASH_KEY).decrypt(one, owner));
    }

    @Test
    void newCiphertextsUseTheNewestKeyAndEveryKeyInTheRingStillDecrypts() {
        UUID owner = UUID.randomUUID();
        PiiProtector.Sealed old = protector(KEY, HASH_KEY).encrypt(ID, owner);
        assertEquals(1, old.keyVersion());
        PiiProtector rotated = ring("2:" + NEWER_KEY + ", 1:" + KEY, HASH_KEY);
        assertEquals(2, rotated.newestKey(), "the highest version, whatever the order");
        PiiProtector.Sealed fresh = rotated.encrypt(ID, owner);
        assertEquals(2, fresh.keyVersion());
        assertEquals(ID, rotated.decrypt(old, owner));
        assertEquals(ID, rotated.decrypt(fresh, owner));
        assertEquals(protector(KEY, HASH_KEY).personKey(ID), rotated.personKey(ID), "the hash does not rotate");

        PiiProtector withoutTheOldKey = ring("2:" + NEWER_KEY, HASH_KEY);
        assertEquals(ID, withoutTheOldKey.decrypt(fresh, owner));
        var unknown = assertThrows(PiiProtector.UnknownKeyException.class, () -> withoutTheOldKey.decrypt(old, owner));
        assertTrue(unknown.getMessage().contains("key version 1"), unknown.getMessage());
        // the right version number with another key behind it is no silent garbage either
        assertThrows(IllegalStateException.class, () -> ring("1:" + NEWER_KEY, HASH_KEY).decrypt(old, owner));
    }

    @Test
    void thePersonKeyIsStablePerPersonAndDependsOnTheKey() {
        PiiProtector pii = protector(KEY, HASH_KEY);
        assertEquals(pii.personKey(ID), pii.personKey(ID.toLowerCase()));
        assertTrue(pii.personKey(ID).matches("[0-9a-f]{64}"));
        assertNotEquals(pii.personKey(ID), pii.personKey("530102199003071239"));
        String otherKey = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertNotEquals(pii.personKey(ID), protector(KEY, otherKey).personKey(ID));
    }

    @Test
    void masksAllButRegionAndLastFour() {
        assertEquals("530102********123X", PiiProtector.mask(ID));
        assertEquals("530102********123X", PiiProtector.mask(ID.toLowerCase()));
    }

    @Test
    void refusesToStartWithoutProperKeys() {
        var missing = assertThrows(IllegalStateException.class, () -> protector(null, HASH_KEY));
        assertTrue(missing.getMessage().contains("care.pii.keys"));
        assertThrows(IllegalStateException.class, () -> protector(KEY, null));
        assertThrows(IllegalStateException.class, () -> protector("c2hvcnQ=", HASH_KEY), "16 bytes is too short");
        assertThrows(IllegalStateException.class, () -> protector("not base64!", HASH_KEY));
        assertThrows(IllegalStateException.class, () -> protector("", ""));
        assertThrows(IllegalStateException.class, () -> ring(KEY, HASH_KEY), "a key without its version");
        assertThrows(IllegalStateException.class, () -> ring("0:" + KEY, HASH_KEY), "versions start at 1");
        assertThrows(IllegalStateException.class, () -> ring("x:" + KEY, HASH_KEY));
        assertThrows(IllegalStateException.class, () -> ring("1:" + KEY + ",1:" + NEWER_KEY, HASH_KEY), "a version twice");
    }

    @Test
    void keyedHashesOfRequestsTellChineseTextApartAndNeedTheKey() {
        PiiProtector pii = protector(KEY, HASH_KEY);
        String body = "{\"name\":\"王丽\",\"citizenId\":\"" + ID + "\"}";
        assertEquals(pii.keyedHash(body), pii.keyedHash(body));
        assertEquals(64, pii.keyedHash(body).length());
        assertNotEquals(pii.keyedHash(body), pii.keyedHash(body.replace("王丽", "李强")), "UTF-8, not '?' for each");
        assertNotEquals(pii.keyedHash(ID), pii.personKey(ID), "not usable as a person key");
        String otherKey = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertNotEquals(pii.keyedHash(body), protector(KEY, otherKey).keyedHash(body));
    }
}
