package care.registry.indicator.rest;

import care.registry.indicator.domain.PopulationKind;
import care.registry.indicator.service.PopulationEntry;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A population figure for the city or one of its counties: kind, value, the year it describes and its source. */
public record PopulationRequest(
        @NotNull @Pattern(regexp = "\\d{6}", message = "应为6位行政区划代码") String divisionCode,
        @NotNull PopulationKind kind,
        @NotNull @Min(0) @Max(100_000_000) Integer value,
        @NotNull @Min(1949) @Max(2100) Integer referenceYear,
        @NotBlank @Size(max = 300) String source) {

    public PopulationEntry toEntry() {
        return new PopulationEntry(divisionCode, kind, value, referenceYear, source);
    }
}
