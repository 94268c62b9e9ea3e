package care.registry.institution.service;

import care.contracts.event.FilingApprovedV1;
import care.contracts.event.InstitutionRegisteredV1;
import care.contracts.event.InstitutionSnapshotV1;
import care.contracts.outbox.Outbox;
import care.registry.institution.domain.FilingStatus;
import care.registry.institution.domain.Institution;
import care.registry.institution.domain.InstitutionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/** Applies filing outcomes to the register: the only way 备案-controlled facts change. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FilingOutcomeService {

    private static final Logger LOG = Logger.getLogger(FilingOutcomeService.class);

    private final InstitutionRepository institutions;
    private final Outbox outbox;

    public FilingOutcomeService(InstitutionRepository institutions, Outbox outbox) {
        this.institutions = institutions;
        this.outbox = outbox;
    }

    public void approved(FilingApprovedV1 filing) {
        if (!"NEW".equals(filing.filingType())) {
            LOG.infof("filing type %s of %s is not applied yet", filing.filingType(), filing.institution().uscc());
            return;
        }
        InstitutionSnapshotV1 snapshot = filing.institution();
        Institution institution = institutions.findByUscc(snapshot.uscc()).orElseGet(() -> {
            Institution created = new Institution();
            created.id = UUID.randomUUID();
            created.uscc = snapshot.uscc();
            created.createdAt = Instant.now();
            created.filingStatus = FilingStatus.UNFILED;
            return created;
        });
        boolean firstFiling = institution.filingStatus != FilingStatus.FILED;
        institution.name = snapshot.name();
        institution.sector = snapshot.sector();
        institution.kind = snapshot.kind();
        institution.ownership = snapshot.ownership();
        institution.cityCode = snapshot.cityCode();
        institution.divisionCode = snapshot.divisionCode();
        institution.address = snapshot.address();
        institution.legalRepresentative = snapshot.legalRepresentative();
        institution.contactPhone = snapshot.contactPhone();
        institution.capacity = snapshot.capacity();
        institution.filingStatus = FilingStatus.FILED;
        institution.filingNumber = filing.receiptNumber();
        institution.filedOn = filing.approvedOn();
        institution.updatedAt = Instant.now();
        institutions.persist(institution);
        if (firstFiling) {
            outbox.publish(InstitutionRegisteredV1.TYPE, InstitutionRegisteredV1.VERSION, institution.id.toString(),
                    institution.cityCode, institution.divisionCode, new InstitutionRegisteredV1(institution.id,
                            institution.uscc, institution.name, institution.sector, institution.kind,
                            institution.ownership, institution.cityCode, institution.divisionCode,
                            institution.filingNumber, institution.filedOn));
        }
    }
}
