package care.subsidy.grant.domain;

import java.util.UUID;

/** 卫健 designates a childcare institution's grant as 示范性 (seed 000 §20) with an amount and reason. */
public record DemonstrationDecision(UUID institutionId, long amountFen, String reason, String decisionNumber) {
}
