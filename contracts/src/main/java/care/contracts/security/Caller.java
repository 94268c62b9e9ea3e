package care.contracts.security;

import care.contracts.event.Sector;
import care.contracts.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Who is calling, and which records they are bound to, from the token's claims:
 * {@code uscc} for an institution, {@code sector} and {@code division_code} for a reviewer,
 * {@code city_code} for a city admin, auditor or finance client.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public String name() {
        String username = token.getClaim("preferred_username");
        return username != null ? username : identity.getPrincipal().getName();
    }

    /**
     * The Keycloak user's id (claim {@code sub}): unlike the username, never given to another person (a refused
     * registration frees its mobile number for someone else).
     */
    public String subject() {
        return claim("sub").orElseThrow(() -> ProblemException.forbidden("token names no subject"));
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** The institution an {@code institution} user acts for; refused if the token carries none. */
    public String uscc() {
        return claim("uscc").orElseThrow(() -> ProblemException.forbidden("token is not bound to an institution"));
    }

    public Optional<Sector> sector() {
        return claim("sector").map(Sector::valueOf);
    }

    /** The county (e.g. 530102) or city (530100) a reviewer is responsible for. */
    public Optional<String> divisionCode() {
        return claim("division_code");
    }

    /** The city an admin, auditor or finance client is bound to. */
    public Optional<String> cityCode() {
        return claim("city_code");
    }

    /** The reviewer's sector matches: 民政 reviews 养老, 卫健 reviews 托育. */
    public boolean reviews(Sector sector) {
        return is(sector.reviewerRole) && sector().map(s -> s == sector).orElse(false);
    }

    /**
     * Whether a division code falls in the caller's area: a county-level binding covers that county,
     * a city-level binding (…00) or a {@code city_code} claim covers every county of the city.
     */
    public boolean covers(String divisionCode) {
        if (divisionCode == null) {
            return false;
        }
        Optional<String> area = divisionCode().or(this::cityCode);
        return area.map(a -> a.endsWith("00") ? divisionCode.startsWith(a.substring(0, 4)) : a.equals(divisionCode))
                .orElse(false);
    }

    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString());
    }
}
