package care.contracts.event;

import java.time.LocalDate;
import java.util.UUID;

/** A 备案 was approved and its 备案回执 issued; the registry applies the snapshot. */
public record FilingApprovedV1(
        UUID filingId,
        String filingType,
        String receiptNumber,
        LocalDate approvedOn,
        InstitutionSnapshotV1 institution) {

    public static final String TYPE = "FilingApproved";
    public static final int VERSION = 1;
}
