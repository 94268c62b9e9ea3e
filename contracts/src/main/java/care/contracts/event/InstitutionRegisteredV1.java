package care.contracts.event;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The registry holds an institution as 已备案 for the first time, with its filed beds / 托位 ({@code totalCapacity},
 * absent from events published before 2026-12-02: then only a later InstitutionChanged tells the capacity).
 */
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
        LocalDate filedOn,
        Integer totalCapacity) {

    public static final String TYPE = "InstitutionRegistered";
    public static final int VERSION = 1;
}
