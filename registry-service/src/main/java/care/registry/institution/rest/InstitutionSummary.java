package care.registry.institution.rest;

import care.registry.institution.domain.Institution;
import care.registry.institution.domain.InstitutionFacts;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record InstitutionSummary(
        UUID id,
        String uscc,
        String name,
        String sector,
        String kind,
        String kindLabel,
        String divisionCode,
        int capacity,
        boolean inclusive,
        boolean demonstration,
        String filingStatus,
        String filingStatusLabel,
        String filingNumber,
        LocalDate filedOn) {

    public static InstitutionSummary of(Institution i) {
        InstitutionFacts f = i.facts;
        return new InstitutionSummary(i.id, i.uscc, f.name, f.sector.name(), f.kind.name(), f.kind.label,
                f.divisionCode, i.capacity, i.inclusive, i.demonstration, i.filingStatus.name(), i.filingStatus.label,
                i.filingNumber, i.filedOn);
    }

    public record Page(List<InstitutionSummary> items, long total, int page, int size) {
    }
}
