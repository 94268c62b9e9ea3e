package care.filing.access;

import care.contracts.event.Sector;
import care.contracts.problem.ProblemException;
import care.contracts.security.Caller;
import care.contracts.security.Roles;
import care.filing.filing.domain.Filing;
import care.filing.filing.domain.FilingRepository;
import care.filing.filing.domain.FilingType;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Object-level access to filings, the one place it is decided. An institution sees its own filings; a self-registered
 * account not yet confirmed (role registrant, see registry-service's Accounts) only the NEW filing it made itself for
 * the USCC, sector and county it registered: the platform has not yet checked that it speaks for that institution, so
 * it reads nothing else filed under the USCC, not even the institution's own earlier filings; a reviewer the
 * filings of their sector in the counties they cover, once submitted; a city admin or auditor their city, once
 * submitted (read only). A draft that was never submitted (even once withdrawn) is the applicant's alone; a filing
 * withdrawn after submission stays part of the record. A filing the caller may not see is answered as not found, so
 * ids reveal nothing; a visible one the caller may not change is a 403. Single reads go through {@link #visible} or
 * {@link #locked}; lists and figures through {@link #listScope} and {@link #cityScope}, which say the same as terms
 * of a query.
 */
@RequestScoped
public class Access {

    private static final Pattern DIVISION = Pattern.compile("\\d{6}");

    private final FilingRepository filings;
    private final Caller caller;

    public Access(FilingRepository filings, Caller caller) {
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

    /**
     * Whether the caller may file this (start a draft, or edit one into it): an institution for its own USCC; a
     * registrant only the NEW filing of the USCC, sector and county it registered (a sector or county not yet given is
     * left to the form's checks). Refused with 403.
     */
    public void mayFile(FilingType type, String uscc, Sector sector, String divisionCode) {
        if (caller.is(Roles.INSTITUTION)) {
            if (!uscc.equals(caller.uscc())) {
                throw ProblemException.forbidden("you may only file for the institution your account is bound to");
            }
            return;
        }
        boolean registered = caller.is(Roles.REGISTRANT) && type == FilingType.NEW && uscc.equals(caller.uscc())
                && (sector == null || caller.sector().filter(sector::equals).isPresent())
                && (divisionCode == null || caller.divisionCode().filter(divisionCode::equals).isPresent());
        if (!registered) {
            throw ProblemException.forbidden("an account waiting for confirmation files only the NEW filing of the "
                    + "institution it registered, in the sector and county it registered");
        }
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
        if (!isApplicant(filing) && !isReviewer(filing) && !(caller.is(Roles.CITY_ADMIN) && inArea(filing))) {
            throw ProblemException.forbidden("materials are for the applicant and the competent reviewer only");
        }
        return filing;
    }

    public boolean isApplicant(Filing filing) {
        if (caller.is(Roles.INSTITUTION)) {
            return filing.uscc.equals(caller.uscc());
        }
        return registrantsOwn(filing);
    }

    /** A registrant's own NEW filing: of the USCC it registered and made by this very account. */
    private boolean registrantsOwn(Filing filing) {
        return caller.is(Roles.REGISTRANT) && filing.type == FilingType.NEW && filing.uscc.equals(caller.uscc())
                && caller.subject().equals(filing.applicantId);
    }

    public boolean isReviewer(Filing filing) {
        return caller.reviews(filing.institution.sector()) && inArea(filing);
    }

    /**
     * What the caller's lists may contain: the same rule as {@link #visible}, as query terms. 403 for a caller who
     * has no filings to list (no role for it, or a token without its binding).
     */
    public FilingScope listScope() {
        if (caller.is(Roles.INSTITUTION)) {
            return new FilingScope(caller.uscc(), null, null, null);
        }
        if (caller.is(Roles.REGISTRANT)) {
            return new FilingScope(caller.uscc(), caller.subject(), null, null);
        }
        if (isReviewerRole()) {
            Sector sector = caller.sector().filter(caller::reviews).orElseThrow(() ->
                    ProblemException.forbidden("the reviewer's token names no sector of their role"));
            return new FilingScope(null, null, sector, prefix());
        }
        if (caller.is(Roles.CITY_ADMIN) || caller.is(Roles.AUDITOR)) {
            return new FilingScope(null, null, null, prefix());
        }
        throw ProblemException.forbidden("only institutions, registrants, reviewers, city admins and auditors have "
                + "filing lists");
    }

    /**
     * The queue whose waiting filings a reviewer, city admin or auditor counts (待办): exactly what {@link #listScope}
     * gives them. An institution's or registrant's own filings are no queue (403).
     */
    public FilingScope queueScope() {
        FilingScope scope = listScope();
        if (scope.ownFilings()) {
            throw ProblemException.forbidden("waiting counts are for reviewers, city admins and auditors");
        }
        return scope;
    }

    /** The filings a city admin's or auditor's figures draw on: their city, both sectors, submitted ones. */
    public FilingScope cityScope() {
        if (!(caller.is(Roles.CITY_ADMIN) || caller.is(Roles.AUDITOR))) {
            throw ProblemException.forbidden("time-to-decision figures are for city admins and auditors");
        }
        return new FilingScope(null, null, null, prefix());
    }

    /** Submitted at least once: only then is a filing anyone's business but the applicant's. */
    public static boolean everSubmitted(Filing filing) {
        return filing.firstSubmittedAt != null;
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
        if (caller.is(Roles.REGISTRANT)) {
            return registrantsOwn(filing);
        }
        if (isReviewerRole()) {
            return isReviewer(filing) && everSubmitted(filing);
        }
        return (caller.is(Roles.CITY_ADMIN) || caller.is(Roles.AUDITOR)) && inArea(filing) && everSubmitted(filing);
    }

    private boolean isReviewerRole() {
        return caller.is(Roles.CIVIL_AFFAIRS_REVIEWER) || caller.is(Roles.HEALTH_REVIEWER);
    }

    private boolean inArea(Filing filing) {
        String county = filing.institution.divisionCode();
        return area().map(a -> county != null && county.startsWith(prefixOf(a))).orElse(false);
    }

    /**
     * The caller's area, as {@link Caller#covers} reads it: the reviewer's county or city ({@code division_code}),
     * else the admin's or auditor's {@code city_code}; only a six-digit code counts, as it becomes a LIKE prefix.
     */
    private Optional<String> area() {
        return caller.divisionCode().or(caller::cityCode).filter(a -> DIVISION.matcher(a).matches());
    }

    private String prefix() {
        return prefixOf(area().orElseThrow(() -> ProblemException.forbidden("token is not bound to a county or city")));
    }

    /** A city-level code (…00) covers every county of the city: its first four digits. */
    private static String prefixOf(String area) {
        return area.endsWith("00") ? area.substring(0, 4) : area;
    }
}
