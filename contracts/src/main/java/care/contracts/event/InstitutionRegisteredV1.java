package care.contracts.event;

import java.time.LocalDate;
import java.util.UUID;

/** The registry holds an institution as 已备案 for the first time. */
public record InstitutionRegisteredV1(
        UUID institutionId,
        String uscc,
        String name,
        Sector sector,
        InstitutionKind kind,
        Ownership ownership,
        String cityCode,
        String divisionCode,
        String filingNumber,
        LocalDate filedOn) {

    public static final String TYPE = "InstitutionRegistered";
    public static final int VERSION = 1;
}
