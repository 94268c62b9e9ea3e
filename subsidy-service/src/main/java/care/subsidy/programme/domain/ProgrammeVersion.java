package care.subsidy.programme.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The parameters of a programme from {@code effectiveFrom} until the next version. */
public record ProgrammeVersion(long id, String programmeCode, LocalDate effectiveFrom, String eligibleRole,
                               List<String> eligibleOwnerships, Long maxAmountFen, Map<String, Long> ratesFen,
                               String source, String createdBy, Instant createdAt) {
}
