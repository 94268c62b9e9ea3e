package care.subsidy.grant.rest;

import care.subsidy.grant.domain.Grant;

import java.time.Instant;
import java.util.UUID;

/** A grant decision: an entitlement of an institution, paid through the programme's next batch. */
public record GrantResponse(long lineId, String programmeCode, String period, UUID institutionId,
                            String institutionUscc, String institutionName, Integer units, long amountFen,
                            String basis, String decidedBy, Instant decidedAt, String paymentStatus) {

    static GrantResponse of(Grant g) {
        return new GrantResponse(g.lineId(), g.programmeCode(), g.period(), g.institutionId(), g.institutionUscc(),
                g.institutionName(), g.units(), g.amountFen(), g.basis(), g.decidedBy(), g.decidedAt(),
                g.paymentStatus());
    }
}
