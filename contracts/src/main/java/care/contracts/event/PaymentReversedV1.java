package care.contracts.event;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The finance bureau reported a paid instruction as returned by the bank (退汇): the money did not reach the payee
 * and came back. The payment no longer counts: the entitlement is open again and is re-issued in a later batch of
 * the same programme, as after a {@link PaymentFailedV1}. Follows the instruction's {@link PaymentSettledV1}.
 * Published by subsidy-service (topic subsidy-events, key = instructionId) once per instruction.
 *
 * @param amountFen     integer fen (CNY) returned: always the whole amount paid (no partial reversals)
 * @param paidOn        the value date of the payment that was returned
 * @param returnedOn    the day the bank returned the money
 * @param reason        the finance bureau's reason, as it gave it (e.g. 收款账户已冻结)
 * @param bankReference the bank's reference of the return, if it gave one
 */
public record PaymentReversedV1(
        UUID instructionId,
        UUID batchId,
        String programmeCode,
        String period,
        String beneficiaryKey,
        UUID institutionId,
        long amountFen,
        LocalDate paidOn,
        LocalDate returnedOn,
        String reason,
        String bankReference) {

    public static final String TYPE = "PaymentReversed";
    public static final int VERSION = 1;
}
