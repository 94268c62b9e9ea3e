package care.filing.service;

import care.contracts.division.Divisions;
import care.contracts.event.FilingRejectedV1;
import care.contracts.outbox.Outbox;
import care.contracts.problem.ProblemException;
import care.contracts.security.Caller;
import care.contracts.security.Roles;
import care.filing.domain.Filing;
import care.filing.domain.FilingRepository;
import care.filing.domain.FilingStatus;
import care.filing.rest.FilingRequest;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The 备案 workflow. Every method checks who may see or act on this filing: an institution its own filings,
 * a reviewer the filings of their sector in the counties they cover, a city admin or auditor their city (read only).
 * A filing the caller may not see is answered as not found, so ids reveal nothing.
 */
@ApplicationScoped
@Transactional
public class FilingService {

    private static final List<FilingStatus> OPEN = List.of(FilingStatus.SUBMITTED, FilingStatus.ACCEPTED);

    private final FilingRepository filings;
    private final Approvals approvals;
    private final Outbox outbox;
    private final Caller caller;

    public FilingService(FilingRepository filings, Approvals approvals, Outbox outbox, Caller caller) {
        this.filings = filings;
        this.approvals = approvals;
        this.outbox = outbox;
        this.caller = caller;
    }

    public Filing createDraft(FilingRequest request) {
        if (!request.uscc().equals(caller.uscc())) {
            throw ProblemException.forbidden("you may only file for the institution your account is bound to");
        }
        if (request.kind().sector != request.sector()) {
            throw ProblemException.invalid("kind", "机构类型“" + request.kind().label + "”不属于" + request.sector().label);
        }
        Filing filing = new Filing();
        filing.id = UUID.randomUUID();
        filing.type = request.type();
        filing.sector = request.sector();
        filing.status = FilingStatus.DRAFT;
        filing.uscc = request.uscc();
        filing.institutionName = request.institutionName().strip();
        filing.kind = request.kind();
        filing.ownership = request.ownership();
        filing.divisionCode = request.divisionCode();
        filing.cityCode = Divisions.cityOf(request.divisionCode()).orElseThrow();
        filing.address = request.address().strip();
        filing.legalRepresentative = request.legalRepresentative().strip();
        filing.contactPhone = request.contactPhone().strip();
        filing.capacity = request.capacity();
        filing.applicant = caller.name();
        filing.createdAt = Instant.now();
        filings.persist(filing);
        return filing;
    }

    public Filing submit(UUID id, long expectedVersion) {
        Filing filing = ownFiling(id);
        checkVersion(filing, expectedVersion);
        filing.moveTo(FilingStatus.SUBMITTED);
        filing.submittedAt = Instant.now();
        return filing;
    }

    public Filing approve(UUID id, long expectedVersion, String comment) {
        Filing filing = reviewable(id);
        checkVersion(filing, expectedVersion);
        approvals.approve(filing, caller.name(), comment, Instant.now());
        return filing;
    }

    public Filing reject(UUID id, long expectedVersion, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("comment", "驳回必须填写理由");
        }
        Filing filing = reviewable(id);
        checkVersion(filing, expectedVersion);
        filing.moveTo(FilingStatus.REJECTED);
        decide(filing, reason);
        outbox.publish(FilingRejectedV1.TYPE, FilingRejectedV1.VERSION, filing.uscc, filing.cityCode,
                filing.divisionCode, new FilingRejectedV1(filing.id, filing.type.name(), filing.uscc, reason.strip()));
        return filing;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Filing get(UUID id) {
        Filing filing = filings.findById(id);
        if (filing == null || !canSee(filing)) {
            throw ProblemException.notFound("filing", id);
        }
        return filing;
    }

    /** An institution's own filings, or a reviewer's queue of open filings (oldest first). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Filing> list(FilingStatus status, Page page) {
        if (caller.is(Roles.INSTITUTION)) {
            return filings.ofInstitution(caller.uscc(), page).stream()
                    .filter(f -> status == null || f.status == status).toList();
        }
        var sector = caller.sector().orElse(null);
        String area = caller.divisionCode().orElse(null);
        if (sector == null || area == null || !caller.reviews(sector)) {
            throw ProblemException.forbidden("only institutions and reviewers have filing lists");
        }
        String prefix = area.endsWith("00") ? area.substring(0, 4) : area;
        return filings.queue(sector, prefix, status == null ? OPEN : List.of(status), page);
    }

    private void decide(Filing filing, String comment) {
        filing.decidedAt = Instant.now();
        filing.decidedBy = caller.name();
        filing.decisionComment = comment == null || comment.isBlank() ? null : comment.strip();
    }

    private Filing ownFiling(UUID id) {
        Filing filing = get(id);
        if (!caller.is(Roles.INSTITUTION)) {
            throw ProblemException.forbidden("only the applicant institution may do this");
        }
        return filing;
    }

    private Filing reviewable(UUID id) {
        Filing filing = get(id);
        if (!caller.reviews(filing.sector)) {
            throw ProblemException.forbidden("only the competent department's reviewer may decide this filing");
        }
        return filing;
    }

    private boolean canSee(Filing filing) {
        if (caller.is(Roles.INSTITUTION)) {
            return filing.uscc.equals(caller.uscc());
        }
        if (caller.is(Roles.CIVIL_AFFAIRS_REVIEWER) || caller.is(Roles.HEALTH_REVIEWER)) {
            return caller.reviews(filing.sector) && caller.covers(filing.divisionCode)
                    && filing.status != FilingStatus.DRAFT;
        }
        return (caller.is(Roles.CITY_ADMIN) || caller.is(Roles.AUDITOR)) && caller.covers(filing.divisionCode);
    }

    /** Optimistic locking made explicit: the client says which version it decided on (If-Match). */
    private static void checkVersion(Filing filing, long expected) {
        if (expected >= 0 && filing.version != expected) {
            throw ProblemException.conflict("VERSION_MISMATCH", "记录已被他人修改",
                    "filing is at version " + filing.version + ", not " + expected + "; reload and try again");
        }
    }
}
