package care.contracts.event;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A 备案 was approved and its 备案回执 issued; the registry applies it by type:
 * NEW creates the institution (已备案) with {@code site} as its first site; CHANGE replaces the 备案 facts of
 * {@code institution}; ADD_SITE adds {@code site}; CLOSE marks the institution 已注销. {@code site} is null
 * for CHANGE and CLOSE.
 */
public record FilingApprovedV1(
        UUID filingId,
        String filingType,
        String receiptNumber,
        LocalDate approvedOn,
        InstitutionSnapshotV1 institution,
        SiteSnapshotV1 site) {

    public static final String TYPE = "FilingApproved";
    public static final int VERSION = 1;
}
