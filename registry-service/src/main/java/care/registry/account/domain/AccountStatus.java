package care.registry.account.domain;

/**
 * PENDING: registered, waiting for confirmation (the Keycloak user signs in as a registrant, or is disabled for a
 * USCC the platform already knew). ACTIVE: signs in.
 * DISABLED: a city admin switched it off (may be re-enabled). REFUSED / REMOVED: its Keycloak user is deleted; the
 * row stays for the record and frees the username.
 */
public enum AccountStatus {
    PENDING,
    ACTIVE,
    DISABLED,
    REFUSED,
    REMOVED
}
