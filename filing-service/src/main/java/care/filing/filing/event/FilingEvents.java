package care.filing.filing.event;

import care.contracts.event.FilingAcceptedV1;
import care.contracts.event.FilingApprovedV1;
import care.contracts.event.FilingRejectedV1;
import care.contracts.event.FilingReturnedV1;
import care.contracts.event.FilingWithdrawnV1;
import care.contracts.event.SiteSnapshotV1;
import care.contracts.outbox.Outbox;
import care.filing.filing.domain.FiledInstitution;
import care.filing.filing.domain.Filing;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

/**
 * The outcomes of filings as events on {@code filing-events}: written to the outbox in the deciding transaction,
 * keyed by the USCC so that one institution's events keep their order.
 */
@ApplicationScoped
public class FilingEvents {

    private final Outbox outbox;

    public FilingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** 受理: told to the applicant (registry-service keeps it as a message), with the deadline it runs to. */
    public void accepted(Filing filing) {
        publish(filing, FilingAcceptedV1.TYPE, FilingAcceptedV1.VERSION, new FilingAcceptedV1(filing.id,
                filing.type.name(), filing.uscc, filing.institution.name(), filing.dueOn, filing.applicantId));
    }

    /** The institution as now filed, and the site the filing adds (NEW: the first; ADD_SITE: the new one). */
    public void approved(Filing filing, FiledInstitution institution, String receiptNumber, LocalDate approvedOn) {
        var declared = filing.institution;
        SiteSnapshotV1 site = switch (filing.type) {
            case NEW -> new SiteSnapshotV1(declared.name(), declared.divisionCode(), declared.address(),
                    declared.capacity());
            case ADD_SITE -> new SiteSnapshotV1(filing.siteName, declared.divisionCode(), filing.siteAddress,
                    filing.siteCapacity);
            case CHANGE, CLOSE -> null;
        };
        publish(filing, FilingApprovedV1.TYPE, FilingApprovedV1.VERSION, new FilingApprovedV1(filing.id,
                filing.type.name(), receiptNumber, approvedOn, InstitutionSnapshotMapper.toSnapshot(institution),
                site, filing.applicantId));
    }

    public void returned(Filing filing, String comment, List<FilingReturnedV1.Item> items) {
        publish(filing, FilingReturnedV1.TYPE, FilingReturnedV1.VERSION,
                new FilingReturnedV1(filing.id, filing.type.name(), filing.uscc, comment, items,
                        filing.applicantId));
    }

    public void rejected(Filing filing, String reason) {
        publish(filing, FilingRejectedV1.TYPE, FilingRejectedV1.VERSION,
                new FilingRejectedV1(filing.id, filing.type.name(), filing.uscc, reason, filing.applicantId));
    }

    /** Only for a filing once submitted: a draft withdrawn before that was never anyone's business. */
    public void withdrawn(Filing filing, String comment) {
        publish(filing, FilingWithdrawnV1.TYPE, FilingWithdrawnV1.VERSION,
                new FilingWithdrawnV1(filing.id, filing.type.name(), filing.uscc, comment));
    }

    private void publish(Filing filing, String type, int version, Object payload) {
        outbox.publish(type, version, filing.uscc, filing.institution.cityCode(), filing.institution.divisionCode(),
                payload);
    }
}
