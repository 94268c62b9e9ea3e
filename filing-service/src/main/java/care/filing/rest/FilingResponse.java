package care.filing.rest;

import care.contracts.event.InstitutionKind;
import care.contracts.event.Ownership;
import care.contracts.event.Sector;
import care.filing.domain.Filing;
import care.filing.domain.FilingStatus;
import care.filing.domain.FilingType;

import java.time.Instant;
import java.util.UUID;

public record FilingResponse(
        UUID id,
        FilingType type,
        Sector sector,
        FilingStatus status,
        String uscc,
        String institutionName,
        InstitutionKind kind,
        Ownership ownership,
        String cityCode,
        String divisionCode,
        String address,
        String legalRepresentative,
        String contactPhone,
        int capacity,
        String applicant,
        Instant createdAt,
        Instant submittedAt,
        Instant decidedAt,
        String decidedBy,
        String decisionComment,
        String receiptNumber,
        long version) {

    static FilingResponse of(Filing f) {
        return new FilingResponse(f.id, f.type, f.sector, f.status, f.uscc, f.institutionName, f.kind, f.ownership,
                f.cityCode, f.divisionCode, f.address, f.legalRepresentative, f.contactPhone, f.capacity, f.applicant,
                f.createdAt, f.submittedAt, f.decidedAt, f.decidedBy, f.decisionComment, f.receiptNumber, f.version);
    }
}
