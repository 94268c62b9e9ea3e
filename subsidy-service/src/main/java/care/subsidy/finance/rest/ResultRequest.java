package care.subsidy.finance.rest;

import care.subsidy.finance.domain.PaymentResult;
import care.subsidy.finance.domain.PaymentResult.Outcome;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * The finance bureau's result for one payment instruction.
 *
 * @param outcome       PAID or FAILED
 * @param amountFen     the amount the bank moved (PAID) or was asked to move (FAILED): must equal the instruction's
 * @param bankReference PAID: the bank's reference of the transfer
 * @param paidOn        PAID: the value date
 * @param reason        FAILED: why (account closed, name mismatch…)
 */
public record ResultRequest(
        @NotNull Outcome outcome,
        @NotNull @Positive @Max(1_000_000_000L) Long amountFen,
        @Size(min = 1, max = 64) @Pattern(regexp = "[\\p{Alnum}\\-_/.]+", message = "letters, digits and - _ / . only")
        String bankReference,
        LocalDate paidOn,
        @Size(min = 1, max = 500) String reason) {

    public PaymentResult toResult() {
        return new PaymentResult(outcome, amountFen, bankReference, paidOn, reason);
    }
}
