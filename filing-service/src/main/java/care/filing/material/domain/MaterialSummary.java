package care.filing.material.domain;

import java.time.Instant;

/** An uploaded material without its bytes, for listings. */
public record MaterialSummary(String code, String fileName, String contentType, int sizeBytes, String sha256,
                              String uploadedBy, Instant uploadedAt) {
}
