package care.subsidy.finance.domain;

import java.time.LocalDate;

/**
 * The bank returned a paid amount (退汇), as the service applies it. Its JSON form is part of the request hash an
 * Idempotency-Key is checked against, so the fields keep the names and order of the API's body.
 *
 * @param amountFen     the amount returned
 * @param reason        why, as the bank gave it
 * @param returnedOn    the day the money came back
 * @param bankReference the bank's reference of the return, if it gave one
 */
public record PaymentReversal(long amountFen, String reason, LocalDate returnedOn, String bankReference) {
}
