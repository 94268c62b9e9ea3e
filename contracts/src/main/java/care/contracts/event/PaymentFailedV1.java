package care.contracts.event;

import java.util.UUID;

/**
 * The finance bureau reported a payment instruction as failed (e.g. account closed). The entitlement stays open
 * and is re-issued in a later batch of the same programme. Published by subsidy-service (topic subsidy-events,
 * key = instructionId) once per instruction.
 *
 * @param amountFen integer fen (CNY) that was not paid
 * @param reason    the finance bureau's reason, as it gave it
 */
public record PaymentFailedV1(
        UUID instructionId,
        UUID batchId,
        String programmeCode,
        String period,
        String beneficiaryKey,
        UUID institutionId,
        long amountFen,
        String reason) {

    public static final String TYPE = "PaymentFailed";
    public static final int VERSION = 1;
}
