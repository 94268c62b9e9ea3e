package care.contracts.event;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The registry's record of an already registered institution changed in a way other services care about:
 * a 变更备案 or 注销备案 applied, a site added, or the 普惠/示范 designations changed. Carries the whole
 * current state, so a consumer keeps the latest one and needs no earlier event to apply it.
 *
 * @param filingStatus  FILED (已备案) or DEREGISTERED (已注销)
 * @param effectiveOn   the day the change takes effect (the approval day of the filing that made it)
 * @param totalCapacity beds or 托位 over all sites
 */
public record InstitutionChangedV1(
        UUID institutionId,
        String uscc,
        String name,
        Sector sector,
        InstitutionKind kind,
        Ownership ownership,
        String cityCode,
        String divisionCode,
        String filingStatus,
        LocalDate effectiveOn,
        int totalCapacity,
        boolean inclusive,
        boolean demonstration) {

    public static final String TYPE = "InstitutionChanged";
    public static final int VERSION = 1;
}
