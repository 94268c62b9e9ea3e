package care.registry.institution.rest;

import care.contracts.division.Divisions;
import care.registry.institution.domain.Institution;
import care.registry.institution.domain.InstitutionFacts;
import care.registry.site.rest.SiteResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The register's full record of an institution, for its own staff and the authorities that oversee it. */
public record InstitutionResponse(
        UUID id,
        String uscc,
        String name,
        String sector,
        String sectorLabel,
        String kind,
        String kindLabel,
        String ownership,
        String ownershipLabel,
        String cityCode,
        String divisionCode,
        String divisionName,
        String address,
        String legalRepresentative,
        String contactPerson,
        String contactPhone,
        String contactEmail,
        int capacity,
        boolean inclusive,
        boolean demonstration,
        String creditLevel,
        String filingStatus,
        String filingStatusLabel,
        String filingNumber,
        LocalDate filedOn,
        LocalDate closedOn,
        List<SiteResponse> sites,
        Instant updatedAt,
        long version) {

    public static InstitutionResponse of(Institution i, List<SiteResponse> sites) {
        InstitutionFacts f = i.facts;
        return new InstitutionResponse(i.id, i.uscc, f.name, f.sector.name(), f.sector.label, f.kind.name(),
                f.kind.label, f.ownership.name(), f.ownership.label, f.cityCode, f.divisionCode,
                Divisions.find(f.divisionCode).map(Divisions.Division::name).orElse(null), f.address,
                f.legalRepresentative, i.contactPerson, i.contactPhone, i.contactEmail, i.capacity, i.inclusive,
                i.demonstration, i.creditLevel, i.filingStatus.name(), i.filingStatus.label, i.filingNumber, i.filedOn,
                i.closedOn, sites, i.updatedAt, i.version);
    }
}
