package care.filing.domain;

import java.util.EnumSet;
import java.util.Set;

/** The states of a filing and the only moves allowed between them. */
public enum FilingStatus {
    DRAFT, SUBMITTED, ACCEPTED, RETURNED, APPROVED, REJECTED, WITHDRAWN;

    public Set<FilingStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED, WITHDRAWN);
            case SUBMITTED -> EnumSet.of(ACCEPTED, APPROVED, RETURNED, REJECTED, WITHDRAWN);
            case ACCEPTED -> EnumSet.of(APPROVED, RETURNED, REJECTED);
            case RETURNED -> EnumSet.of(SUBMITTED, WITHDRAWN);
            case APPROVED, REJECTED, WITHDRAWN -> EnumSet.noneOf(FilingStatus.class);
        };
    }

    public boolean canMoveTo(FilingStatus target) {
        return next().contains(target);
    }
}
