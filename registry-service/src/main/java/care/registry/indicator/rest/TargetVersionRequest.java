package care.registry.indicator.rest;

import care.registry.indicator.service.TargetChange;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A new version of a target: its figure, dates and the document that sets it. */
public record TargetVersionRequest(
        @NotNull @DecimalMin("0") @DecimalMax("99999999") BigDecimal targetValue,
        @NotNull LocalDate targetOn,
        LocalDate baselineOn,
        @NotNull LocalDate effectiveFrom,
        @NotBlank @Size(max = 200) String sourceDocument,
        @NotBlank @Size(max = 100) String sourceSection,
        @NotBlank @Size(max = 2000) String sourceSentence) {

    public TargetChange toChange() {
        return new TargetChange(targetValue, targetOn, baselineOn, effectiveFrom, sourceDocument, sourceSection,
                sourceSentence);
    }
}
