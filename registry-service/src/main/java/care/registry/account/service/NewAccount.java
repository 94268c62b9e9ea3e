package care.registry.account.service;

import care.registry.account.domain.Account;

/** An account just made, with the one-time password its holder must change at the first sign-in. */
public record NewAccount(Account account, String initialPassword) {
}
