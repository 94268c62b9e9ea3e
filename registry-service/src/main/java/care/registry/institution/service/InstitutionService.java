package care.registry.institution.service;

import care.contracts.ChinaTime;
import care.registry.audit.service.AuditTrail;
import care.registry.institution.domain.DesignationVersion;
import care.registry.institution.domain.DesignationVersionRepository;
import care.registry.institution.domain.Institution;
import care.registry.institution.event.InstitutionEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Changes to an institution made through the API (filing facts change only through FilingOutcomeService). */
@ApplicationScoped
@Transactional
public class InstitutionService {

    private final AuditTrail audit;
    private final InstitutionEvents events;
    private final DesignationVersionRepository designationVersions;

    public InstitutionService(AuditTrail audit, InstitutionEvents events,
                              DesignationVersionRepository designationVersions) {
        this.audit = audit;
        this.events = events;
        this.designationVersions = designationVersions;
    }

    public Institution contacts(Institution i, ContactDetails r, Long expectedVersion, String actor) {
        checkVersion(i, expectedVersion);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("before", new String[]{i.contactPerson, i.contactPhone, i.contactEmail});
        i.contactPerson = blankToNull(r.contactPerson());
        i.contactPhone = r.contactPhone().strip();
        i.contactEmail = blankToNull(r.contactEmail());
        i.updatedAt = Instant.now();
        detail.put("after", new String[]{i.contactPerson, i.contactPhone, i.contactEmail});
        audit.record(actor, "CONTACTS_UPDATED", "institution", i.id, i, detail);
        return i;
    }

    public Institution designations(Institution i, Designations r, Long expectedVersion, String actor) {
        checkVersion(i, expectedVersion);
        if (i.inclusive == r.inclusive() && i.demonstration == r.demonstration()) {
            return i;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("inclusive", i.inclusive + " -> " + r.inclusive());
        detail.put("demonstration", i.demonstration + " -> " + r.demonstration());
        i.inclusive = r.inclusive();
        i.demonstration = r.demonstration();
        i.updatedAt = Instant.now();
        designationVersions.persist(DesignationVersion.of(i)); // a past month's 普惠/示范 stays reproducible
        audit.record(actor, "DESIGNATIONS_UPDATED", "institution", i.id, i, detail);
        events.changed(i, ChinaTime.today());
        return i;
    }

    private static void checkVersion(Institution i, Long expected) {
        if (expected != null && !Objects.equals(expected, i.version)) {
            throw new OptimisticLockException();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
