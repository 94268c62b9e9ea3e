package care.subsidy.programme.rest;

import care.contracts.event.Sector;
import care.subsidy.programme.domain.Programme;
import care.subsidy.programme.domain.ProgrammeKind;
import care.subsidy.programme.domain.ProgrammeVersion;

import java.util.List;

public record ProgrammeResponse(String code, String cityCode, ProgrammeKind kind, Sector sector, String name,
                                String source, List<ProgrammeVersion> versions) {

    static ProgrammeResponse of(Programme p, List<ProgrammeVersion> versions) {
        return new ProgrammeResponse(p.code, p.cityCode, p.kind, p.sector, p.name, p.source, versions);
    }
}
