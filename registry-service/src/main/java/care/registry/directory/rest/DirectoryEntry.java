package care.registry.directory.rest;

import care.contracts.division.Divisions;
import care.registry.institution.domain.Institution;
import care.registry.institution.domain.InstitutionFacts;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What the public may know of a filed institution: its public identity (the USCC is public by law), place, kind,
 * capacity and filing; no personal data: no legal representative, contact person or phone.
 */
public record DirectoryEntry(
        UUID id,
        String uscc,
        String name,
        String sector,
        String sectorLabel,
        String kind,
        String kindLabel,
        String ownershipLabel,
        String cityCode,
        String divisionCode,
        String divisionName,
        String address,
        int capacity,
        boolean inclusive,
        boolean demonstration,
        String filingStatus,
        String filingNumber,
        LocalDate filedOn) {

    public static DirectoryEntry of(Institution i) {
        InstitutionFacts f = i.facts;
        return new DirectoryEntry(i.id, i.uscc, f.name, f.sector.name(), f.sector.label, f.kind.name(), f.kind.label,
                f.ownership.label, f.cityCode, f.divisionCode,
                Divisions.find(f.divisionCode).map(Divisions.Division::name).orElse(null), f.address, i.capacity,
                i.inclusive, i.demonstration, i.filingStatus.label, i.filingNumber, i.filedOn);
    }
}
