package care.filing.filing.rest;

import jakarta.validation.constraints.Size;

/** A comment on accepting, approving or withdrawing, or the reason for a rejection (then required). */
public record DecisionRequest(@Size(max = 2000) String comment) {
}
