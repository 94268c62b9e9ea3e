package care.filing.filing.service;

import care.contracts.ChinaTime;
import care.contracts.problem.ProblemException;
import care.filing.filing.domain.FiledInstitution;
import care.filing.filing.domain.Filing;
import care.filing.filing.domain.FilingRepository;
import care.filing.filing.domain.FilingStatus;
import care.filing.filing.domain.FilingType;
import care.filing.filing.event.FilingEvents;
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
    private final FilingEvents events;

    public Approvals(FilingRepository filings, Workflow workflow, FilingEvents events) {
        this.filings = filings;
        this.workflow = workflow;
        this.events = events;
    }

    /**
     * 受理: the reviewer has the filing in hand; the clock keeps running from the submission. Published as
     * FilingAccepted so that the applicant is told (registry-service's messages).
     */
    public void accept(Filing filing, String reviewer, String comment, Instant at) {
        workflow.move(filing, FilingStatus.ACCEPTED, "ACCEPT", reviewer, comment, at);
        events.accepted(filing);
    }

    /**
     * Approves, issues the 备案回执 (numbered without gaps per county and year), brings this service's record of
     * the institution up to date and publishes FilingApproved with the institution snapshot (and the site for
     * NEW and ADD_SITE).
     */
    public void approve(Filing filing, String reviewer, String comment, Instant at) {
        workflow.move(filing, FilingStatus.APPROVED, "APPROVE", reviewer, comment, at);
        FiledInstitution institution = apply(filing, at);
        LocalDate day = LocalDate.ofInstant(at, ChinaTime.ZONE);
        // the county's receipt counter stays locked until commit: take it last, with only the event left to write
        String receipt = filings.issueReceipt(filing, day.getYear());
        events.approved(filing, institution, receipt, day);
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
            institution.facts = filing.institution;
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
                case CHANGE -> institution.facts = filing.institution;
                case ADD_SITE -> {
                    institution.sites++;
                    institution.facts = institution.facts.withCapacity(
                            institution.facts.capacity() + filing.siteCapacity);
                }
                case CLOSE -> institution.status = FiledInstitution.Status.CLOSED;
                default -> throw new IllegalStateException();
            }
        }
        institution.lastFilingId = filing.id;
        institution.updatedAt = at;
        return institution;
    }
}
