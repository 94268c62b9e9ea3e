package care.registry.directory.rest;

import care.contracts.division.Divisions;
import care.registry.institution.domain.Institution;

import java.time.LocalDate;
import java.util.UUID;

/** What the public may know of a filed institution: no personal data, no contact person. */
public record DirectoryEntry(
        UUID id,
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
        String filingStatus,
        String filingNumber,
        LocalDate filedOn) {

    static DirectoryEntry of(Institution i) {
        return new DirectoryEntry(i.id, i.name, i.sector.name(), i.sector.label, i.kind.name(), i.kind.label,
                i.ownership.label, i.cityCode, i.divisionCode,
                Divisions.find(i.divisionCode).map(Divisions.Division::name).orElse(null), i.address, i.capacity,
                "已备案", i.filingNumber, i.filedOn);
    }
}
