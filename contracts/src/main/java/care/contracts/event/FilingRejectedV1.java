package care.contracts.event;

import java.util.UUID;

/**
 * A 备案 was refused, with the reviewer's reason. {@code applicantId}: the account that made the filing, as in
 * {@link FilingReturnedV1}.
 */
public record FilingRejectedV1(UUID filingId, String filingType, String uscc, String reason, String applicantId) {

    public static final String TYPE = "FilingRejected";
    public static final int VERSION = 1;
}
