package care.subsidy.finance.domain;

import java.time.LocalDate;

/**
 * The finance bureau's result for one payment instruction, as the service applies it. Its JSON form is part of the
 * request hash an Idempotency-Key is checked against, so the fields keep the names and order of the API's body.
 *
 * @param outcome       PAID or FAILED
 * @param amountFen     the amount the bank moved (PAID) or was asked to move (FAILED)
 * @param bankReference PAID: the bank's reference of the transfer
 * @param paidOn        PAID: the value date
 * @param reason        FAILED: why (account closed, name mismatch…)
 */
public record PaymentResult(Outcome outcome, long amountFen, String bankReference, LocalDate paidOn, String reason) {

    public enum Outcome { PAID, FAILED }

    public boolean paid() {
        return outcome == Outcome.PAID;
    }
}
