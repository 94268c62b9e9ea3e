package care.contracts.event;

/** The posts the seeds name on an institution's roster. */
public enum StaffRole {
    ELDERLY_CAREGIVER("养老护理员"),
    NURSERY_TEACHER("保育员"),
    INFANT_CARER("育婴员"),
    HEALTH_WORKER("保健人员"),
    NURSE("护士"),
    DOCTOR("医生"),
    SOCIAL_WORKER("社会工作者"),
    OTHER("其他");

    public final String label;

    StaffRole(String label) {
        this.label = label;
    }
}
