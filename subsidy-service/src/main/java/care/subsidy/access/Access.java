package care.subsidy.access;

import care.contracts.event.Sector;
import care.contracts.problem.ProblemException;
import care.contracts.security.Caller;
import care.contracts.security.Roles;
import jakarta.enterprise.context.RequestScoped;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The object-level checks every resource of this service applies, from the caller's token. */
@RequestScoped
public class Access {

    private final Caller caller;
    private Scope scope;

    public Access(Caller caller) {
        this.caller = caller;
    }

    /**
     * What the caller may read, in one place: the city admin and the auditor read their whole city; the finance
     * bureau its city's released batches; a reviewer their county (or city, if bound to it) and only the programmes
     * of their own department — 民政 养老, 卫健 托育.
     */
    public Scope scope() {
        if (scope == null) {
            scope = decideScope();
        }
        return scope;
    }

    private Scope decideScope() {
        String city = city();
        if (caller.is(Roles.CITY_ADMIN) || caller.is(Roles.AUDITOR)) {
            return new Scope(city, null, EnumSet.allOf(Sector.class), false);
        }
        if (caller.is(Roles.FINANCE)) {
            return new Scope(city, null, EnumSet.allOf(Sector.class), true);
        }
        Set<Sector> sectors = Arrays.stream(Sector.values()).filter(caller::reviews)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Sector.class)));
        String division = caller.divisionCode()
                .orElseThrow(() -> ProblemException.forbidden("token is not bound to a division"));
        if (sectors.isEmpty() || !division.startsWith(city.substring(0, 4))) {
            throw ProblemException.forbidden("token is not bound to a sector and division of the city");
        }
        return new Scope(city, division.endsWith("00") ? null : division, sectors, false);
    }

    public Caller caller() {
        return caller;
    }

    /** The city the caller works for (city_code claim, or the city of its division). */
    private String city() {
        return caller.cityCode()
                .or(() -> caller.divisionCode().map(d -> d.substring(0, 4) + "00"))
                .orElseThrow(() -> ProblemException.forbidden("token is not bound to a city"));
    }

    /**
     * Who generates and reviews a programme's city-wide batches: the city admin, or a reviewer of the programme's
     * department bound to the whole city (division …00).
     */
    public boolean cityLevelReviewerOf(Sector sector) {
        if (caller.is(Roles.CITY_ADMIN)) {
            return true;
        }
        return caller.reviews(sector) && caller.divisionCode().map(d -> d.endsWith("00")).orElse(false);
    }

    public String who() {
        return caller.name();
    }
}
