package care.registry.staff.event;

import care.contracts.event.CaregiverChangedV1;
import care.contracts.event.CertificateType;
import care.contracts.outbox.Outbox;
import care.registry.institution.domain.Institution;
import care.registry.staff.domain.Staff;
import care.registry.staff.domain.StaffStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;

/** CaregiverChanged for every roster change (outbox, key = staff id): the whole entry, as subsidy needs it. */
@ApplicationScoped
public class RosterEvents {

    private final Outbox outbox;

    public RosterEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Institution institution, Staff s) {
        // a refused claim never stood: sent as ending the day before it began, which no month counts, so that even
        // a consumer unaware of "disputed" never pays it
        LocalDate until = s.status == StaffStatus.REFUSED ? s.employedFrom.minusDays(1) : s.employedUntil;
        String city = institution.facts.cityCode;
        String county = institution.facts.divisionCode;
        outbox.publish(CaregiverChangedV1.TYPE, CaregiverChangedV1.VERSION, s.id.toString(), city, county,
                new CaregiverChangedV1(s.id, institution.id, institution.uscc, city, county, s.citizenIdHash, s.name,
                        s.citizenIdMasked, s.role, s.certificateGrade, s.certificateNumber, s.certificateIssuedOn,
                        s.certificateValidUntil, s.employedFrom, until, s.status == StaffStatus.DISPUTED,
                        CertificateType.of(s.certificateType).orElse(null)));
    }
}
