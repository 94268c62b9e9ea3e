package care.registry.pii;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Protects citizen ID numbers: AES-256-GCM at rest, an HMAC-SHA256 keyed hash for lookups and uniqueness (key
 * {@code care.pii.hash-key}), and the masked form every response shows.
 * <p>
 * The encryption keys are a keyring ({@code care.pii.keys}: {@code version:base64,version:base64...}): every
 * ciphertext is stored with the version of the key that sealed it, new ones are sealed with the highest version, and
 * every version in the ring still decrypts, so a key is rotated by adding a higher version, letting
 * {@code CitizenIdKeyRotation} move the roster to it, then removing the old one. The hash key does not rotate (the
 * registry README says why). Every key is base64 of 32 bytes; without them the service refuses to start (dev and test
 * profiles have their own, the local stack passes published demo keys, production takes them from its Secret).
 * Plain numbers are never logged.
 */
@ApplicationScoped
@Startup
public class PiiProtector {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A citizen ID sealed under key {@code keyVersion}: iv ‖ ciphertext ‖ tag. */
    public record Sealed(int keyVersion, byte[] cipher) {
    }

    private final NavigableMap<Integer, SecretKeySpec> encryptionKeys;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();

    public PiiProtector(@ConfigProperty(name = "care.pii.keys") Optional<String> keys,
                        @ConfigProperty(name = "care.pii.hash-key") Optional<String> hashKey) {
        this.encryptionKeys = keyring(keys);
        this.hashKey = new SecretKeySpec(decode("care.pii.hash-key", hashKey), "HmacSHA256");
    }

    private static NavigableMap<Integer, SecretKeySpec> keyring(Optional<String> value) {
        String text = value.filter(v -> !v.isBlank()).orElseThrow(() -> new IllegalStateException(
                "care.pii.keys is not configured: set it (version:base64 of 32 random bytes, e.g. 1:...) from the secret store"));
        NavigableMap<Integer, SecretKeySpec> keys = new TreeMap<>();
        for (String entry : text.split(",")) {
            String[] parts = entry.strip().split(":", 2);
            int version;
            try {
                version = Integer.parseInt(parts[0].strip());
            } catch (NumberFormatException e) {
                version = 0;
            }
            // the version is stored in a smallint beside each ciphertext
            if (parts.length != 2 || version < 1 || version > Short.MAX_VALUE) {
                throw new IllegalStateException("care.pii.keys: each entry is version:base64 with a version from 1 to "
                        + Short.MAX_VALUE + " (the entries are separated by commas)");
            }
            String name = "care.pii.keys version " + version;
            if (keys.put(version, new SecretKeySpec(decode(name, Optional.of(parts[1])), "AES")) != null) {
                throw new IllegalStateException(name + " is given twice");
            }
        }
        return Collections.unmodifiableNavigableMap(keys);
    }

    private static byte[] decode(String name, Optional<String> value) {
        String text = value.filter(v -> !v.isBlank()).orElseThrow(() -> new IllegalStateException(
                name + " is not configured: set it (base64 of 32 random bytes) from the secret store"));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not valid base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(name + " must be 32 bytes (256 bits), is " + bytes.length);
        }
        return bytes;
    }

    /** The version new ciphertexts are sealed with: the highest in the ring. */
    public int newestKey() {
        return encryptionKeys.lastKey();
    }

    public boolean holds(int keyVersion) {
        return encryptionKeys.containsKey(keyVersion);
    }

    /** Sealed with the newest key, bound to the staff record it belongs to. */
    public Sealed encrypt(String citizenId, UUID owner) {
        int version = newestKey();
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKeys.get(version), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(owner.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(citizenId.getBytes(StandardCharsets.US_ASCII));
            return new Sealed(version, ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /**
     * The citizen ID, with the key of the version it was sealed with. A version the ring does not hold is an error,
     * never a guess with another key: a key removed too early must be put back, not worked around.
     */
    public String decrypt(Sealed stored, UUID owner) {
        SecretKeySpec key = encryptionKeys.get(stored.keyVersion());
        if (key == null) {
            throw new UnknownKeyException(stored.keyVersion(), encryptionKeys.navigableKeySet());
        }
        try {
            byte[] bytes = stored.cipher();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(owner.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the citizen ID of " + owner + " cannot be decrypted with key version "
                    + stored.keyVersion() + " (another key under that version, or the data altered)", e);
        }
    }

    /** A ciphertext's key version is not in {@code care.pii.keys}. */
    public static class UnknownKeyException extends IllegalStateException {
        UnknownKeyException(int version, Set<Integer> held) {
            super("a citizen ID is sealed with key version " + version + ", which care.pii.keys does not hold (it holds "
                    + held + "): put that key back in the ring");
        }
    }

    /** The keyed hash: the same for one person everywhere, useless without the key. Hex, 64 characters. */
    public String personKey(String citizenId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(normalise(citizenId).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }

    /**
     * A keyed hash of any text, e.g. a request body that holds a citizen ID: equal texts hash equal, and without
     * the key no one can find the ID by hashing guesses. Domain-separated from {@link #personKey}.
     */
    public String keyedHash(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            mac.update("text:".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }

    public static String normalise(String citizenId) {
        return citizenId.strip().toUpperCase();
    }

    /** 530102199001011234 → 530102********1234: region and last four only. */
    public static String mask(String citizenId) {
        String id = normalise(citizenId);
        return id.substring(0, 6) + "********" + id.substring(14);
    }
}
