package care.registry.supervision.rest;

import care.registry.supervision.domain.CreditLevel;
import care.registry.supervision.domain.InspectionMethod;
import care.registry.supervision.domain.InspectionResult;
import care.registry.supervision.service.InspectionDetails;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * @param fineFen  fine in fen (分); 养老机构管理办法 Art. 46 caps it at 3,000,000 fen (30,000 yuan)
 * @param disclosed published in the directory (一公开); defaults to true
 */
public record InspectionRequest(
        @NotNull @PastOrPresent LocalDate inspectedOn,
        @NotNull InspectionMethod method,
        @NotBlank @Size(max = 100) String inspectorOrg,
        @NotNull InspectionResult result,
        @Size(max = 2000) String findings,
        @Size(max = 500) String penalty,
        @PositiveOrZero @Max(100_000_000L) Long fineFen,
        CreditLevel creditLevel,
        Boolean disclosed) {

    public InspectionDetails toDetails() {
        return new InspectionDetails(inspectedOn, method, inspectorOrg, result, findings, penalty, fineFen,
                creditLevel, disclosed);
    }
}
