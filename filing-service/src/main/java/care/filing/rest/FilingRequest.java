package care.filing.rest;

import care.contracts.event.InstitutionKind;
import care.contracts.event.Ownership;
import care.contracts.event.Sector;
import care.contracts.validation.CountyCode;
import care.contracts.validation.Uscc;
import care.filing.domain.FilingType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A new filing as the institution fills it in; it starts as a draft. */
public record FilingRequest(
        @NotNull FilingType type,
        @NotNull Sector sector,
        @NotNull @Uscc String uscc,
        @NotBlank @Size(max = 200) String institutionName,
        @NotNull InstitutionKind kind,
        @NotNull Ownership ownership,
        @NotNull @CountyCode String divisionCode,
        @NotBlank @Size(max = 300) String address,
        @NotBlank @Size(max = 60) String legalRepresentative,
        @NotBlank @Pattern(regexp = "^[0-9+\\-() ]{7,20}$", message = "联系电话格式无效") String contactPhone,
        @PositiveOrZero @Max(value = 20000, message = "床位/托位数超出合理范围") int capacity) {
}
