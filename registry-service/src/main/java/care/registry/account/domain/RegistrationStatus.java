package care.registry.account.domain;

public enum RegistrationStatus {
    PENDING,
    CONFIRMED,
    REFUSED
}
