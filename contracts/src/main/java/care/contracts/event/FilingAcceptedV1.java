package care.contracts.event;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A 备案 was accepted (受理): the competent department has it in hand and decides it by {@code dueOn} (the deadline
 * counted in working days from the submission). {@code applicantId} is the Keycloak user id of the account that made
 * the filing (null for filings made before it was kept): a registrant not yet confirmed is told about its own filing
 * only.
 */
public record FilingAcceptedV1(UUID filingId, String filingType, String uscc, String institutionName, LocalDate dueOn,
                               String applicantId) {

    public static final String TYPE = "FilingAccepted";
    public static final int VERSION = 1;
}
