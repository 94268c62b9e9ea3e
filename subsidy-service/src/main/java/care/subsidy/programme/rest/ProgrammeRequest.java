package care.subsidy.programme.rest;

import care.contracts.event.Sector;
import care.subsidy.programme.domain.NewProgramme;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A programme the city configures, of a kind the platform knows ({@code GET /api/subsidy/programmes/kinds}), resting
 * on one sentence of a plan.
 */
public record ProgrammeRequest(
        @NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}", message = "编码为大写字母、数字和连字符，2至40位") String code,
        @NotBlank @Size(max = 40) String kind,
        @NotNull Sector sector,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String document,
        @NotBlank @Size(max = 60) String section,
        @NotBlank @Size(max = 2000) String sentence) {

    NewProgramme command() {
        return new NewProgramme(code, kind, sector, name, document, section, sentence);
    }
}
