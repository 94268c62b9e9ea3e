package care.contracts.event;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The finance bureau reported a payment instruction as paid. Published by subsidy-service (topic subsidy-events,
 * key = instructionId) once per instruction.
 *
 * @param programmeCode  the subsidy programme, e.g. KM-NURSING
 * @param period         the period the money is for: YYYY-MM for a monthly allowance, YYYY for a yearly grant
 * @param beneficiaryKey the person (registry personKey) or institution id the money is for
 * @param amountFen      integer fen (CNY)
 * @param bankReference  the bank's reference for the transfer
 * @param paidOn         the value date the bank reported
 */
public record PaymentSettledV1(
        UUID instructionId,
        UUID batchId,
        String programmeCode,
        String period,
        String beneficiaryKey,
        UUID institutionId,
        long amountFen,
        String bankReference,
        LocalDate paidOn) {

    public static final String TYPE = "PaymentSettled";
    public static final int VERSION = 1;
}
