package care.registry.access;

import care.contracts.division.Divisions;
import care.contracts.event.Sector;
import care.contracts.problem.Problem;
import care.contracts.problem.ProblemException;
import care.contracts.security.Caller;
import care.contracts.security.Roles;
import care.registry.account.domain.Account;
import care.registry.account.domain.AccountKind;
import care.registry.account.domain.AccountRepository;
import care.registry.account.domain.AccountStatus;
import care.registry.account.domain.Registration;
import care.registry.institution.domain.FilingStatus;
import care.registry.institution.domain.Institution;
import care.registry.institution.domain.InstitutionRepository;
import care.registry.institution.domain.InstitutionScope;
import care.registry.message.domain.Message;
import care.registry.message.domain.MessageRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.RequestScoped;

import java.util.Collection;
import java.util.UUID;

/**
 * Object-level access to the register, decided here and nowhere else in the service. Who sees an institution: the
 * institution itself (token uscc), a reviewer of its sector whose division covers it, a city admin or auditor of its
 * city. What one may not see is a 404; what one sees but may not change is a 403.
 */
@RequestScoped
public class Access {

    private final Caller caller;
    private final InstitutionRepository institutions;
    private final AccountRepository accounts;
    private final MessageRepository messages;

    public Access(Caller caller, InstitutionRepository institutions, AccountRepository accounts,
                  MessageRepository messages) {
        this.caller = caller;
        this.institutions = institutions;
        this.accounts = accounts;
        this.messages = messages;
    }

    public Caller caller() {
        return caller;
    }

    public boolean canSee(Institution institution) {
        if (caller.is(Roles.INSTITUTION)) {
            return institution.uscc.equals(caller.uscc());
        }
        if (caller.is(Roles.CITY_ADMIN) || caller.is(Roles.AUDITOR)) {
            return caller.cityCode().map(institution.facts.cityCode::equals).orElse(false);
        }
        return isCompetentReviewer(institution);
    }

    public boolean isCompetentReviewer(Institution institution) {
        return reviewerOf(institution.facts.sector, institution.facts.divisionCode);
    }

    /**
     * A reviewer of the sector whose division_code covers the county. Only division_code binds a reviewer (as in
     * {@link #scope}): Caller.covers would fall back to a city_code claim and widen a county reviewer to the city.
     */
    private boolean reviewerOf(Sector sector, String divisionCode) {
        return caller.divisionCode().isPresent() && caller.reviews(sector) && caller.covers(divisionCode);
    }

    /** The institution if the caller may see it; otherwise 404, as if it did not exist. */
    public Institution readable(UUID id) {
        Institution institution = institutions.findById(id);
        if (institution == null || !canSee(institution)) {
            throw ProblemException.notFound("institution", id);
        }
        return institution;
    }

    /**
     * Operational facts (sites' capacity, contacts, roster) are kept by the institution itself only, and only while
     * it is filed: once 已注销 (CLOSE approved) its accounts still read their history, but change nothing.
     */
    public Institution keptByCaller(UUID id) {
        Institution institution = readable(id);
        if (!caller.is(Roles.INSTITUTION)) {
            throw ProblemException.forbidden("only the institution itself keeps its sites, contacts and roster");
        }
        if (institution.filingStatus == FilingStatus.CLOSED) {
            throw new ProblemException(Problem.of(403, "INSTITUTION_CLOSED", "机构已注销，只能查阅历史记录",
                    "institution " + institution.id + " is deregistered; its records are read-only"));
        }
        return institution;
    }

    /** Supervision and designations: the city admin of its city or the competent reviewer (sector and county). */
    public Institution supervisedByCaller(UUID id) {
        Institution institution = readable(id);
        refuseInstitutionHolder("supervision and designations");
        boolean cityAdmin = caller.is(Roles.CITY_ADMIN)
                && caller.cityCode().map(institution.facts.cityCode::equals).orElse(false);
        if (!cityAdmin && !isCompetentReviewer(institution)) {
            throw ProblemException.forbidden("only the city admin or the competent department records supervision");
        }
        return institution;
    }

    /** A JPQL condition (on alias-free Institution fields) limiting a list to what the caller may see. */
    public InstitutionScope scope() {
        return scope("");
    }

    /** The same condition on the Institution fields of a JPQL alias ({@code "i."}). */
    public InstitutionScope scope(String alias) {
        if (caller.is(Roles.INSTITUTION)) {
            return new InstitutionScope(alias + "uscc = :scopeUscc", Parameters.with("scopeUscc", caller.uscc()));
        }
        if (caller.is(Roles.CITY_ADMIN) || caller.is(Roles.AUDITOR)) {
            return caller.cityCode().map(city -> new InstitutionScope(alias + "facts.cityCode = :scopeCity",
                    Parameters.with("scopeCity", city))).orElse(InstitutionScope.NOTHING);
        }
        var sector = caller.sector().filter(caller::reviews);
        var area = caller.divisionCode();
        if (sector.isEmpty() || area.isEmpty()) {
            return InstitutionScope.NOTHING;
        }
        String code = area.get();
        String place = alias + (code.endsWith("00") ? "facts.cityCode" : "facts.divisionCode") + " = :scopeArea";
        return new InstitutionScope(alias + "facts.sector = :scopeSector and " + place,
                Parameters.with("scopeSector", sector.get()).and("scopeArea", code));
    }

    // --- the audit trail ---

    /** The city whose audit trail the caller reads: a city admin's or auditor's, never an institution's. */
    public String auditCity() {
        refuseInstitutionHolder("the audit trail");
        if (!caller.is(Roles.CITY_ADMIN) && !caller.is(Roles.AUDITOR)) {
            throw ProblemException.forbidden("only the city admin and the auditor read the audit trail");
        }
        return caller.cityCode().orElseThrow(() -> ProblemException.forbidden("token is not bound to a city"));
    }

    // --- indicators (指标监测) ---

    /**
     * The part of the register whose indicators the caller reads: a city admin or auditor their city, both sectors;
     * a reviewer their sector in their county (or their city, for a city-level code). The institutions are those of
     * {@link #scope(String)}; this names the city, the one county (or null) and the one sector (or null).
     */
    public IndicatorArea indicatorArea() {
        refuseInstitutionHolder("the indicators");
        if (caller.is(Roles.CITY_ADMIN) || caller.is(Roles.AUDITOR)) {
            return new IndicatorArea(caller.cityCode()
                    .orElseThrow(() -> ProblemException.forbidden("token is not bound to a city")), null, null);
        }
        var sector = caller.sector().filter(caller::reviews);
        var area = caller.divisionCode();
        if (sector.isEmpty() || area.isEmpty()) {
            throw ProblemException.forbidden("only city admins, auditors and reviewers read the indicators");
        }
        String code = area.get();
        String city = code.substring(0, 4) + "00";
        return new IndicatorArea(city, code.equals(city) ? null : code, sector.get());
    }

    /** Populations and targets are changed by the city admin of the city only. */
    public String indicatorAdminCity() {
        refuseInstitutionHolder("the indicators");
        if (!caller.is(Roles.CITY_ADMIN)) {
            throw ProblemException.forbidden("only the city admin enters populations and targets");
        }
        return caller.cityCode().orElseThrow(() -> ProblemException.forbidden("token is not bound to a city"));
    }

    /** A city, and within it one county and one sector or all (null). */
    public record IndicatorArea(String cityCode, String countyCode, Sector sector) {
    }

    // --- roster disputes ---

    /**
     * Disputes the caller may list: those with a claim of an institution the caller sees as a reviewer (sector and
     * county or city), city admin or auditor. An institution is told about its own entries only, on its roster.
     */
    public InstitutionScope disputeScope(String alias) {
        refuseInstitutionHolder("roster disputes");
        return scope(alias);
    }

    /** A dispute is shown when one of its claims is of an institution the caller sees; otherwise 404. */
    public void readableDispute(UUID disputeId, Collection<Institution> involved) {
        refuseInstitutionHolder("roster disputes");
        if (involved.stream().noneMatch(this::canSee)) {
            throw ProblemException.notFound("staff dispute", disputeId);
        }
    }

    /**
     * Decided by the competent reviewer (sector, and the county or its city) of the institution whose claim opened
     * it; the other counties' reviewers, the city admin and the auditor only read it (403).
     */
    public boolean canDecide(Sector sector, String divisionCode) {
        return !caller.is(Roles.INSTITUTION) && reviewerOf(sector, divisionCode);
    }

    /**
     * A token with the institution role acts only as that institution, whatever other role it also holds: an
     * institution's clerk never supervises, reads the audit trail or decides a roster dispute, its own included.
     */
    private void refuseInstitutionHolder(String what) {
        if (caller.is(Roles.INSTITUTION)) {
            throw ProblemException.forbidden("an institution's account has no part in " + what);
        }
    }

    // --- accounts: registrations, an institution's operators, a city's staff ---

    /**
     * Registrations the caller may list: the competent reviewer's (sector, and county or city), the city admin's and
     * auditor's of their city. An institution's token, or none of these roles, is refused (403).
     */
    public InstitutionScope registrationScope() {
        refuseInstitutionHolder("registrations of other institutions");
        if (caller.is(Roles.CITY_ADMIN) || caller.is(Roles.AUDITOR)) {
            return caller.cityCode().map(city -> new InstitutionScope("cityCode = :scopeCity",
                    Parameters.with("scopeCity", city))).orElse(InstitutionScope.NOTHING);
        }
        var sector = caller.sector().filter(caller::reviews);
        var area = caller.divisionCode();
        if (sector.isEmpty() || area.isEmpty()) {
            throw ProblemException.forbidden("only the competent department, the city admin and the auditor see "
                    + "registrations");
        }
        String code = area.get();
        String place = code.endsWith("00") ? "cityCode" : "divisionCode";
        return new InstitutionScope("sector = :scopeSector and " + place + " = :scopeArea",
                Parameters.with("scopeSector", sector.get()).and("scopeArea", code));
    }

    /**
     * A registration is confirmed or refused by the competent department of its sector and county (or city), or by
     * the administrator of the institution it names; anyone else who may see it gets 403, the rest 404.
     */
    public Registration decidedByCaller(Registration registration) {
        if (caller.is(Roles.INSTITUTION)) {
            boolean administrator = administrator().filter(a -> a.uscc.equals(registration.uscc)).isPresent();
            if (!administrator) {
                throw ProblemException.notFound("registration", registration.id);
            }
            return registration;
        }
        if (reviewerOf(registration.sector, registration.divisionCode)) {
            return registration;
        }
        boolean sees = (caller.is(Roles.CITY_ADMIN) || caller.is(Roles.AUDITOR)
                || caller.is(Roles.CIVIL_AFFAIRS_REVIEWER) || caller.is(Roles.HEALTH_REVIEWER))
                && caller.covers(registration.divisionCode);
        if (!sees) {
            throw ProblemException.notFound("registration", registration.id);
        }
        throw ProblemException.forbidden("only the competent department of the institution's county decides it");
    }

    /** The caller's own account if it is an institution's administrator; otherwise 403. */
    public Account administeringCaller() {
        return administrator().orElseThrow(() -> ProblemException.forbidden(
                "only the institution's administrator (its first confirmed account) manages its operators"));
    }

    private java.util.Optional<Account> administrator() {
        if (!caller.is(Roles.INSTITUTION)) {
            return java.util.Optional.empty();
        }
        return accounts.liveByUsername(caller.name())
                .filter(a -> a.administrator && a.status == AccountStatus.ACTIVE && a.uscc.equals(caller.uscc()));
    }

    /**
     * One of the administrator's institution's operators that signs in or may again; another institution's, a removed
     * one, or one whose registration waits (decided through the registration, confirm or refuse) is 404.
     */
    public Account operatorOfCaller(UUID accountId) {
        Account administrator = administeringCaller();
        Account account = accounts.findById(accountId);
        if (account == null || account.kind != AccountKind.INSTITUTION || !administrator.uscc.equals(account.uscc)
                || !(account.status == AccountStatus.ACTIVE || account.status == AccountStatus.DISABLED)) {
            throw ProblemException.notFound("account", accountId);
        }
        return account;
    }

    /**
     * The city whose staff accounts the caller manages: a city admin's own, never another (there is no claim to
     * widen it). Institutions, reviewers and auditors manage none (403).
     */
    public String staffCity() {
        refuseInstitutionHolder("staff accounts");
        if (!caller.is(Roles.CITY_ADMIN)) {
            throw ProblemException.forbidden("only a city admin manages staff accounts");
        }
        return caller.cityCode().orElseThrow(() -> ProblemException.forbidden("token is not bound to a city"));
    }

    /** A staff account of the caller's city; any other account (another city's, an institution's) is 404. */
    public Account staffOfCaller(UUID accountId) {
        String city = staffCity();
        Account account = accounts.findById(accountId);
        if (account == null || account.kind != AccountKind.STAFF || !city.equals(account.cityCode)) {
            throw ProblemException.notFound("account", accountId);
        }
        return account;
    }

    // --- townships (乡镇/街道) ---

    /**
     * A county's township list is read by whoever keeps or looks after a site: an institution (its capacity form
     * offers the list), a reviewer, the city admin, the auditor. Township names are no secret: any county's list.
     */
    public void readsTownships() {
        boolean reads = caller.is(Roles.INSTITUTION) || caller.is(Roles.CITY_ADMIN) || caller.is(Roles.AUDITOR)
                || caller.is(Roles.CIVIL_AFFAIRS_REVIEWER) || caller.is(Roles.HEALTH_REVIEWER);
        if (!reads) {
            throw ProblemException.forbidden("the township lists are read by institutions and the departments");
        }
    }

    /**
     * The city whose township lists the caller keeps: a city admin's own (the city enters its townships; there is
     * no official list in the platform). Anyone else is 403.
     */
    public String townshipCity() {
        refuseInstitutionHolder("the township lists");
        if (!caller.is(Roles.CITY_ADMIN)) {
            throw ProblemException.forbidden("only the city admin keeps the township lists");
        }
        return caller.cityCode().orElseThrow(() -> ProblemException.forbidden("token is not bound to a city"));
    }

    /** A county of another city than the admin's is kept by that city's admin (403). */
    public void keepsTownshipsOf(String countyCode) {
        String city = townshipCity();
        if (!Divisions.cityOf(countyCode).map(city::equals).orElse(false)) {
            throw ProblemException.forbidden("county " + countyCode + " is not of the city " + city);
        }
    }

    // --- messages (消息中心) ---

    /**
     * The messages the caller reads, as a condition on Message fields: an institution's accounts those of their
     * institution (token uscc); a registrant not yet confirmed only those addressed to its own account, as it sees
     * only its own NEW filing (filing-service's Access). Everyone else has no messages here (403).
     */
    public InstitutionScope messageScope() {
        if (caller.is(Roles.INSTITUTION) && caller.uscc() != null) {
            return new InstitutionScope("uscc = :scopeUscc", Parameters.with("scopeUscc", caller.uscc()));
        }
        if (caller.is(Roles.REGISTRANT) && caller.uscc() != null) {
            return new InstitutionScope("uscc = :scopeUscc and recipientId = :scopeRecipient",
                    Parameters.with("scopeUscc", caller.uscc()).and("scopeRecipient", caller.subject()));
        }
        throw ProblemException.forbidden("messages are for an institution's accounts");
    }

    /** One message the caller reads ({@link #messageScope}); any other is 404. */
    public Message readableMessage(UUID id) {
        messageScope();
        Message message = messages.findById(id);
        boolean own = message != null && message.uscc.equals(caller.uscc()) && (caller.is(Roles.INSTITUTION)
                || caller.subject().equals(message.recipientId));
        if (!own) {
            throw ProblemException.notFound("message", id);
        }
        return message;
    }
}
