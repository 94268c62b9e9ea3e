package care.registry.staff.service;

import care.contracts.ChinaTime;
import care.contracts.event.CaregiverChangedV1;
import care.contracts.outbox.Outbox;
import care.contracts.problem.ProblemException;
import care.contracts.problem.Violation;
import care.registry.access.Bounds;
import care.registry.access.Refusals;
import care.registry.audit.AuditTrail;
import care.registry.institution.domain.Institution;
import care.registry.pii.PiiProtector;
import care.registry.staff.domain.Staff;
import care.registry.staff.domain.StaffRepository;
import care.registry.staff.rest.StaffRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The roster. A person (one citizen ID, recognised by its keyed hash) is employed by one institution at a time:
 * an employment overlapping one at another institution is refused (409 CONCURRENT_EMPLOYMENT) until that one is
 * ended, so the nursing allowance can never be claimed twice for one person and month. Every change publishes
 * CaregiverChanged with the keyed hash as personKey and the ID masked.
 */
@ApplicationScoped
@Transactional
public class StaffService {

    private static final int MINIMUM_WORKING_AGE = 16;

    private final StaffRepository staff;
    private final PiiProtector pii;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock = Clock.system(ChinaTime.ZONE);

    public StaffService(StaffRepository staff, PiiProtector pii, Outbox outbox, AuditTrail audit) {
        this.staff = staff;
        this.pii = pii;
        this.outbox = outbox;
        this.audit = audit;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Staff add(Institution institution, StaffRequest request, String actor) {
        List<Violation> violations = check(request, true);
        Refusals.refuseIfAny(violations);
        Staff entry = new Staff();
        entry.id = UUID.randomUUID();
        entry.institutionId = institution.id;
        entry.createdAt = Instant.now();
        apply(entry, request);
        setCitizenId(entry, request.citizenId());
        guardEmployment(institution, entry);
        entry.updatedAt = entry.createdAt;
        staff.persist(entry);
        audit.record(actor, "STAFF_ADDED", "staff", entry.id, institution, describe(entry));
        publish(institution, entry);
        return entry;
    }

    public Staff update(Institution institution, Staff entry, StaffRequest request, Long expectedVersion, String actor) {
        if (expectedVersion != null && expectedVersion != entry.version) {
            throw new OptimisticLockException();
        }
        Refusals.refuseIfAny(check(request, false));
        Map<String, Object> before = describe(entry);
        apply(entry, request);
        if (request.citizenId() != null && !pii.personKey(request.citizenId()).equals(entry.citizenIdHash)) {
            setCitizenId(entry, request.citizenId());
        }
        entry.updatedAt = Instant.now(); // before the guard's queries flush: one version step per change
        guardEmployment(institution, entry);
        audit.record(actor, "STAFF_UPDATED", "staff", entry.id, institution, Map.of("before", before, "after", describe(entry)));
        publish(institution, entry);
        return entry;
    }

    /**
     * Adds generated entries (demo data, already valid) in one go: one lookup for the whole batch, entries whose
     * person is already on a roster are left out, each added one publishes CaregiverChanged. Returns how many.
     */
    public int addGenerated(Institution institution, List<Staff> entries, List<String> citizenIds) {
        for (int n = 0; n < entries.size(); n++) {
            setCitizenId(entries.get(n), citizenIds.get(n));
        }
        var known = new java.util.HashSet<>(staff.getEntityManager().createQuery(
                        "select s.citizenIdHash from Staff s where s.citizenIdHash in ?1", String.class)
                .setParameter(1, entries.stream().map(e -> e.citizenIdHash).toList()).getResultList());
        int added = 0;
        for (Staff entry : entries) {
            if (known.add(entry.citizenIdHash)) {
                staff.persist(entry);
                publish(institution, entry);
                added++;
            }
        }
        return added;
    }

    private void setCitizenId(Staff entry, String citizenId) {
        String id = PiiProtector.normalise(citizenId);
        entry.citizenIdCipher = pii.encrypt(id, entry.id);
        entry.citizenIdHash = pii.personKey(id);
        entry.citizenIdMasked = PiiProtector.mask(id);
    }

    private void guardEmployment(Institution institution, Staff entry) {
        if (staff.heldHere(entry.citizenIdHash, institution.id, entry.id, entry.employedFrom, entry.employedUntil)) {
            throw ProblemException.conflict("DUPLICATE_STAFF", "人员已在本机构花名册中",
                    "person " + entry.citizenIdMasked + " already has an overlapping employment at this institution");
        }
        var elsewhere = staff.overlappingElsewhere(entry.citizenIdHash, institution.id, entry.id, entry.employedFrom,
                entry.employedUntil);
        if (!elsewhere.isEmpty()) {
            Staff other = elsewhere.get(0);
            throw ProblemException.conflict("CONCURRENT_EMPLOYMENT", "该人员已在其他机构任职",
                    "person " + entry.citizenIdMasked + " is employed at another institution from " + other.employedFrom
                            + (other.employedUntil == null ? "" : " until " + other.employedUntil)
                            + "; that employment must end before this one starts");
        }
    }

    private static void apply(Staff entry, StaffRequest r) {
        entry.name = r.name().strip();
        entry.role = r.role();
        entry.certificateType = blankToNull(r.certificateType());
        entry.certificateGrade = r.certificateGrade();
        entry.certificateNumber = blankToNull(r.certificateNumber());
        entry.certificateIssuedOn = r.certificateIssuedOn();
        entry.certificateValidUntil = r.certificateValidUntil();
        entry.employedFrom = r.employedFrom();
        entry.employedUntil = r.employedUntil();
    }

    private List<Violation> check(StaffRequest r, boolean adding) {
        List<Violation> v = new ArrayList<>();
        if (adding && r.citizenId() == null) {
            v.add(new Violation("citizenId", "新增人员须填写公民身份号码"));
        }
        if (r.certificateGrade() != null && blankToNull(r.certificateNumber()) == null) {
            v.add(new Violation("certificateNumber", "填写了证书等级，须同时填写证书编号"));
        }
        if (r.certificateValidUntil() != null && r.certificateIssuedOn() != null
                && r.certificateValidUntil().isBefore(r.certificateIssuedOn())) {
            v.add(new Violation("certificateValidUntil", "证书有效期不能早于发证日期"));
        }
        if (r.certificateIssuedOn() != null && r.certificateIssuedOn().isAfter(today())) {
            v.add(new Violation("certificateIssuedOn", "发证日期不能晚于今天"));
        }
        Bounds.date(v, "certificateIssuedOn", r.certificateIssuedOn());
        Bounds.date(v, "certificateValidUntil", r.certificateValidUntil());
        Bounds.date(v, "employedFrom", r.employedFrom());
        Bounds.date(v, "employedUntil", r.employedUntil());
        if (r.employedFrom() != null && r.employedUntil() != null && r.employedUntil().isBefore(r.employedFrom())) {
            v.add(new Violation("employedUntil", "离职日期不能早于入职日期"));
        }
        if (r.citizenId() != null && r.employedFrom() != null && care.contracts.validation.Identifiers.isValidCitizenId(r.citizenId())) {
            LocalDate born = LocalDate.of(Integer.parseInt(r.citizenId().substring(6, 10)),
                    Integer.parseInt(r.citizenId().substring(10, 12)), Integer.parseInt(r.citizenId().substring(12, 14)));
            if (born.plusYears(MINIMUM_WORKING_AGE).isAfter(r.employedFrom())) {
                v.add(new Violation("citizenId", "按公民身份号码，入职时未满" + MINIMUM_WORKING_AGE + "周岁"));
            }
        }
        return v;
    }

    private void publish(Institution institution, Staff s) {
        outbox.publish(CaregiverChangedV1.TYPE, CaregiverChangedV1.VERSION, s.id.toString(), institution.cityCode,
                institution.divisionCode, new CaregiverChangedV1(s.id, institution.id, institution.uscc,
                        institution.cityCode, institution.divisionCode, s.citizenIdHash, s.name, s.citizenIdMasked,
                        s.role, s.certificateGrade, s.certificateNumber, s.certificateIssuedOn, s.certificateValidUntil,
                        s.employedFrom, s.employedUntil));
    }

    private static Map<String, Object> describe(Staff s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name);
        m.put("citizenId", s.citizenIdMasked);
        m.put("role", s.role);
        m.put("certificateGrade", s.certificateGrade);
        m.put("certificateNumber", s.certificateNumber);
        m.put("certificateValidUntil", s.certificateValidUntil);
        m.put("employedFrom", s.employedFrom);
        m.put("employedUntil", s.employedUntil);
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
