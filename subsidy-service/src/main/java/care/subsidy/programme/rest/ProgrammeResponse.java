package care.subsidy.programme.rest;

import care.contracts.event.Sector;
import care.subsidy.programme.domain.Calculation;
import care.subsidy.programme.domain.Programme;
import care.subsidy.programme.domain.ProgrammeVersion;

import java.time.LocalDate;
import java.util.List;

/**
 * A programme with every version.
 *
 * @param inForce whether a version is in force on {@code today} (China time): the programme is 现行, else 已到期 (or
 *                not yet started)
 */
public record ProgrammeResponse(String code, String cityCode, String kind, String kindName, Calculation calculation,
                                Sector sector, String name, String source, String document, String section,
                                String sentence, boolean inForce, LocalDate today, List<ProgrammeVersion> versions) {

    static ProgrammeResponse of(Programme p, List<ProgrammeVersion> versions, boolean inForce, LocalDate today) {
        return new ProgrammeResponse(p.code, p.cityCode, p.kind.code, p.kind.name, p.kind.calculation, p.sector,
                p.name, p.source, p.document, p.section, p.sentence, inForce, today, versions);
    }
}
