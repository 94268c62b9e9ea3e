package care.subsidy.finance.rest;

import care.subsidy.finance.domain.PaymentReversal;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * The finance bureau's report that the bank returned a paid amount (退汇).
 *
 * @param amountFen     the amount returned: must equal the instruction's (the whole payment; no partial reversals)
 * @param reason        why, in Chinese, as the bank gave it (e.g. 收款账户已冻结), at most 200 characters
 * @param returnedOn    the day the money came back: not before the payment's value date, not in the future (China
 *                      time)
 * @param bankReference the bank's reference of the return, if it gave one
 */
public record ReversalRequest(
        @NotNull @Positive @Max(1_000_000_000L) Long amountFen,
        @NotBlank @Size(max = ReversalRequest.MAX_REASON)
        @Pattern(regexp = "(?s).*\\p{IsHan}.*", message = "the reason is written in Chinese, e.g. 收款账户已冻结")
        String reason,
        @NotNull LocalDate returnedOn,
        @Size(min = 1, max = 64) @Pattern(regexp = "[\\p{Alnum}\\-_/.]+", message = "letters, digits and - _ / . only")
        String bankReference) {

    public static final int MAX_REASON = 200;

    public PaymentReversal toReversal() {
        return new PaymentReversal(amountFen, reason, returnedOn, bankReference);
    }
}
