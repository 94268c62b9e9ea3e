package care.registry.staff.rest;

import care.registry.staff.domain.CertificateState;
import care.registry.staff.domain.Staff;
import care.registry.staff.domain.StaffStatus;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A roster entry as shown to anyone allowed to see it: the citizen ID only masked. {@code status} ACTIVE, DISPUTED
 * (waiting for the county's decision) or REFUSED; {@code disputeOutcome} what the last dispute decided for this
 * entry (STANDS, ENDED, REFUSED) — about this entry only, never about another institution's. {@code certificateState}
 * NONE, VALID, EXPIRING (ends within 60 days) or EXPIRED, with its Chinese label.
 */
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
        String certificateState,
        String certificateStateLabel,
        LocalDate employedFrom,
        LocalDate employedUntil,
        boolean employed,
        boolean head,
        String education,
        String educationLabel,
        String status,
        String statusLabel,
        String disputeOutcome,
        String notice,
        long version) {

    /** What a clerk is told about an entry waiting for the county: nothing about the other institution. */
    public static final String DISPUTED_NOTICE = "该人员同一时期在另一机构也有登记，已提交县（区）主管部门核实；"
            + "核实前本登记不计发护理补助，也不能修改";

    public static StaffResponse of(Staff s, LocalDate today) {
        CertificateState certificate = CertificateState.of(s, today);
        return new StaffResponse(s.id, s.institutionId, s.name, s.role.name(), s.role.label, s.citizenIdMasked,
                s.certificateType, s.certificateGrade == null ? null : s.certificateGrade.name(),
                s.certificateGrade == null ? null : s.certificateGrade.label, s.certificateNumber,
                s.certificateIssuedOn, s.certificateValidUntil,
                certificate == CertificateState.VALID || certificate == CertificateState.EXPIRING,
                certificate.name(), certificate.label,
                s.employedFrom, s.employedUntil,
                s.status != StaffStatus.REFUSED && (s.employedUntil == null || !s.employedUntil.isBefore(today)),
                s.head, s.education == null ? null : s.education.name(),
                s.education == null ? null : s.education.label,
                s.status.name(), s.status.label, s.disputeOutcome == null ? null : s.disputeOutcome.name(),
                s.status == StaffStatus.DISPUTED ? DISPUTED_NOTICE : null, s.version);
    }

    public record Page(java.util.List<StaffResponse> items, long total, int page, int size) {
    }
}
