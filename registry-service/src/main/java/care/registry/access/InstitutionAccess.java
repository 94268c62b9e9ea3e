package care.registry.access;

import care.contracts.problem.ProblemException;
import care.contracts.security.Caller;
import care.contracts.security.Roles;
import care.registry.institution.domain.Institution;
import care.registry.institution.domain.InstitutionRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.RequestScoped;

import java.util.UUID;

/**
 * Object-level access to the register. Who sees an institution: the institution itself (token uscc), a reviewer of
 * its sector whose division covers it, a city admin or auditor of its city. What one may not see is a 404; what one
 * sees but may not change is a 403.
 */
@RequestScoped
public class InstitutionAccess {

    private final Caller caller;
    private final InstitutionRepository institutions;

    public InstitutionAccess(Caller caller, InstitutionRepository institutions) {
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
            return caller.cityCode().map(institution.cityCode::equals).orElse(false);
        }
        return isCompetentReviewer(institution);
    }

    public boolean isCompetentReviewer(Institution institution) {
        return caller.reviews(institution.sector) && caller.covers(institution.divisionCode);
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
        boolean cityAdmin = caller.is(Roles.CITY_ADMIN) && caller.cityCode().map(institution.cityCode::equals).orElse(false);
        if (!cityAdmin && !isCompetentReviewer(institution)) {
            throw ProblemException.forbidden("only the city admin or the competent department records supervision");
        }
        return institution;
    }

    /** A JPQL condition (on alias-free Institution fields) limiting a list to what the caller may see. */
    public Scope scope() {
        if (caller.is(Roles.INSTITUTION)) {
            return new Scope("uscc = :scopeUscc", Parameters.with("scopeUscc", caller.uscc()));
        }
        if (caller.is(Roles.CITY_ADMIN) || caller.is(Roles.AUDITOR)) {
            return caller.cityCode().map(city -> new Scope("cityCode = :scopeCity", Parameters.with("scopeCity", city)))
                    .orElse(Scope.NOTHING);
        }
        var sector = caller.sector().filter(caller::reviews);
        var area = caller.divisionCode();
        if (sector.isEmpty() || area.isEmpty()) {
            return Scope.NOTHING;
        }
        String code = area.get();
        String place = code.endsWith("00") ? "cityCode = :scopeArea" : "divisionCode = :scopeArea";
        return new Scope("sector = :scopeSector and " + place,
                Parameters.with("scopeSector", sector.get()).and("scopeArea", code));
    }

    public record Scope(String condition, Parameters parameters) {
        static final Scope NOTHING = new Scope("1 = 0", new Parameters());
    }
}
