package care.subsidy.programme.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of a programme from {@code effectiveFrom} until the next version or {@code effectiveUntil}
 * (inclusive; null: open).
 *
 * @param eligibleKinds            institution kinds that count: a monthly allowance counts only these; a grant is
 *                                 open to these besides institutions the register designates 示范
 * @param eligibleCertificateTypes certificate types that count for a monthly allowance
 * @param baselineDate             a per-unit programme: capacity filed on this day is not new
 * @param inclusiveOnly            a per-unit programme: only 普惠 institutions' capacity counts
 * @param extendedBy               who last moved {@code effectiveUntil}, when and on what basis (null: never)
 */
public record ProgrammeVersion(long id, String programmeCode, LocalDate effectiveFrom, LocalDate effectiveUntil,
                               String eligibleRole, List<String> eligibleOwnerships, List<String> eligibleKinds,
                               List<String> eligibleCertificateTypes, LocalDate baselineDate, boolean inclusiveOnly,
                               Long maxAmountFen, Map<String, Long> ratesFen, String source, String createdBy,
                               Instant createdAt, String extendedBy, Instant extendedAt, String extensionSource) {

    /**
     * Of a programme's versions (oldest first), the one in force on {@code day}: the latest that started on or before
     * it, unless it ended before it (a later version replaces an earlier one from its start; an ended one leaves a gap
     * nobody is paid in).
     */
    public static Optional<ProgrammeVersion> inForceOn(List<ProgrammeVersion> versions, LocalDate day) {
        ProgrammeVersion found = null;
        for (ProgrammeVersion v : versions) {
            if (!v.effectiveFrom().isAfter(day)) {
                found = v;
            }
        }
        return Optional.ofNullable(found).filter(v -> v.covers(day));
    }

    /** In force on {@code day}: started on or before it and not ended before it. */
    public boolean covers(LocalDate day) {
        return !effectiveFrom.isAfter(day) && (effectiveUntil == null || !effectiveUntil.isBefore(day));
    }
}
