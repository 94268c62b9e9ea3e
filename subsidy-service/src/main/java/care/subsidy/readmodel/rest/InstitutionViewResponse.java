package care.subsidy.readmodel.rest;

import care.contracts.event.InstitutionKind;
import care.contracts.event.Ownership;
import care.contracts.event.Sector;
import care.subsidy.readmodel.domain.InstitutionView;

import java.time.LocalDate;
import java.util.UUID;

public record InstitutionViewResponse(UUID institutionId, String uscc, String name, Sector sector,
                                      InstitutionKind kind, Ownership ownership, String cityCode,
                                      String divisionCode, String filingStatus, String filingNumber,
                                      LocalDate filedOn, int totalCapacity, boolean inclusive,
                                      boolean demonstration) {

    static InstitutionViewResponse of(InstitutionView v) {
        return new InstitutionViewResponse(v.institutionId, v.uscc, v.name, v.sector, v.kind, v.ownership,
                v.cityCode, v.divisionCode, v.filingStatus, v.filingNumber, v.filedOn,
                v.totalCapacity, v.inclusive, v.demonstration);
    }
}
