package care.contracts.event;

import java.util.List;
import java.util.UUID;

/**
 * A 备案 was returned for correction (补正): the applicant must fix each item and resubmit.
 *
 * @param items what to correct: a material (its checklist code) or a field of the filing, and why
 * @param applicantId the Keycloak user id of the account that made the filing (null for filings made before it was
 *                    kept, and in events published before it was added): a registrant is told about its own only
 */
public record FilingReturnedV1(UUID filingId, String filingType, String uscc, String comment, List<Item> items,
                               String applicantId) {

    public static final String TYPE = "FilingReturned";
    public static final int VERSION = 1;

    /** One thing to correct: exactly one of {@code material} and {@code field} is set. */
    public record Item(String material, String field, String reason) {
    }
}
