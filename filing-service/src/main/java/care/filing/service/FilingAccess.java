package care.filing.service;

import care.contracts.problem.ProblemException;
import care.contracts.security.Caller;
import care.contracts.security.Roles;
import care.filing.domain.Filing;
import care.filing.domain.FilingRepository;
import care.filing.domain.FilingStatus;
import jakarta.enterprise.context.RequestScoped;

import java.util.UUID;

/**
 * Object-level access to filings. An institution sees its own filings; a reviewer the filings of their sector
 * in the counties they cover, once submitted; a city admin or auditor their city (read only). A filing the caller
 * may not see is answered as not found, so ids reveal nothing; a visible one the caller may not change is a 403.
 */
@RequestScoped
public class FilingAccess {

    private final FilingRepository filings;
    private final Caller caller;

    public FilingAccess(FilingRepository filings, Caller caller) {
        this.filings = filings;
        this.caller = caller;
    }

    public Filing visible(UUID id) {
        return check(filings.findById(id), id);
    }

    /** Visible and locked for the rest of the transaction: the way in for every change. */
    public Filing locked(UUID id) {
        return check(filings.lock(id).orElse(null), id);
    }

    public Filing asApplicant(Filing filing) {
        if (!isApplicant(filing)) {
            throw ProblemException.forbidden("only the applicant institution may do this");
        }
        return filing;
    }

    public Filing asReviewer(Filing filing) {
        if (!isReviewer(filing)) {
            throw ProblemException.forbidden("only the competent department's reviewer may decide this filing");
        }
        return filing;
    }

    /** Materials are for the applicant, the competent reviewer and the city's admins: not for auditors. */
    public Filing mayDownload(Filing filing) {
        if (!isApplicant(filing) && !isReviewer(filing)
                && !(caller.is(Roles.CITY_ADMIN) && caller.covers(filing.divisionCode))) {
            throw ProblemException.forbidden("materials are for the applicant and the competent reviewer only");
        }
        return filing;
    }

    public boolean isApplicant(Filing filing) {
        return caller.is(Roles.INSTITUTION) && filing.uscc.equals(caller.uscc());
    }

    public boolean isReviewer(Filing filing) {
        return caller.reviews(filing.sector) && caller.covers(filing.divisionCode);
    }

    private Filing check(Filing filing, UUID id) {
        if (filing == null || !canSee(filing)) {
            throw ProblemException.notFound("filing", id);
        }
        return filing;
    }

    private boolean canSee(Filing filing) {
        if (caller.is(Roles.INSTITUTION)) {
            return filing.uscc.equals(caller.uscc());
        }
        if (caller.is(Roles.CIVIL_AFFAIRS_REVIEWER) || caller.is(Roles.HEALTH_REVIEWER)) {
            return isReviewer(filing) && filing.status != FilingStatus.DRAFT && filing.firstSubmittedAt != null;
        }
        return (caller.is(Roles.CITY_ADMIN) || caller.is(Roles.AUDITOR)) && caller.covers(filing.divisionCode)
                && filing.firstSubmittedAt != null;
    }
}
