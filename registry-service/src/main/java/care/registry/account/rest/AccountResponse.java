package care.registry.account.rest;

import care.contracts.division.Divisions;
import care.contracts.event.Sector;
import care.registry.account.domain.Account;
import care.registry.account.domain.AccountStatus;

import java.time.Instant;
import java.util.UUID;

/** An account as its manager sees it; {@code initialPassword} only in the answer that made or reset it. */
public record AccountResponse(UUID id, String username, String fullName, String role, Sector sector,
                              String divisionCode, String divisionName, String cityCode, String uscc,
                              boolean administrator, AccountStatus status, Instant createdAt, String createdBy,
                              String initialPassword) {

    static AccountResponse of(Account a) {
        return of(a, null);
    }

    static AccountResponse of(Account a, String initialPassword) {
        String division = a.divisionCode == null ? a.cityCode : a.divisionCode;
        return new AccountResponse(a.id, a.username, a.fullName, a.role, a.sector, a.divisionCode,
                Divisions.find(division).map(Divisions.Division::name).orElse(division), a.cityCode, a.uscc,
                a.administrator, a.status, a.createdAt, a.createdBy, initialPassword);
    }
}
