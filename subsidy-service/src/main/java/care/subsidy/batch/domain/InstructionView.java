package care.subsidy.batch.domain;

import java.time.LocalDate;
import java.util.UUID;

/** A payment instruction with the entitlement it pays, as staff and finance read it. */
public record InstructionView(UUID instructionId, UUID batchId, String programmeCode, String period,
                              String beneficiaryKey, String payeeName, String maskedCitizenId, UUID staffId,
                              UUID institutionId, String institutionUscc, String institutionName,
                              String divisionCode, String grade, Integer units, long amountFen, int attempt,
                              String status, String bankReference, LocalDate paidOn, String failureReason,
                              String basis, String cityCode) {
}
