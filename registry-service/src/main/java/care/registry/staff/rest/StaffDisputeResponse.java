package care.registry.staff.rest;

import care.registry.institution.domain.Institution;
import care.registry.staff.domain.Staff;
import care.registry.staff.domain.StaffDispute;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A roster dispute as reviewers, city admins and auditors see it: every claim with its institution, role,
 * employment dates, when it was entered and its certificate. The citizen ID only masked. Never shown to an
 * institution (it sees the status and outcome of its own entry on its roster).
 *
 * @param decidable whether the caller is the one who decides it (the competent reviewer of the deciding county)
 */
public record StaffDisputeResponse(
        UUID id,
        String status,
        String maskedCitizenId,
        Instant openedAt,
        String decidingSector,
        String decidingDivisionCode,
        boolean decidable,
        UUID disputingStaffId,
        UUID standingStaffId,
        String decidedBy,
        Instant decidedAt,
        String reason,
        List<Claim> claims) {

    /** One institution's claim; {@code claimedAt} is when the institution entered it on its roster. */
    public record Claim(
            UUID staffId,
            UUID institutionId,
            String institutionName,
            String institutionUscc,
            String sector,
            String divisionCode,
            String name,
            String role,
            String roleLabel,
            LocalDate employedFrom,
            LocalDate employedUntil,
            Instant claimedAt,
            String certificateType,
            String certificateGrade,
            String certificateGradeLabel,
            String certificateNumber,
            LocalDate certificateIssuedOn,
            LocalDate certificateValidUntil,
            String status,
            String outcome) {
    }

    public static StaffDisputeResponse of(StaffDispute d, Map<UUID, Staff> staff, Map<UUID, Institution> institutions,
                                          boolean decidable) {
        List<Claim> claims = d.claims.entrySet().stream().map(c -> {
            Staff s = staff.get(c.getKey());
            Institution i = institutions.get(s.institutionId);
            return new Claim(s.id, i.id, i.facts.name, i.uscc, i.facts.sector.name(), i.facts.divisionCode, s.name,
                    s.role.name(), s.role.label, s.employedFrom, s.employedUntil, s.createdAt, s.certificateType,
                    s.certificateGrade == null ? null : s.certificateGrade.name(),
                    s.certificateGrade == null ? null : s.certificateGrade.label, s.certificateNumber,
                    s.certificateIssuedOn, s.certificateValidUntil, s.status.name(), c.getValue().name());
        }).sorted(Comparator.comparing(Claim::claimedAt).thenComparing(Claim::staffId)).toList();
        return new StaffDisputeResponse(d.id, d.status.name(), d.citizenIdMasked, d.openedAt, d.sector.name(),
                d.divisionCode, decidable, d.disputingStaffId, d.standingStaffId, d.decidedBy, d.decidedAt, d.reason,
                claims);
    }

    public record Page(List<StaffDisputeResponse> items, long total, int page, int size) {
    }

    /** The reviewer's decision: which claim stands, and why (kept in the audit trail). */
    public record Decision(
            @jakarta.validation.constraints.NotNull UUID standingStaffId,
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 500) String reason) {
    }
}
