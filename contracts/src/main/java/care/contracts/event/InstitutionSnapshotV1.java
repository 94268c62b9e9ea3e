package care.contracts.event;

/**
 * What a filing says about an institution, as the registry needs it to create or update its record.
 *
 * @param uscc         统一社会信用代码 (18 characters, check character verified)
 * @param divisionCode the county (GB/T 2260) whose department the institution is filed with
 * @param capacity     beds (养老) or 托位 (托育) declared in the filing
 */
public record InstitutionSnapshotV1(
        String uscc,
        String name,
        Sector sector,
        InstitutionKind kind,
        Ownership ownership,
        String cityCode,
        String divisionCode,
        String address,
        String legalRepresentative,
        String contactPhone,
        int capacity) {
}
