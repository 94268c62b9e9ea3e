package care.subsidy.finance.service;

import care.subsidy.batch.domain.InstructionView;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A payment instruction as the finance bureau sees it: whom to pay, how much, for what, and its result.
 * The payee is identified by name, masked citizen ID and the registry's personKey (or the institution's USCC for
 * grants); the bureau matches them to its own account register. A REVERSED instruction keeps its payment
 * (bankReference, paidOn) and carries the bank's return (returnedOn, reversalReason, reversalReference).
 */
public record FinanceInstruction(UUID instructionId, UUID batchId, String programmeCode, String period,
                                 String payeeName, String maskedCitizenId, String personKey, String institutionUscc,
                                 String institutionName, String divisionCode, long amountFen, int attempt,
                                 String status, String bankReference, LocalDate paidOn, String failureReason,
                                 LocalDate returnedOn, String reversalReason, String reversalReference) {

    /** The same instruction after a result was applied to it. */
    public FinanceInstruction settled(String newStatus, String reference, LocalDate on, String reason) {
        boolean paid = "PAID".equals(newStatus);
        return new FinanceInstruction(instructionId, batchId, programmeCode, period, payeeName, maskedCitizenId,
                personKey, institutionUscc, institutionName, divisionCode, amountFen, attempt, newStatus,
                paid ? reference : null, paid ? on : null, paid ? null : reason, null, null, null);
    }

    /** The same (paid) instruction after the bank returned the money. */
    public FinanceInstruction reversed(LocalDate on, String reason, String reference) {
        return new FinanceInstruction(instructionId, batchId, programmeCode, period, payeeName, maskedCitizenId,
                personKey, institutionUscc, institutionName, divisionCode, amountFen, attempt, "REVERSED",
                bankReference, paidOn, failureReason, on, reason, reference);
    }

    public static FinanceInstruction of(InstructionView v) {
        boolean person = v.staffId() != null;
        return new FinanceInstruction(v.instructionId(), v.batchId(), v.programmeCode(), v.period(), v.payeeName(),
                v.maskedCitizenId(), person ? v.beneficiaryKey() : null, v.institutionUscc(), v.institutionName(),
                v.divisionCode(), v.amountFen(), v.attempt(), v.status(), v.bankReference(), v.paidOn(),
                v.failureReason(), v.returnedOn(), v.reversalReason(), v.reversalReference());
    }
}
