package care.filing.rest;

import jakarta.validation.constraints.Size;

/** A reviewer's comment on approval, or the reason for a rejection (then required). */
public record DecisionRequest(@Size(max = 2000) String comment) {
}
