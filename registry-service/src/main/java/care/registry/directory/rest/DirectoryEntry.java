package care.registry.directory.rest;

import care.contracts.division.Divisions;
import care.registry.institution.domain.Institution;

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

    static DirectoryEntry of(Institution i) {
        return new DirectoryEntry(i.id, i.uscc, i.name, i.sector.name(), i.sector.label, i.kind.name(), i.kind.label,
                i.ownership.label, i.cityCode, i.divisionCode,
                Divisions.find(i.divisionCode).map(Divisions.Division::name).orElse(null), i.address, i.capacity,
                i.inclusive, i.demonstration, i.filingStatus.label, i.filingNumber, i.filedOn);
    }
}
