package care.contracts.event;

import java.util.UUID;

/** The applicant withdrew a 备案 before a decision; nothing changes in the registry. */
public record FilingWithdrawnV1(UUID filingId, String filingType, String uscc, String comment) {

    public static final String TYPE = "FilingWithdrawn";
    public static final int VERSION = 1;
}
