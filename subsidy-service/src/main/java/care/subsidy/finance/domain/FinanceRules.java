package care.subsidy.finance.domain;

import care.contracts.problem.Problem;
import care.contracts.problem.ProblemException;
import care.contracts.problem.Violation;
import care.subsidy.batch.domain.InstructionView;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Whether the finance bureau's report fits the instruction it is for: a result needs a released, unsettled
 * instruction, its amount to the fen and a plausible value date; a reversal a paid instruction, the whole amount and
 * a return date after the payment. Each refusal is the problem the API answers. No database and no clock: the
 * caller passes the release day and today (China time).
 */
public final class FinanceRules {

    private FinanceRules() {
    }

    /**
     * @param releasedOn the day the instruction's batch was released to finance (null if it was not)
     * @throws ProblemException 409 ALREADY_SETTLED or NOT_RELEASED, 422 AMOUNT_MISMATCH, 400 for a field that does
     *                          not fit the outcome or the dates
     */
    public static void checkResult(InstructionView instruction, LocalDate releasedOn, PaymentResult result,
                                   LocalDate today) {
        switch (instruction.status()) {
            case "RELEASED" -> { }
            case "PAID", "FAILED", "REVERSED" -> throw alreadySettled(instruction.instructionId());
            default -> throw new ProblemException(Problem.of(409, "NOT_RELEASED", "该批次尚未下达财政",
                    "instruction " + instruction.instructionId() + " is " + instruction.status()
                            + ": only instructions of a released batch take results"));
        }
        if (result.amountFen() != instruction.amountFen()) {
            throw amountMismatch(instruction, "the instruction is for " + instruction.amountFen() + " fen, not "
                    + result.amountFen());
        }
        if (result.paid()) {
            if (result.bankReference() == null) {
                throw ProblemException.invalid("bankReference", "a paid result needs the bank's reference");
            }
            if (result.paidOn() == null) {
                throw ProblemException.invalid("paidOn", "a paid result needs the value date");
            }
            if (result.paidOn().isAfter(today)) {
                throw ProblemException.invalid("paidOn", "the value date cannot be in the future");
            }
            if (releasedOn != null && result.paidOn().isBefore(releasedOn)) {
                throw ProblemException.invalid("paidOn", "the batch was released on " + releasedOn
                        + "; it cannot have been paid before");
            }
            if (result.reason() != null) {
                throw ProblemException.invalid("reason", "a paid result has no failure reason");
            }
        } else {
            if (result.reason() == null) {
                throw ProblemException.invalid("reason", "a failed result needs the reason");
            }
            if (result.bankReference() != null || result.paidOn() != null) {
                throw ProblemException.invalid("paidOn", "a failed result has no bank reference or value date");
            }
        }
    }

    /**
     * @throws ProblemException 409 ALREADY_REVERSED or NOT_PAID, 422 AMOUNT_MISMATCH (only the whole payment comes
     *                          back), 400 for a return date in the future or before the payment
     */
    public static void checkReversal(InstructionView instruction, PaymentReversal reversal, LocalDate today) {
        switch (instruction.status()) {
            case "PAID" -> { }
            case "REVERSED" -> throw alreadyReversed(instruction.instructionId());
            default -> throw ProblemException.conflict("NOT_PAID", "该支付指令尚未支付，不能退汇",
                    "instruction " + instruction.instructionId() + " is " + instruction.status()
                            + ": only a paid instruction can be reversed");
        }
        if (reversal.amountFen() != instruction.amountFen()) {
            throw amountMismatch(instruction, "the instruction was paid " + instruction.amountFen() + " fen, not "
                    + reversal.amountFen() + "; a reversal returns the whole payment");
        }
        if (reversal.returnedOn().isAfter(today)) {
            throw ProblemException.invalid("returnedOn", "the return date cannot be in the future");
        }
        if (instruction.paidOn() != null && reversal.returnedOn().isBefore(instruction.paidOn())) {
            throw ProblemException.invalid("returnedOn", "the payment's value date was " + instruction.paidOn()
                    + "; it cannot have been returned before");
        }
    }

    /** A second result for an instruction: a payment is never recorded twice. */
    public static ProblemException alreadySettled(UUID id) {
        return ProblemException.conflict("ALREADY_SETTLED", "该支付指令已有结果",
                "instruction " + id + " already has a result; a payment is never recorded twice");
    }

    public static ProblemException alreadyReversed(UUID id) {
        return ProblemException.conflict("ALREADY_REVERSED", "该支付指令已退汇",
                "instruction " + id + " was already reversed; a return is never recorded twice");
    }

    private static ProblemException amountMismatch(InstructionView instruction, String detail) {
        return new ProblemException(Problem.of(422, "AMOUNT_MISMATCH", "金额与支付指令不符", detail)
                .withViolations(List.of(new Violation("amountFen", "must be " + instruction.amountFen()))));
    }
}
