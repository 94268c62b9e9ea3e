package care.registry.directory.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One change of the public directory: an institution ENTERED it (filed), its entry CHANGED, or it was REMOVED
 * (已注销). {@code entry} is the directory's entry after the change, as JSON; null for a removal.
 */
public record DirectoryChange(long position, UUID institutionId, Kind kind, String entry, Instant recordedAt) {

    public enum Kind {
        ENTERED, CHANGED, REMOVED
    }
}
