package care.registry.staff.rest;

import care.registry.staff.domain.Staff;

import java.time.LocalDate;
import java.util.UUID;

/** A roster entry as shown to anyone allowed to see it: the citizen ID only masked. */
public record StaffResponse(
        UUID id,
        UUID institutionId,
        String name,
        String role,
        String roleLabel,
        String citizenIdMasked,
        String certificateType,
        String certificateGrade,
        String certificateGradeLabel,
        String certificateNumber,
        LocalDate certificateIssuedOn,
        LocalDate certificateValidUntil,
        boolean certificateValid,
        LocalDate employedFrom,
        LocalDate employedUntil,
        boolean employed,
        long version) {

    public static StaffResponse of(Staff s, LocalDate today) {
        boolean certified = s.certificateGrade != null || s.certificateNumber != null;
        return new StaffResponse(s.id, s.institutionId, s.name, s.role.name(), s.role.label, s.citizenIdMasked,
                s.certificateType, s.certificateGrade == null ? null : s.certificateGrade.name(),
                s.certificateGrade == null ? null : s.certificateGrade.label, s.certificateNumber,
                s.certificateIssuedOn, s.certificateValidUntil,
                certified && (s.certificateValidUntil == null || !s.certificateValidUntil.isBefore(today)),
                s.employedFrom, s.employedUntil, s.employedUntil == null || !s.employedUntil.isBefore(today),
                s.version);
    }

    public record Page(java.util.List<StaffResponse> items, long total, int page, int size) {
    }
}
