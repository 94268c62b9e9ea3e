package care.contracts.event;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A 备案 was approved and its 备案回执 issued; the registry applies it by type:
 * NEW creates the institution (已备案) with {@code site} as its first site; CHANGE replaces the 备案 facts of
 * {@code institution}; ADD_SITE adds {@code site}; CLOSE marks the institution 已注销. {@code site} is null
 * for CHANGE and CLOSE. {@code applicantId} is the Keycloak user id (token {@code sub}) of the account that made
 * the filing, null for filings made before it was recorded: the registry confirms a self-registered account whose
 * NEW filing is approved.
 */
public record FilingApprovedV1(
        UUID filingId,
        String filingType,
        String receiptNumber,
        LocalDate approvedOn,
        InstitutionSnapshotV1 institution,
        SiteSnapshotV1 site,
        String applicantId) {

    public static final String TYPE = "FilingApproved";
    public static final int VERSION = 1;
}
