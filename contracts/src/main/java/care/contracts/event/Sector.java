package care.contracts.event;

/** The two halves of 一老一小, each with its competent department. */
public enum Sector {
    /** 养老: reviewed by civil affairs (民政). */
    ELDERLY("养老", "civil-affairs-reviewer"),
    /** 托育: reviewed by health (卫健). */
    CHILDCARE("托育", "health-reviewer");

    public final String label;
    public final String reviewerRole;

    Sector(String label, String reviewerRole) {
        this.label = label;
        this.reviewerRole = reviewerRole;
    }
}
