package care.registry.staff.service;

import care.contracts.problem.ProblemException;
import care.registry.audit.service.AuditTrail;
import care.registry.institution.domain.Institution;
import care.registry.institution.domain.InstitutionRepository;
import care.registry.staff.domain.ClaimOutcome;
import care.registry.staff.domain.Staff;
import care.registry.staff.domain.StaffDispute;
import care.registry.staff.domain.StaffDisputeRepository;
import care.registry.staff.domain.StaffRepository;
import care.registry.staff.domain.StaffStatus;
import care.registry.staff.event.RosterEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Roster disputes: one person claimed by two institutions for overlapping times. Registering first decides
 * nothing: the later claim is recorded, every entry in the dispute is DISPUTED (published with disputed=true, so
 * subsidy pays the person nothing meanwhile), and the competent reviewer of the county of the institution that made
 * the later claim decides which stands.
 *
 * <p>What the decision does: when the later claim stands, each held entry starting earlier is ended the day
 * before it (ENDED: its earlier months stay its own), one starting no earlier is REFUSED. When a held entry stands,
 * the later claim is REFUSED and the other held entries (which never overlapped the one standing) stand as they
 * were. Either way no two standing entries of the person overlap afterwards.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StaffDisputes {

    /** The actor of changes the register makes to a held entry because another institution claimed the person. */
    static final String REGISTER = "registry";

    private final StaffDisputeRepository disputes;
    private final StaffRepository staff;
    private final InstitutionRepository institutions;
    private final RosterEvents events;
    private final AuditTrail audit;

    public StaffDisputes(StaffDisputeRepository disputes, StaffRepository staff, InstitutionRepository institutions,
                         RosterEvents events, AuditTrail audit) {
        this.disputes = disputes;
        this.staff = staff;
        this.institutions = institutions;
        this.events = events;
        this.audit = audit;
    }

    /** 409 for changing an entry of a person whose employment the county is verifying. */
    static ProblemException underVerification() {
        return ProblemException.conflict("EMPLOYMENT_DISPUTED", "该人员的任职正由县（区）主管部门核实，核实前不能登记或修改",
                "the person's employment is being verified by the county's competent department; try again after"
                        + " its decision");
    }

    /**
     * Opens a dispute about {@code claim} (already persisted, under the person's lock) against the held entries
     * it overlaps at other institutions; they and the claim become DISPUTED. The caller publishes the claim.
     */
    public StaffDispute open(Institution claimant, Staff claim, List<Staff> held, String actor) {
        if (disputes.openFor(claim.citizenIdHash).isPresent()) {
            throw underVerification(); // one question to the county at a time; this claim can be made after it
        }
        StaffDispute d = new StaffDispute();
        d.id = UUID.randomUUID();
        d.personKey = claim.citizenIdHash;
        d.citizenIdMasked = claim.citizenIdMasked;
        d.status = StaffDispute.Status.OPEN;
        d.disputingStaffId = claim.id;
        d.sector = claimant.facts.sector;
        d.divisionCode = claimant.facts.divisionCode;
        d.cityCode = claimant.facts.cityCode;
        d.openedAt = Instant.now();
        d.openedBy = actor;
        d.claims.put(claim.id, ClaimOutcome.PENDING);
        claim.status = StaffStatus.DISPUTED;
        for (Staff h : held) {
            d.claims.put(h.id, ClaimOutcome.PENDING);
            Map<String, Object> before = StaffService.describe(h);
            h.status = StaffStatus.DISPUTED;
            h.updatedAt = d.openedAt;
            Institution holder = institutions.findById(h.institutionId);
            audit.record(REGISTER, "STAFF_DISPUTED", "staff", h.id, holder,
                    Map.of("dispute", d.id, "before", before, "after", StaffService.describe(h)));
            events.changed(holder, h);
        }
        disputes.persist(d);
        return d;
    }

    /** The reviewer's decision: {@code standing} stands, for {@code reason}; the others as the class says. */
    public StaffDispute decide(StaffDispute d, UUID standing, String reason, String actor) {
        staff.lockPerson(d.personKey);
        disputes.getEntityManager().refresh(d); // as a concurrent decision or claim left it
        if (d.status != StaffDispute.Status.OPEN) {
            throw ProblemException.conflict("DISPUTE_DECIDED", "该争议已有核实结论",
                    "decided by " + d.decidedBy + " at " + d.decidedAt);
        }
        if (!d.claims.containsKey(standing)) {
            throw ProblemException.invalid("standingStaffId", "应为本争议中的一项登记");
        }
        Staff winner = staff.findById(standing);
        Instant now = Instant.now();
        for (UUID id : List.copyOf(d.claims.keySet())) {
            Staff s = id.equals(standing) ? winner : staff.findById(id);
            Map<String, Object> before = StaffService.describe(s);
            ClaimOutcome outcome = outcome(s, winner, d.disputingStaffId);
            if (outcome == ClaimOutcome.ENDED) {
                LocalDate end = winner.employedFrom.minusDays(1);
                if (s.employedUntil == null || s.employedUntil.isAfter(end)) {
                    s.employedUntil = end;
                }
            }
            s.status = outcome == ClaimOutcome.REFUSED ? StaffStatus.REFUSED : StaffStatus.ACTIVE;
            s.disputeOutcome = outcome;
            s.updatedAt = now;
            d.claims.put(id, outcome);
            Institution holder = institutions.findById(s.institutionId);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("dispute", d.id);
            detail.put("outcome", outcome);
            detail.put("reason", reason);
            detail.put("before", before);
            detail.put("after", StaffService.describe(s));
            audit.record(actor, "STAFF_DISPUTE_DECIDED", "staff", s.id, holder, detail);
            events.changed(holder, s);
        }
        d.status = StaffDispute.Status.DECIDED;
        d.standingStaffId = standing;
        d.reason = reason;
        d.decidedBy = actor;
        d.decidedAt = now;
        return d;
    }

    private static ClaimOutcome outcome(Staff s, Staff winner, UUID disputing) {
        if (s == winner) {
            return ClaimOutcome.STANDS;
        }
        if (s.id.equals(disputing)) { // a held entry stands: the later claim never did
            return ClaimOutcome.REFUSED;
        }
        if (!winner.id.equals(disputing)) { // another held entry: it never overlapped the one standing
            return ClaimOutcome.STANDS;
        }
        return s.employedFrom.isBefore(winner.employedFrom) ? ClaimOutcome.ENDED : ClaimOutcome.REFUSED;
    }
}
