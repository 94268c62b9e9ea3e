package care.filing.filing.rest;

import care.filing.filing.domain.FilingHistory;
import care.filing.filing.domain.FilingStatus;

import java.time.Instant;

/** One line of the audit trail. */
public record HistoryEntry(Instant at, String actor, String action, FilingStatus fromStatus, FilingStatus toStatus,
                           String comment) {

    static HistoryEntry of(FilingHistory h) {
        return new HistoryEntry(h.at, h.actor, h.action, h.fromStatus, h.toStatus, h.comment);
    }
}
