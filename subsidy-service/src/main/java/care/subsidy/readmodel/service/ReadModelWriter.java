package care.subsidy.readmodel.service;

import care.contracts.event.CaregiverChangedV1;
import care.contracts.event.InstitutionChangedV1;
import care.contracts.event.InstitutionKind;
import care.contracts.event.InstitutionRegisteredV1;
import care.contracts.event.Ownership;
import care.contracts.event.Sector;
import care.subsidy.batch.service.BatchGenerator;
import care.subsidy.readmodel.domain.InstitutionView;
import care.subsidy.readmodel.domain.InstitutionViewRepository;
import care.subsidy.support.Periods;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Applies the register's facts. Institutions keep every state with the day it took effect
 * ({@code institution_state}); roster entries keep every certificate they held ({@code caregiver_certificate}),
 * so the state on the last day of a past month can be read after later changes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReadModelWriter {

    /** Issue date assumed for a certificate the register sends without one: it counts from any day. */
    static final LocalDate UNKNOWN_ISSUE = LocalDate.of(1900, 1, 1);

    private final InstitutionViewRepository views;
    private final EntityManager em;

    public ReadModelWriter(InstitutionViewRepository views, EntityManager em) {
        this.views = views;
        this.em = em;
    }

    /** An InstitutionRegistered that occurred at the registry at {@code occurredAt}. */
    public void registered(InstitutionRegisteredV1 e, Instant occurredAt) {
        InstitutionView view = views.findByIdOptional(e.institutionId()).orElseGet(InstitutionView::new);
        boolean known = view.institutionId != null;
        LocalDate from = e.filedOn() != null ? e.filedOn() : Periods.today();
        if (known && older(view, occurredAt)) {
            history(view, "FILED", from, e.totalCapacity() != null ? e.totalCapacity() : view.totalCapacity,
                    e.ownership(), e.sector(), e.cityCode(), e.divisionCode(), e.kind());
            return;
        }
        describe(view, e.institutionId(), e.uscc(), e.name(), e.sector(), e.kind(), e.ownership(), e.cityCode(),
                e.divisionCode());
        view.filingNumber = e.filingNumber();
        view.filedOn = e.filedOn();
        if (!known) { // a late InstitutionRegistered never overrides a later InstitutionChanged
            view.filingStatus = "FILED";
            view.effectiveOn = e.filedOn();
            if (e.totalCapacity() != null) { // else (an older event) the first InstitutionChanged brings it
                view.totalCapacity = e.totalCapacity();
            }
            view.factsAt = occurredAt;
        }
        view.updatedAt = Instant.now();
        views.persist(view);
        state(view, "FILED", from, view.totalCapacity);
    }

    /** An InstitutionChanged that occurred at the registry at {@code occurredAt}. */
    public void changed(InstitutionChangedV1 e, Instant occurredAt) {
        InstitutionView view = views.findByIdOptional(e.institutionId()).orElseGet(InstitutionView::new);
        LocalDate from = e.effectiveOn() != null ? e.effectiveOn() : Periods.today();
        if (older(view, occurredAt)) {
            history(view, e.filingStatus(), from, e.totalCapacity(), e.ownership(), e.sector(), e.cityCode(),
                    e.divisionCode(), e.kind());
            return;
        }
        describe(view, e.institutionId(), e.uscc(), e.name(), e.sector(), e.kind(), e.ownership(), e.cityCode(),
                e.divisionCode());
        view.filingStatus = e.filingStatus();
        view.effectiveOn = e.effectiveOn();
        view.totalCapacity = e.totalCapacity();
        view.inclusive = e.inclusive();
        view.demonstration = e.demonstration();
        view.factsAt = occurredAt;
        view.updatedAt = Instant.now();
        views.persist(view);
        state(view, e.filingStatus(), from, e.totalCapacity());
    }

    /**
     * Whether an event that occurred at {@code occurredAt} is older than the facts the view holds: delivered after a
     * newer one (a replay, a redelivery), it must not overwrite them. Events are ordered by when they occurred at the
     * registry, which writes one institution's changes one transaction after another.
     */
    private static boolean older(InstitutionView view, Instant occurredAt) {
        return view.factsAt != null && occurredAt != null && occurredAt.isBefore(view.factsAt);
    }

    /**
     * The state an older event describes, kept as history only if it took effect before the facts held (the state
     * at the end of a month between the two is then right) on a day no state starts yet; from the day of the held
     * facts on, they hold.
     */
    private void history(InstitutionView view, String status, LocalDate from, int capacity, Ownership ownership,
                         Sector sector, String cityCode, String divisionCode, InstitutionKind kind) {
        boolean dayTaken = !em.createNativeQuery(
                        "select 1 from institution_state where institution_id = ?1 and effective_on = ?2")
                .setParameter(1, view.institutionId).setParameter(2, from).getResultList().isEmpty();
        if (view.effectiveOn != null && from.isBefore(view.effectiveOn) && !dayTaken) {
            insertState(view.institutionId, status, from, capacity, ownership, sector, cityCode, divisionCode, kind);
        }
    }

    private static void describe(InstitutionView view, UUID id, String uscc, String name, Sector sector,
                                 InstitutionKind kind, Ownership ownership, String cityCode, String divisionCode) {
        view.institutionId = id;
        view.uscc = uscc;
        view.name = name;
        view.sector = sector;
        view.kind = kind;
        view.ownership = ownership;
        view.cityCode = cityCode;
        view.divisionCode = divisionCode;
    }

    private void state(InstitutionView v, String status, LocalDate from, int capacity) {
        em.flush();
        insertState(v.institutionId, status, from, capacity, v.ownership, v.sector, v.cityCode, v.divisionCode, v.kind);
    }

    private void insertState(UUID institution, String status, LocalDate from, int capacity, Ownership ownership,
                             Sector sector, String cityCode, String divisionCode, InstitutionKind kind) {
        em.createNativeQuery("""
                        insert into institution_state (institution_id, effective_on, filing_status, ownership, sector,
                                                       city_code, division_code, total_capacity, kind)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, institution).setParameter(2, from).setParameter(3, status)
                .setParameter(4, ownership.name()).setParameter(5, sector.name())
                .setParameter(6, cityCode).setParameter(7, divisionCode).setParameter(8, capacity)
                .setParameter(9, kind.name())
                .executeUpdate();
    }

    public void caregiver(CaregiverChangedV1 e, Instant occurredAt) {
        em.createNativeQuery("""
                        insert into caregiver (staff_id, institution_id, person_key, slice, name, masked_citizen_id,
                                               role, city_code, division_code, employed_from, employed_until,
                                               disputed, updated_at)
                        values (?1, ?2, ?3, (hashtext(?3) & 2147483647) % ?11, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?12, now())
                        on conflict (staff_id) do update set institution_id = excluded.institution_id,
                            person_key = excluded.person_key, slice = excluded.slice, name = excluded.name,
                            masked_citizen_id = excluded.masked_citizen_id, role = excluded.role,
                            city_code = excluded.city_code, division_code = excluded.division_code,
                            employed_from = excluded.employed_from, employed_until = excluded.employed_until,
                            disputed = excluded.disputed, updated_at = now()""")
                .setParameter(1, e.staffId()).setParameter(2, e.institutionId()).setParameter(3, e.personKey())
                .setParameter(4, e.name()).setParameter(5, e.maskedCitizenId()).setParameter(6, e.role().name())
                .setParameter(7, e.cityCode()).setParameter(8, e.divisionCode())
                .setParameter(9, e.employedFrom()).setParameter(10, e.employedUntil())
                .setParameter(11, BatchGenerator.SLICES)
                .setParameter(12, Boolean.TRUE.equals(e.disputed())) // absent in events older than the field
                .executeUpdate();
        if (e.certificateGrade() != null) {
            LocalDate issued = e.certificateIssuedOn() != null ? e.certificateIssuedOn() : UNKNOWN_ISSUE;
            em.createNativeQuery("""
                            insert into caregiver_certificate (staff_id, issued_on, grade, certificate_number, valid_until,
                                                               certificate_type)
                            values (?1, ?2, ?3, ?4, ?5, ?6)
                            on conflict (staff_id, issued_on) do update set grade = excluded.grade,
                                certificate_number = excluded.certificate_number, valid_until = excluded.valid_until,
                                certificate_type = excluded.certificate_type""")
                    .setParameter(1, e.staffId()).setParameter(2, issued).setParameter(3, e.certificateGrade().name())
                    .setParameter(4, e.certificateNumber()).setParameter(5, e.certificateValidUntil())
                    // null for an event older than the field, or a type entered as free text: counts for nothing
                    .setParameter(6, e.certificateType() == null ? null : e.certificateType().name())
                    .executeUpdate();
        } else {
            // the register no longer lists a certificate: it ends the day before the change was reported
            LocalDate withdrawn = Periods.day(occurredAt != null ? occurredAt : Instant.now()).minusDays(1);
            em.createNativeQuery("""
                            update caregiver_certificate set valid_until = ?2
                            where staff_id = ?1 and (valid_until is null or valid_until > ?2)""")
                    .setParameter(1, e.staffId()).setParameter(2, withdrawn)
                    .executeUpdate();
        }
    }
}
