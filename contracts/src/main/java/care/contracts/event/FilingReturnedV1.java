package care.contracts.event;

import java.util.List;
import java.util.UUID;

/**
 * A 备案 was returned for correction (补正): the applicant must fix each item and resubmit.
 *
 * @param items what to correct: a material (its checklist code) or a field of the filing, and why
 */
public record FilingReturnedV1(UUID filingId, String filingType, String uscc, String comment, List<Item> items) {

    public static final String TYPE = "FilingReturned";
    public static final int VERSION = 1;

    /** One thing to correct: exactly one of {@code material} and {@code field} is set. */
    public record Item(String material, String field, String reason) {
    }
}
