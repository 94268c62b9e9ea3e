package care.registry.institution.event;

import care.contracts.event.InstitutionChangedV1;
import care.contracts.event.InstitutionRegisteredV1;
import care.contracts.outbox.Outbox;
import care.registry.directory.service.DirectoryFeed;
import care.registry.institution.domain.Institution;
import care.registry.institution.domain.InstitutionFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;

/**
 * The registry's institution events, written to the outbox in the transaction of the change; the public directory's
 * change feed records the same moments (DirectoryFeed), so it follows every change the events tell.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InstitutionEvents {

    private final Outbox outbox;
    private final DirectoryFeed directoryFeed;

    public InstitutionEvents(Outbox outbox, DirectoryFeed directoryFeed) {
        this.outbox = outbox;
        this.directoryFeed = directoryFeed;
    }

    public void registered(Institution i) {
        InstitutionFacts f = i.facts;
        outbox.publish(InstitutionRegisteredV1.TYPE, InstitutionRegisteredV1.VERSION, i.id.toString(), f.cityCode,
                f.divisionCode, new InstitutionRegisteredV1(i.id, i.uscc, f.name, f.sector, f.kind, f.ownership,
                        f.cityCode, f.divisionCode, i.filingNumber, i.filedOn, i.capacity));
        directoryFeed.record(i);
    }

    public void changed(Institution i, LocalDate effectiveOn) {
        InstitutionFacts f = i.facts;
        outbox.publish(InstitutionChangedV1.TYPE, InstitutionChangedV1.VERSION, i.id.toString(), f.cityCode,
                f.divisionCode, new InstitutionChangedV1(i.id, i.uscc, f.name, f.sector, f.kind, f.ownership,
                        f.cityCode, f.divisionCode, i.filingStatus.eventName, effectiveOn, i.capacity, i.inclusive,
                        i.demonstration));
        directoryFeed.record(i);
    }
}
