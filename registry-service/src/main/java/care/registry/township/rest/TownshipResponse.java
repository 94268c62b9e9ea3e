package care.registry.township.rest;

import care.contracts.division.Divisions;
import care.registry.township.domain.Township;

import java.time.Instant;
import java.time.LocalDate;

/** A township of a county's list, in force or retired, with who entered and last changed it. */
public record TownshipResponse(String code, String name, String countyCode, String countyName, boolean inForce,
                               LocalDate validFrom, LocalDate validUntil, String enteredBy, Instant enteredAt,
                               String changedBy, Instant changedAt) {

    public static TownshipResponse of(Township t) {
        return new TownshipResponse(t.code, t.name, t.countyCode,
                Divisions.find(t.countyCode).map(Divisions.Division::name).orElse(null), t.inForce(), t.validFrom,
                t.validUntil, t.enteredBy, t.enteredAt, t.changedBy, t.changedAt);
    }
}
