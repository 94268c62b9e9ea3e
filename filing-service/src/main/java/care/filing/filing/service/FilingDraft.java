package care.filing.filing.service;

import care.contracts.event.InstitutionKind;
import care.contracts.event.Ownership;
import care.contracts.event.Sector;
import care.filing.filing.domain.FilingType;

/**
 * A filing as the applicant fills it in, to start a draft or edit one. Which fields a type needs, may leave out or
 * must not carry is {@link FilingService}'s rule; any field may be missing here.
 */
public record FilingDraft(
        FilingType type,
        Sector sector,
        String uscc,
        String institutionName,
        InstitutionKind kind,
        Ownership ownership,
        String divisionCode,
        String address,
        String legalRepresentative,
        String contactPhone,
        Integer capacity,
        String siteName,
        String siteAddress,
        Integer siteCapacity,
        String closeReason,
        Integer nursingBeds) {
}
