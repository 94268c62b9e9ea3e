package care.registry.supervision.rest;

import care.registry.supervision.domain.Inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record InspectionResponse(
        UUID id,
        UUID institutionId,
        LocalDate inspectedOn,
        String method,
        String methodLabel,
        String inspectorOrg,
        String result,
        String resultLabel,
        String findings,
        String penalty,
        long fineFen,
        String creditLevel,
        boolean disclosed,
        String recordedBy,
        Instant recordedAt) {

    public static InspectionResponse of(Inspection i) {
        return new InspectionResponse(i.id, i.institutionId, i.inspectedOn, i.method.name(), i.method.label,
                i.inspectorOrg, i.result.name(), i.result.label, i.findings, i.penalty, i.fineFen,
                i.creditLevel == null ? null : i.creditLevel.name(), i.disclosed, i.recordedBy, i.recordedAt);
    }

    /** What the public sees: no recording official. */
    public static InspectionResponse disclosed(Inspection i) {
        return new InspectionResponse(i.id, i.institutionId, i.inspectedOn, i.method.name(), i.method.label,
                i.inspectorOrg, i.result.name(), i.result.label, i.findings, i.penalty, i.fineFen,
                i.creditLevel == null ? null : i.creditLevel.name(), true, null, null);
    }
}
