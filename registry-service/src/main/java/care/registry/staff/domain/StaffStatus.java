package care.registry.staff.domain;

/** Whether a roster entry stands. */
public enum StaffStatus {
    /** On the roster; counts for the allowance by its dates. */
    ACTIVE("在册"),
    /** Another institution claims the same person for an overlapping time: waits for the county's decision. */
    DISPUTED("待县（区）主管部门核实"),
    /** The county decided for another claim: this one never stood. */
    REFUSED("未获认定");

    public final String label;

    StaffStatus(String label) {
        this.label = label;
    }
}
