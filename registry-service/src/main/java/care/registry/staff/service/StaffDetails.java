package care.registry.staff.service;

import care.contracts.event.CertificateGrade;
import care.contracts.event.StaffRole;
import care.registry.staff.domain.Education;

import java.time.LocalDate;

/**
 * A roster entry as the institution enters or corrects it. {@code citizenId} is the plain number: required when
 * adding, null when correcting keeps the one held.
 */
public record StaffDetails(
        String name,
        StaffRole role,
        String citizenId,
        String certificateType,
        CertificateGrade certificateGrade,
        String certificateNumber,
        LocalDate certificateIssuedOn,
        LocalDate certificateValidUntil,
        LocalDate employedFrom,
        LocalDate employedUntil,
        boolean head,
        Education education) {

    @Override
    public String toString() { // never let the plain ID reach a log line
        return "StaffDetails[name=" + name + ", role=" + role + ", citizenId=" + (citizenId == null ? null : "***") + "]";
    }
}
