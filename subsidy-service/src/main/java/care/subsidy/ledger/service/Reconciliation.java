package care.subsidy.ledger.service;

/**
 * Totals in fen of one batch, or of one programme and period, from both sides: the append-only ledger and the
 * instructions' current status. {@code balanced} holds when issued = paid + failed + reversed + outstanding on the
 * ledger side and each figure equals the instructions' side to the fen.
 */
public record Reconciliation(String programmeCode, String period, long entitledFen, long issuedFen, long paidFen,
                             long failedFen, long reversedFen, long outstandingFen, long instructedReleasedFen,
                             long instructedPaidFen, long instructedFailedFen, long issuedCount, long paidCount,
                             long failedCount, long outstandingCount, boolean balanced) {
}
