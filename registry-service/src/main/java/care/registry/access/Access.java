package care.registry.access;

import care.contracts.event.Sector;
import care.contracts.problem.ProblemException;
import care.contracts.security.Caller;
import care.contracts.security.Roles;
import care.registry.institution.domain.Institution;
import care.registry.institution.domain.InstitutionRepository;
import care.registry.institution.domain.InstitutionScope;
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

    public Access(Caller caller, InstitutionRepository institutions) {
        this.caller = caller;
        this.institutions = institutions;
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

    /** Operational facts (sites' capacity, contacts, roster) are kept by the institution itself only. */
    public Institution keptByCaller(UUID id) {
        Institution institution = readable(id);
        if (!caller.is(Roles.INSTITUTION)) {
            throw ProblemException.forbidden("only the institution itself keeps its sites, contacts and roster");
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
}
