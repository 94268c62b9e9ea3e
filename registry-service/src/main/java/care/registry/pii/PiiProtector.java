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
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Protects citizen ID numbers: AES-256-GCM at rest (key {@code care.pii.key}), an HMAC-SHA256 keyed hash for lookups
 * and uniqueness (key {@code care.pii.hash-key}), and the masked form every response shows. Both keys are base64 of
 * 32 bytes; without them the service refuses to start (dev and test profiles have their own, the local stack passes
 * published demo keys, production takes them from its secret store). Plain numbers are never logged.
 */
@ApplicationScoped
@Startup
public class PiiProtector {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();

    public PiiProtector(@ConfigProperty(name = "care.pii.key") Optional<String> key,
                        @ConfigProperty(name = "care.pii.hash-key") Optional<String> hashKey) {
        this.encryptionKey = new SecretKeySpec(decode("care.pii.key", key), "AES");
        this.hashKey = new SecretKeySpec(decode("care.pii.hash-key", hashKey), "HmacSHA256");
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

    /** iv ‖ ciphertext ‖ tag, bound to the staff record it belongs to. */
    public byte[] encrypt(String citizenId, UUID owner) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(owner.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(citizenId.getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(byte[] stored, UUID owner) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
            cipher.updateAAD(owner.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored citizen ID cannot be decrypted (wrong key?)", e);
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
