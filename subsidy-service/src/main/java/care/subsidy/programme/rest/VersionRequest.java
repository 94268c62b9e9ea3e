package care.subsidy.programme.rest;

import care.contracts.event.Ownership;
import care.contracts.event.StaffRole;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * New parameters of a programme from {@code effectiveFrom}.
 *
 * @param ratesFen nursing allowance: every CertificateGrade → monthly fen; capacity subsidy: PER_UNIT → fen
 * @param maxAmountFen grant programmes: the ceiling of one decision
 * @param source   the document and article the figures come from
 */
public record VersionRequest(
        @NotNull LocalDate effectiveFrom,
        StaffRole eligibleRole,
        List<@NotNull Ownership> eligibleOwnerships,
        @Positive @Max(100_000_000) Long maxAmountFen,
        Map<String, Long> ratesFen,
        @NotBlank @Size(max = 2000) String source) {
}
