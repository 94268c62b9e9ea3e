package care.subsidy.grant.domain;

import java.time.Instant;
import java.util.UUID;

/** A grant decision: an entitlement of an institution, paid through the programme's next batch. */
public record Grant(long lineId, String programmeCode, String period, UUID institutionId, String institutionUscc,
                    String institutionName, Integer units, long amountFen, String basis, String decidedBy,
                    Instant decidedAt, String paymentStatus) {
}
