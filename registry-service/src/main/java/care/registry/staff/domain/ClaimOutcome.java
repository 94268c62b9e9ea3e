package care.registry.staff.domain;

/** What a roster dispute decided for one claim in it. */
public enum ClaimOutcome {
    PENDING,
    /** the claim the reviewer found true */
    STANDS,
    /** an earlier claim: ended the day before the standing one starts */
    ENDED,
    /** a claim starting no earlier than the standing one: it never stood */
    REFUSED
}
