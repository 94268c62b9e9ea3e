package care.subsidy.ledger.service;

/**
 * Totals in fen of one batch, or of one programme and period, from both sides: the append-only ledger and the
 * instructions' current status.
 * <p>
 * A reversal (退汇) returns a payment: the instruction stays settled (it is not outstanding again; its entitlement
 * is instructed anew, by another instruction), so on the ledger side
 * {@code outstanding = issued − paid − failed} and {@code netPaid = paid − reversed}, where {@code paid} counts
 * every payment made, returned or not. {@code balanced} holds when, to the fen, outstanding ≥ 0 equals the
 * instructions still RELEASED, netPaid the instructions PAID, failed the FAILED ones, reversed (≤ paid) the
 * REVERSED ones; so issued = netPaid + reversed + failed + outstanding on both sides.
 */
public record Reconciliation(String programmeCode, String period, long entitledFen, long issuedFen, long paidFen,
                             long failedFen, long reversedFen, long netPaidFen, long outstandingFen,
                             long instructedReleasedFen, long instructedPaidFen, long instructedFailedFen,
                             long instructedReversedFen, long issuedCount, long paidCount, long failedCount,
                             long reversedCount, long outstandingCount, boolean balanced) {

    Reconciliation unbalanced() {
        return new Reconciliation(programmeCode, period, entitledFen, issuedFen, paidFen, failedFen, reversedFen,
                netPaidFen, outstandingFen, instructedReleasedFen, instructedPaidFen, instructedFailedFen,
                instructedReversedFen, issuedCount, paidCount, failedCount, reversedCount, outstandingCount, false);
    }
}
