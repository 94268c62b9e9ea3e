package care.registry.staff.service;

import care.contracts.ChinaTime;
import care.contracts.problem.ProblemException;
import care.contracts.problem.Violation;
import care.registry.access.Bounds;
import care.registry.audit.service.AuditTrail;
import care.registry.institution.domain.Institution;
import care.registry.pii.PiiProtector;
import care.registry.staff.domain.Staff;
import care.registry.staff.domain.StaffRepository;
import care.registry.staff.domain.StaffStatus;
import care.registry.staff.event.RosterEvents;
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
 * The roster. A person (one citizen ID, recognised by its keyed hash) is employed by one institution at a time.
 * An employment overlapping one at another institution is not decided by whoever registered first: it is recorded
 * as DISPUTED and goes to the county's competent reviewer ({@link StaffDisputes}); until the decision, neither entry
 * counts for the nursing allowance. The answer tells the clerk nothing about the other institution. Every change
 * publishes CaregiverChanged with the keyed hash as personKey and the ID masked.
 */
@ApplicationScoped
@Transactional
public class StaffService {

    private static final int MINIMUM_WORKING_AGE = 16;

    private final StaffRepository staff;
    private final PiiProtector pii;
    private final RosterEvents events;
    private final AuditTrail audit;
    private final StaffDisputes disputes;
    private final Clock clock = Clock.system(ChinaTime.ZONE);

    public StaffService(StaffRepository staff, PiiProtector pii, RosterEvents events, AuditTrail audit,
                        StaffDisputes disputes) {
        this.staff = staff;
        this.pii = pii;
        this.events = events;
        this.audit = audit;
        this.disputes = disputes;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Staff add(Institution institution, StaffDetails request, String actor) {
        List<Violation> violations = check(request, true);
        ProblemException.refuseIfAny(violations);
        Staff entry = new Staff();
        entry.id = UUID.randomUUID();
        entry.institutionId = institution.id;
        entry.createdAt = Instant.now();
        apply(entry, request);
        setCitizenId(entry, request.citizenId());
        List<Staff> rivals = guardEmployment(institution, entry);
        entry.updatedAt = entry.createdAt;
        staff.persist(entry);
        if (!rivals.isEmpty()) {
            disputes.open(institution, entry, rivals, actor);
        }
        audit.record(actor, "STAFF_ADDED", "staff", entry.id, institution, describe(entry));
        events.changed(institution, entry);
        return entry;
    }

    public Staff update(Institution institution, Staff entry, StaffDetails request, Long expectedVersion,
                        String actor) {
        if (expectedVersion != null && expectedVersion != entry.version) {
            throw new OptimisticLockException();
        }
        if (entry.status == StaffStatus.DISPUTED) {
            throw StaffDisputes.underVerification();
        }
        if (entry.status == StaffStatus.REFUSED) {
            throw ProblemException.conflict("CLAIM_REFUSED", "该登记未获县（区）主管部门认定，不能修改",
                    "the county decided for another claim; enter a new entry if the employment changed");
        }
        ProblemException.refuseIfAny(check(request, false));
        Map<String, Object> before = describe(entry);
        apply(entry, request);
        if (request.citizenId() != null && !pii.personKey(request.citizenId()).equals(entry.citizenIdHash)) {
            setCitizenId(entry, request.citizenId());
        }
        entry.updatedAt = Instant.now(); // before the guard's queries flush: one version step per change
        List<Staff> rivals = guardEmployment(institution, entry);
        if (!rivals.isEmpty()) {
            disputes.open(institution, entry, rivals, actor);
        }
        audit.record(actor, "STAFF_UPDATED", "staff", entry.id, institution, Map.of("before", before, "after", describe(entry)));
        events.changed(institution, entry);
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
                events.changed(institution, entry);
                added++;
            }
        }
        return added;
    }

    /** Whether the person already has an overlapping employment at this institution (an add would be refused). */
    boolean heldHere(Institution institution, StaffDetails r) {
        // the entry has no id yet: a fresh one excludes nothing
        return staff.heldHere(pii.personKey(PiiProtector.normalise(r.citizenId())), institution.id, UUID.randomUUID(),
                r.employedFrom(), r.employedUntil());
    }

    private void setCitizenId(Staff entry, String citizenId) {
        String id = PiiProtector.normalise(citizenId);
        PiiProtector.Sealed sealed = pii.encrypt(id, entry.id);
        entry.citizenIdCipher = sealed.cipher();
        entry.citizenIdKey = (short) sealed.keyVersion();
        entry.citizenIdHash = pii.personKey(id);
        entry.citizenIdMasked = PiiProtector.mask(id);
    }

    /**
     * 409 for a second overlapping entry at the same institution; otherwise the overlapping entries of the same
     * person at other institutions (empty: the entry stands alone). Nothing about them reaches the caller.
     */
    private List<Staff> guardEmployment(Institution institution, Staff entry) {
        var elsewhere = staff.overlappingElsewhere(entry.citizenIdHash, institution.id, entry.id, entry.employedFrom,
                entry.employedUntil); // takes the person's lock before the checks
        if (staff.heldHere(entry.citizenIdHash, institution.id, entry.id, entry.employedFrom, entry.employedUntil)) {
            throw ProblemException.conflict("DUPLICATE_STAFF", "人员已在本机构花名册中",
                    "person " + entry.citizenIdMasked + " already has an overlapping employment at this institution");
        }
        return elsewhere;
    }

    private static void apply(Staff entry, StaffDetails r) {
        entry.name = r.name().strip();
        entry.role = r.role();
        // stored as the code of the closed list; check() refused anything else
        entry.certificateType = care.contracts.event.CertificateType.of(r.certificateType()).map(Enum::name).orElse(null);
        entry.certificateGrade = r.certificateGrade();
        entry.certificateNumber = blankToNull(r.certificateNumber());
        entry.certificateIssuedOn = r.certificateIssuedOn();
        entry.certificateValidUntil = r.certificateValidUntil();
        entry.employedFrom = r.employedFrom();
        entry.employedUntil = r.employedUntil();
        entry.head = r.head();
        entry.education = r.education();
    }

    /** Every rule an entry breaks, as {@link #add} ({@code adding}) or {@link #update} checks it. */
    List<Violation> check(StaffDetails r, boolean adding) {
        List<Violation> v = new ArrayList<>();
        if (adding && r.citizenId() == null) {
            v.add(new Violation("citizenId", "新增人员须填写公民身份号码"));
        }
        if (blankToNull(r.certificateType()) != null && care.contracts.event.CertificateType.of(r.certificateType()).isEmpty()) {
            v.add(new Violation("certificateType", "证书类型须为以下之一：" + java.util.Arrays.stream(
                    care.contracts.event.CertificateType.values()).map(t -> t.name() + "（" + t.label + "）")
                    .collect(java.util.stream.Collectors.joining("、"))));
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

    static Map<String, Object> describe(Staff s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name);
        m.put("citizenId", s.citizenIdMasked);
        m.put("role", s.role);
        m.put("certificateGrade", s.certificateGrade);
        m.put("certificateNumber", s.certificateNumber);
        m.put("certificateValidUntil", s.certificateValidUntil);
        m.put("employedFrom", s.employedFrom);
        m.put("employedUntil", s.employedUntil);
        m.put("status", s.status);
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
