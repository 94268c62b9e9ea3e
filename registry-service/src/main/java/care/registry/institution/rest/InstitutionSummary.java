package care.registry.institution.rest;

import care.registry.institution.domain.Institution;

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
        return new InstitutionSummary(i.id, i.uscc, i.name, i.sector.name(), i.kind.name(), i.kind.label,
                i.divisionCode, i.capacity, i.inclusive, i.demonstration, i.filingStatus.name(), i.filingStatus.label,
                i.filingNumber, i.filedOn);
    }

    public record Page(List<InstitutionSummary> items, long total, int page, int size) {
    }
}
