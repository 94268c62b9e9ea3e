package care.registry.account.domain;

/** An institution's operator (role institution) or a city's staff (reviewer, auditor, city admin). */
public enum AccountKind {
    INSTITUTION,
    STAFF
}
