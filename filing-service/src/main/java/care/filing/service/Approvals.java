package care.filing.service;

import care.contracts.event.FilingApprovedV1;
import care.contracts.event.InstitutionSnapshotV1;
import care.contracts.event.SiteSnapshotV1;
import care.contracts.outbox.Outbox;
import care.filing.domain.Filing;
import care.filing.domain.FilingRepository;
import care.filing.domain.FilingStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** What approving a filing does, once the caller's right to approve it has been checked. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Approvals {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final FilingRepository filings;
    private final Outbox outbox;

    public Approvals(FilingRepository filings, Outbox outbox) {
        this.filings = filings;
        this.outbox = outbox;
    }

    /** Approves, issues the 备案回执 (numbered without gaps per county and year) and publishes FilingApproved. */
    public void approve(Filing filing, String reviewer, String comment, Instant at) {
        filing.moveTo(FilingStatus.APPROVED);
        filing.decidedAt = at;
        filing.decidedBy = reviewer;
        filing.decisionComment = comment == null || comment.isBlank() ? null : comment.strip();
        LocalDate day = LocalDate.ofInstant(at, CHINA);
        int sequence = filings.nextReceiptSequence(filing.divisionCode, day.getYear());
        filing.receiptNumber = "%s-%d-%06d".formatted(filing.divisionCode, day.getYear(), sequence);
        outbox.publish(FilingApprovedV1.TYPE, FilingApprovedV1.VERSION, filing.uscc, filing.cityCode,
                filing.divisionCode, new FilingApprovedV1(filing.id, filing.type.name(), filing.receiptNumber, day,
                        new InstitutionSnapshotV1(filing.uscc, filing.institutionName, filing.sector, filing.kind,
                                filing.ownership, filing.cityCode, filing.divisionCode, filing.address,
                                filing.legalRepresentative, filing.contactPhone, filing.capacity),
                        new SiteSnapshotV1(filing.institutionName, filing.divisionCode, filing.address, filing.capacity)));
    }
}
