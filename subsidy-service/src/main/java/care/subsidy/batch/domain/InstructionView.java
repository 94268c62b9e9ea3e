package care.subsidy.batch.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A payment instruction with the entitlement it pays, as staff and finance read it. A REVERSED instruction keeps
 * its payment (bankReference, paidOn) and says when and why the bank returned it (returnedOn, reversalReason,
 * reversalReference).
 */
public record InstructionView(UUID instructionId, UUID batchId, String programmeCode, String period,
                              String beneficiaryKey, String payeeName, String maskedCitizenId, UUID staffId,
                              UUID institutionId, String institutionUscc, String institutionName,
                              String divisionCode, String grade, Integer units, long amountFen, int attempt,
                              String status, String bankReference, LocalDate paidOn, String failureReason,
                              String basis, String cityCode, LocalDate returnedOn, String reversalReason,
                              String reversalReference) {
}
