package care.subsidy;

import care.contracts.problem.ProblemException;
import care.contracts.security.Caller;
import care.contracts.security.Roles;
import jakarta.enterprise.context.RequestScoped;

/** The object-level checks every resource of this service applies, from the caller's token. */
@RequestScoped
public class Access {

    private final Caller caller;

    public Access(Caller caller) {
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }

    /** The city the caller works for (city_code claim, or the city of its division). */
    public String city() {
        return caller.cityCode()
                .or(() -> caller.divisionCode().map(d -> d.substring(0, 4) + "00"))
                .orElseThrow(() -> ProblemException.forbidden("token is not bound to a city"));
    }

    /** Records of another city are invisible: a 404, as if they did not exist. */
    public void visible(String cityCode, String what, Object id) {
        if (cityCode == null || !cityCode.equals(city())) {
            throw ProblemException.notFound(what, id);
        }
    }

    /** A civil-affairs reviewer bound to the whole city (division …00) or the city admin approves city batches. */
    public boolean cityLevelApprover() {
        if (caller.is(Roles.CITY_ADMIN)) {
            return true;
        }
        return caller.is(Roles.CIVIL_AFFAIRS_REVIEWER)
                && caller.divisionCode().map(d -> d.endsWith("00")).orElse(false);
    }

    public String who() {
        return caller.name();
    }
}
