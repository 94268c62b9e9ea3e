package care.filing.service;

import care.contracts.ChinaTime;
import care.contracts.event.FilingApprovedV1;
import care.contracts.event.InstitutionSnapshotV1;
import care.contracts.event.SiteSnapshotV1;
import care.contracts.outbox.Outbox;
import care.contracts.problem.ProblemException;
import care.filing.domain.FiledInstitution;
import care.filing.domain.Filing;
import care.filing.domain.FilingRepository;
import care.filing.domain.FilingStatus;
import care.filing.domain.FilingType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What accepting (受理) and approving a filing do, once the caller's right to decide it has been checked. Used by
 * reviewers through {@link FilingService} and by the demo register, so both go the same way.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Approvals {

    private final FilingRepository filings;
    private final Workflow workflow;
    private final Outbox outbox;

    public Approvals(FilingRepository filings, Workflow workflow, Outbox outbox) {
        this.filings = filings;
        this.workflow = workflow;
        this.outbox = outbox;
    }

    /** 受理: the reviewer has the filing in hand; the clock keeps running from the submission. */
    public void accept(Filing filing, String reviewer, String comment, Instant at) {
        workflow.move(filing, FilingStatus.ACCEPTED, "ACCEPT", reviewer, comment, at);
    }

    /**
     * Approves, issues the 备案回执 (numbered without gaps per county and year), brings this service's record of
     * the institution up to date and publishes FilingApproved with the institution snapshot (and the site for
     * NEW and ADD_SITE).
     */
    public void approve(Filing filing, String reviewer, String comment, Instant at) {
        workflow.move(filing, FilingStatus.APPROVED, "APPROVE", reviewer, comment, at);
        InstitutionSnapshotV1 institution = snapshot(apply(filing, at));
        SiteSnapshotV1 site = switch (filing.type) {
            case NEW -> new SiteSnapshotV1(filing.institutionName, filing.divisionCode, filing.address, filing.capacity);
            case ADD_SITE -> new SiteSnapshotV1(filing.siteName, filing.divisionCode, filing.siteAddress,
                    filing.siteCapacity);
            case CHANGE, CLOSE -> null;
        };
        LocalDate day = LocalDate.ofInstant(at, ChinaTime.ZONE);
        // the county's receipt counter stays locked until commit: take it last, with only the event left to write
        String receipt = filings.issueReceipt(filing, day.getYear());
        outbox.publish(FilingApprovedV1.TYPE, FilingApprovedV1.VERSION, filing.uscc, filing.cityCode,
                filing.divisionCode, new FilingApprovedV1(filing.id, filing.type.name(), receipt, day, institution, site));
    }

    private FiledInstitution apply(Filing filing, Instant at) {
        FiledInstitution institution = filings.institution(filing.uscc, true).orElse(null);
        boolean filed = institution != null && institution.status == FiledInstitution.Status.FILED;
        if (filing.type == FilingType.NEW) {
            if (filed) {
                throw ProblemException.conflict("ALREADY_FILED", "该机构已备案",
                        "institution " + filing.uscc + " is already filed; use a CHANGE, ADD_SITE or CLOSE filing");
            }
            boolean created = institution == null;
            if (created) {
                institution = new FiledInstitution();
                institution.uscc = filing.uscc;
            }
            copy(filing, institution);
            institution.sites = 1;
            institution.status = FiledInstitution.Status.FILED;
            institution.lastFilingId = filing.id;
            institution.updatedAt = at;
            if (created) {
                filings.save(institution);
            }
        } else {
            if (!filed) {
                throw ProblemException.conflict("NOT_FILED", "该机构尚未备案或已注销",
                        "institution " + filing.uscc + " has no current 备案 to " + filing.type);
            }
            switch (filing.type) {
                case CHANGE -> copy(filing, institution);
                case ADD_SITE -> {
                    institution.sites++;
                    institution.capacity += filing.siteCapacity;
                }
                case CLOSE -> institution.status = FiledInstitution.Status.CLOSED;
                default -> throw new IllegalStateException();
            }
        }
        institution.lastFilingId = filing.id;
        institution.updatedAt = at;
        return institution;
    }

    private static void copy(Filing f, FiledInstitution i) {
        i.sector = f.sector;
        i.name = f.institutionName;
        i.kind = f.kind;
        i.ownership = f.ownership;
        i.cityCode = f.cityCode;
        i.divisionCode = f.divisionCode;
        i.address = f.address;
        i.legalRepresentative = f.legalRepresentative;
        i.contactPhone = f.contactPhone;
        i.capacity = f.capacity;
    }

    static InstitutionSnapshotV1 snapshot(FiledInstitution i) {
        return new InstitutionSnapshotV1(i.uscc, i.name, i.sector, i.kind, i.ownership, i.cityCode, i.divisionCode,
                i.address, i.legalRepresentative, i.contactPhone, i.capacity);
    }
}
