package care.registry.account.rest;

import care.contracts.division.Divisions;
import care.contracts.event.Sector;
import care.registry.account.domain.Registration;
import care.registry.account.domain.RegistrationStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * A registration as the deciding department sees it: who registered, for which institution, and whether the
 * register (or an account) already knew that USCC — a claim on a known institution is checked with it first.
 */
public record RegistrationResponse(UUID id, String uscc, String institutionName, Sector sector, String divisionCode,
                                   String divisionName, String legalRepresentative, String operatorName,
                                   String mobile, boolean knownInstitution, RegistrationStatus status, String reason,
                                   String decidedBy, Instant decidedAt, Instant createdAt) {

    static RegistrationResponse of(Registration r) {
        return new RegistrationResponse(r.id, r.uscc, r.institutionName, r.sector, r.divisionCode,
                Divisions.find(r.divisionCode).map(Divisions.Division::name).orElse(r.divisionCode),
                r.legalRepresentative, r.account.fullName, r.account.username, r.knownInstitution, r.status,
                r.reason, r.decidedBy, r.decidedAt, r.createdAt);
    }
}
