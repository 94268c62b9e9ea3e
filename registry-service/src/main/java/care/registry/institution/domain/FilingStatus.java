package care.registry.institution.domain;

/** Where an institution stands in the register; changed only by filing outcomes. */
public enum FilingStatus {
    /** 未备案 */
    UNFILED,
    /** 已备案 */
    FILED,
    /** 已注销 */
    CLOSED
}
