package care.filing.filing.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of a filing and the only moves allowed between them:
 * DRAFT → SUBMITTED → ACCEPTED (受理) → APPROVED (已备案, 回执) | REJECTED; SUBMITTED or ACCEPTED → RETURNED (补正)
 * → SUBMITTED again; the applicant may withdraw any time before a decision.
 */
public enum FilingStatus {
    DRAFT("草稿"), SUBMITTED("已提交"), ACCEPTED("已受理"), RETURNED("退回补正"), APPROVED("已备案"),
    REJECTED("不予备案"), WITHDRAWN("已撤回");

    public final String label;

    FilingStatus(String label) {
        this.label = label;
    }

    public Set<FilingStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED, WITHDRAWN);
            case SUBMITTED -> EnumSet.of(ACCEPTED, RETURNED, REJECTED, WITHDRAWN);
            case ACCEPTED -> EnumSet.of(APPROVED, RETURNED, REJECTED, WITHDRAWN);
            case RETURNED -> EnumSet.of(SUBMITTED, WITHDRAWN);
            case APPROVED, REJECTED, WITHDRAWN -> EnumSet.noneOf(FilingStatus.class);
        };
    }

    public boolean canMoveTo(FilingStatus target) {
        return next().contains(target);
    }

    /** Waiting for the reviewer: counts against the deadline. */
    public boolean isOpen() {
        return this == SUBMITTED || this == ACCEPTED;
    }

    /** The applicant may still edit fields and materials. */
    public boolean isEditable() {
        return this == DRAFT || this == RETURNED;
    }

    public boolean isFinal() {
        return next().isEmpty();
    }
}
