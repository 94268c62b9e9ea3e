package care.registry.institution.domain;

/** Where an institution stands in the register; changed only by filing outcomes. */
public enum FilingStatus {
    UNFILED("未备案", "UNFILED"),
    FILED("已备案", "FILED"),
    CLOSED("已注销", "DEREGISTERED");

    public final String label;
    /** The name InstitutionChangedV1 uses. */
    public final String eventName;

    FilingStatus(String label, String eventName) {
        this.label = label;
        this.eventName = eventName;
    }
}
