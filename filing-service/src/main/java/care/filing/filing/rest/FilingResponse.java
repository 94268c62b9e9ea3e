package care.filing.filing.rest;

import care.contracts.ChinaTime;
import care.contracts.event.FilingReturnedV1;
import care.contracts.event.InstitutionKind;
import care.contracts.event.Ownership;
import care.contracts.event.Sector;
import care.filing.filing.domain.Filing;
import care.filing.filing.domain.FilingStatus;
import care.filing.filing.domain.FilingType;
import care.filing.filing.service.Workflow;
import care.filing.rules.FilingRules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A filing as clients see it. {@code dueOn} is the last working day for a decision, counted from the latest
 * (re)submission; {@code overdue} says a filing is still waiting after it, or was decided after it.
 * {@code reviewFlags}: conditions a plan states that this filing does not show it meets (e.g. Qujing's 护理型床位
 * share for a 公办 养老机构), each with the sentence quoted, for the reviewer to weigh; never a refusal.
 */
public record FilingResponse(
        UUID id,
        FilingType type,
        Sector sector,
        FilingStatus status,
        String statusLabel,
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
        Integer nursingBeds,
        String siteName,
        String siteAddress,
        Integer siteCapacity,
        String closeReason,
        String applicant,
        Instant createdAt,
        Instant firstSubmittedAt,
        Instant submittedAt,
        Instant acceptedAt,
        LocalDate dueOn,
        boolean overdue,
        Instant returnedAt,
        List<FilingReturnedV1.Item> returnItems,
        Instant decidedAt,
        String decidedBy,
        String decisionComment,
        String receiptNumber,
        List<FilingRules.Flag> reviewFlags,
        long version) {

    static FilingResponse of(Filing f, List<FilingReturnedV1.Item> returnItems, List<FilingRules.Flag> reviewFlags) {
        var i = f.institution;
        return new FilingResponse(f.id, f.type, i.sector(), f.status, f.status.label, f.uscc, i.name(), i.kind(),
                i.ownership(), i.cityCode(), i.divisionCode(), i.address(), i.legalRepresentative(), i.contactPhone(),
                i.capacity(), f.nursingBeds, f.siteName, f.siteAddress, f.siteCapacity, f.closeReason, f.applicant, f.createdAt,
                f.firstSubmittedAt, f.submittedAt, f.acceptedAt, f.dueOn,
                Workflow.overdue(f, ChinaTime.today()), f.returnedAt, returnItems, f.decidedAt,
                f.decidedBy, f.decisionComment, f.receiptNumber, reviewFlags, f.version);
    }
}
