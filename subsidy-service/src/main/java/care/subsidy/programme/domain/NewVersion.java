package care.subsidy.programme.domain;

import care.contracts.event.StaffRole;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** New parameters of a programme from {@code effectiveFrom}, as the city admin decided them (lists sorted, distinct). */
public record NewVersion(LocalDate effectiveFrom, LocalDate effectiveUntil, StaffRole eligibleRole,
                         List<String> eligibleOwnerships, List<String> eligibleKinds,
                         List<String> eligibleCertificateTypes, LocalDate baselineDate, boolean inclusiveOnly,
                         Long maxAmountFen, Map<String, Long> ratesFen, String source) {
}
