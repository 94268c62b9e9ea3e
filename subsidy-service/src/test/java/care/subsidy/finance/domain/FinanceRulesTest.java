package care.subsidy.finance.domain;

import care.contracts.problem.Problem;
import care.contracts.problem.ProblemException;
import care.subsidy.batch.domain.InstructionView;
import care.subsidy.finance.domain.PaymentResult.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What the finance bureau is told when its report does not fit the instruction: plain JUnit, no database. The
 * instruction is 10,000 fen of a batch released on 2 November; "today" is 20 November.
 */
class FinanceRulesTest {

    static final LocalDate RELEASED_ON = LocalDate.of(2026, 11, 2);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    static final LocalDate PAID_ON = LocalDate.of(2026, 11, 10);

    static InstructionView instruction(String status, LocalDate paidOn) {
        return new InstructionView(UUID.randomUUID(), UUID.randomUUID(), "KM-NURSING", "2026-10", "person-1", "张丽",
                "530102********1234", UUID.randomUUID(), UUID.randomUUID(), "52530102MJA00001X1", "五华区康乐养老院",
                "530102", "LEVEL_5", null, 10_000, 1, status, paidOn == null ? null : "B1", paidOn, null, "grade",
                "530100", null, null, null);
    }

    static PaymentResult paid(long fen, LocalDate on) {
        return new PaymentResult(Outcome.PAID, fen, "B123", on, null);
    }

    static PaymentResult failed(String reason) {
        return new PaymentResult(Outcome.FAILED, 10_000, null, null, reason);
    }

    static Problem refused(Executable check) {
        return assertThrows(ProblemException.class, check).problem;
    }

    static void assertRefused(int status, String code, String field, Executable check) {
        Problem problem = refused(check);
        assertEquals(status, problem.status());
        assertEquals(code, problem.code());
        if (field != null) {
            assertEquals(field, problem.violations().get(0).field());
        }
    }

    // --- results ---

    @Test
    void aReleasedInstructionIsPaidWithItsAmountOnADayBetweenReleaseAndToday() {
        InstructionView released = instruction("RELEASED", null);
        assertDoesNotThrow(() -> FinanceRules.checkResult(released, RELEASED_ON, paid(10_000, PAID_ON), TODAY));
        assertDoesNotThrow(() -> FinanceRules.checkResult(released, RELEASED_ON, paid(10_000, RELEASED_ON), TODAY));
        assertDoesNotThrow(() -> FinanceRules.checkResult(released, RELEASED_ON, paid(10_000, TODAY), TODAY));
        assertDoesNotThrow(() -> FinanceRules.checkResult(released, RELEASED_ON, failed("账户已销户"), TODAY));
    }

    @Test
    void aSecondResultIsAlreadySettledWhateverTheFirstWas() {
        for (String status : new String[]{"PAID", "FAILED", "REVERSED"}) {
            assertRefused(409, "ALREADY_SETTLED", null, () -> FinanceRules.checkResult(instruction(status, PAID_ON),
                    RELEASED_ON, paid(10_000, PAID_ON), TODAY));
        }
    }

    @Test
    void anInstructionOfAnUnreleasedBatchIsNotReleased() {
        for (String status : new String[]{"PENDING", "CANCELLED"}) {
            assertRefused(409, "NOT_RELEASED", null, () -> FinanceRules.checkResult(instruction(status, null), null,
                    paid(10_000, PAID_ON), TODAY));
        }
    }

    @Test
    void anAmountOffByOneFenIsAMismatchNamingTheInstructionsAmount() {
        Problem problem = refused(() -> FinanceRules.checkResult(instruction("RELEASED", null), RELEASED_ON,
                paid(9_999, PAID_ON), TODAY));
        assertEquals(422, problem.status());
        assertEquals("AMOUNT_MISMATCH", problem.code());
        assertEquals("amountFen", problem.violations().get(0).field());
        assertEquals("must be 10000", problem.violations().get(0).message());
    }

    @Test
    void aPaymentDatedTomorrowOrBeforeTheReleaseIsRefused() {
        InstructionView released = instruction("RELEASED", null);
        assertRefused(400, "VALIDATION_FAILED", "paidOn", () -> FinanceRules.checkResult(released, RELEASED_ON,
                paid(10_000, TODAY.plusDays(1)), TODAY));
        assertRefused(400, "VALIDATION_FAILED", "paidOn", () -> FinanceRules.checkResult(released, RELEASED_ON,
                paid(10_000, RELEASED_ON.minusDays(1)), TODAY));
    }

    @Test
    void aPaidResultNeedsTheBankReferenceAndValueDateAndNoReason() {
        InstructionView released = instruction("RELEASED", null);
        assertRefused(400, "VALIDATION_FAILED", "bankReference", () -> FinanceRules.checkResult(released, RELEASED_ON,
                new PaymentResult(Outcome.PAID, 10_000, null, PAID_ON, null), TODAY));
        assertRefused(400, "VALIDATION_FAILED", "paidOn", () -> FinanceRules.checkResult(released, RELEASED_ON,
                new PaymentResult(Outcome.PAID, 10_000, "B123", null, null), TODAY));
        assertRefused(400, "VALIDATION_FAILED", "reason", () -> FinanceRules.checkResult(released, RELEASED_ON,
                new PaymentResult(Outcome.PAID, 10_000, "B123", PAID_ON, "账户已销户"), TODAY));
    }

    @Test
    void aFailedResultNeedsAReasonAndNoBankReferenceOrValueDate() {
        InstructionView released = instruction("RELEASED", null);
        assertRefused(400, "VALIDATION_FAILED", "reason", () -> FinanceRules.checkResult(released, RELEASED_ON,
                failed(null), TODAY));
        assertRefused(400, "VALIDATION_FAILED", "paidOn", () -> FinanceRules.checkResult(released, RELEASED_ON,
                new PaymentResult(Outcome.FAILED, 10_000, "B123", null, "账户已销户"), TODAY));
        assertRefused(400, "VALIDATION_FAILED", "paidOn", () -> FinanceRules.checkResult(released, RELEASED_ON,
                new PaymentResult(Outcome.FAILED, 10_000, null, PAID_ON, "账户已销户"), TODAY));
    }

    @Test
    void theStatusIsCheckedBeforeTheAmount() {
        // a wrong amount for a paid instruction: the bureau learns it was settled, not that it miscounted
        assertRefused(409, "ALREADY_SETTLED", null, () -> FinanceRules.checkResult(instruction("PAID", PAID_ON),
                RELEASED_ON, paid(1, PAID_ON), TODAY));
    }

    // --- reversals (退汇) ---

    static PaymentReversal reversal(long fen, LocalDate on) {
        return new PaymentReversal(fen, "收款账户已冻结", on, "R1");
    }

    @Test
    void aPaidInstructionIsReturnedWholeOnOrAfterItsValueDate() {
        InstructionView paid = instruction("PAID", PAID_ON);
        assertDoesNotThrow(() -> FinanceRules.checkReversal(paid, reversal(10_000, PAID_ON), TODAY));
        assertDoesNotThrow(() -> FinanceRules.checkReversal(paid, reversal(10_000, TODAY), TODAY));
    }

    @Test
    void onlyAPaidInstructionCanBeReversedAndOnlyOnce() {
        for (String status : new String[]{"RELEASED", "FAILED", "PENDING"}) {
            assertRefused(409, "NOT_PAID", null, () -> FinanceRules.checkReversal(instruction(status, null),
                    reversal(10_000, PAID_ON), TODAY));
        }
        assertRefused(409, "ALREADY_REVERSED", null, () -> FinanceRules.checkReversal(instruction("REVERSED", PAID_ON),
                reversal(10_000, TODAY), TODAY));
    }

    @Test
    void aPartialReturnIsAMismatch() {
        assertRefused(422, "AMOUNT_MISMATCH", "amountFen", () -> FinanceRules.checkReversal(
                instruction("PAID", PAID_ON), reversal(5_000, TODAY), TODAY));
    }

    @Test
    void aReturnDatedTomorrowOrBeforeThePaymentIsRefused() {
        InstructionView paid = instruction("PAID", PAID_ON);
        assertRefused(400, "VALIDATION_FAILED", "returnedOn", () -> FinanceRules.checkReversal(paid,
                reversal(10_000, TODAY.plusDays(1)), TODAY));
        assertRefused(400, "VALIDATION_FAILED", "returnedOn", () -> FinanceRules.checkReversal(paid,
                reversal(10_000, PAID_ON.minusDays(1)), TODAY));
    }
}
