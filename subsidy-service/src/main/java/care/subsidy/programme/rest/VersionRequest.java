package care.subsidy.programme.rest;

import care.contracts.event.CertificateType;
import care.contracts.event.InstitutionKind;
import care.contracts.event.Ownership;
import care.contracts.event.StaffRole;
import care.subsidy.programme.domain.NewVersion;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * New parameters of a programme from {@code effectiveFrom}.
 *
 * @param effectiveUntil           the last day (inclusive) or null: until the next version
 * @param ratesFen                 nursing allowance: every CertificateGrade → monthly fen; capacity: PER_UNIT → fen
 * @param eligibleKinds            institution kinds that count (monthly: required; grant: besides designated 示范)
 * @param eligibleCertificateTypes monthly allowance: the certificate types that count
 * @param baselineDate             capacity: the day whose filed capacity is not new
 * @param inclusiveOnly            capacity: only 普惠 institutions
 * @param maxAmountFen             grant programmes: the ceiling of one decision
 * @param source                   the document and article the figures come from
 */
public record VersionRequest(
        @NotNull LocalDate effectiveFrom,
        LocalDate effectiveUntil,
        StaffRole eligibleRole,
        List<@NotNull Ownership> eligibleOwnerships,
        List<@NotNull InstitutionKind> eligibleKinds,
        List<@NotNull CertificateType> eligibleCertificateTypes,
        LocalDate baselineDate,
        Boolean inclusiveOnly,
        @Positive @Max(100_000_000) Long maxAmountFen,
        Map<String, Long> ratesFen,
        @NotBlank @Size(max = 2000) String source) {

    NewVersion command() {
        return new NewVersion(effectiveFrom, effectiveUntil, eligibleRole, names(eligibleOwnerships),
                names(eligibleKinds), names(eligibleCertificateTypes), baselineDate, Boolean.TRUE.equals(inclusiveOnly),
                maxAmountFen, ratesFen == null ? Map.of() : new TreeMap<>(ratesFen), source);
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values == null ? List.of() : values.stream().map(Enum::name).distinct().sorted().toList();
    }
}
