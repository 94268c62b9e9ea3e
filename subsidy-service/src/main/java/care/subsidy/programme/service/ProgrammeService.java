package care.subsidy.programme.service;

import care.contracts.event.CertificateGrade;
import care.contracts.problem.Problem;
import care.contracts.problem.ProblemException;
import care.subsidy.access.Access;
import care.subsidy.programme.domain.Programme;
import care.subsidy.programme.domain.ProgrammeRepository;
import care.subsidy.programme.domain.ProgrammeVersion;
import care.subsidy.programme.rest.VersionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional
public class ProgrammeService {

    /** Sanity ceilings against typing errors; not policy figures. */
    public static final long MAX_MONTHLY_RATE_FEN = 200_000;      // 2,000 yuan per person and month
    public static final long MAX_UNIT_RATE_FEN = 10_000_000;      // 100,000 yuan per bed or 托位

    public static final String PER_UNIT = "PER_UNIT";

    private final ProgrammeRepository programmes;
    private final EntityManager em;

    public ProgrammeService(ProgrammeRepository programmes, EntityManager em) {
        this.programmes = programmes;
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Programme visible(String code, Access access) {
        Programme p = programmes.findById(code);
        care.subsidy.access.Scope scope = access.scope();
        if (p == null || !p.cityCode.equals(scope.cityCode()) || !scope.covers(p.sector)) {
            throw ProblemException.notFound("programme", code);
        }
        return p;
    }

    public ProgrammeVersion addVersion(String code, VersionRequest request, Access access) {
        Programme p = visible(code, access);
        Map<String, Long> rates = request.ratesFen() == null ? Map.of() : new TreeMap<>(request.ratesFen());
        List<String> ownerships = request.eligibleOwnerships() == null ? List.of()
                : request.eligibleOwnerships().stream().map(Enum::name).distinct().sorted().toList();
        switch (p.kind) {
            case NURSING_ALLOWANCE -> {
                if (request.effectiveFrom().getDayOfMonth() != 1) {
                    throw ProblemException.invalid("effectiveFrom",
                            "a monthly allowance changes on the first day of a month");
                }
                if (request.eligibleRole() == null) {
                    throw ProblemException.invalid("eligibleRole", "the staff role the allowance is for is required");
                }
                if (ownerships.isEmpty()) {
                    throw ProblemException.invalid("eligibleOwnerships", "at least one 举办性质 must be eligible");
                }
                Set<String> grades = Arrays.stream(CertificateGrade.values()).map(Enum::name)
                        .collect(Collectors.toSet());
                if (!rates.keySet().equals(grades)) {
                    throw ProblemException.invalid("ratesFen", "give a monthly amount for every grade " + grades
                            + " (0 where a grade is not paid)");
                }
                rates.forEach((k, fen) -> requireRange("ratesFen." + k, fen, 0, MAX_MONTHLY_RATE_FEN));
                if (request.maxAmountFen() != null) {
                    throw ProblemException.invalid("maxAmountFen", "not used by a monthly allowance");
                }
            }
            case CAPACITY_SUBSIDY -> {
                if (!rates.keySet().equals(Set.of(PER_UNIT))) {
                    throw ProblemException.invalid("ratesFen", "a capacity subsidy has exactly one rate: PER_UNIT");
                }
                requireRange("ratesFen.PER_UNIT", rates.get(PER_UNIT), 1, MAX_UNIT_RATE_FEN);
            }
            case DEMONSTRATION_GRANT -> {
                if (request.maxAmountFen() == null) {
                    throw ProblemException.invalid("maxAmountFen", "a grant programme needs a ceiling per decision");
                }
                if (!rates.isEmpty()) {
                    throw ProblemException.invalid("ratesFen", "a grant is decided case by case; it has no rates");
                }
            }
        }
        if (programmes.versionExists(code, request.effectiveFrom())) {
            throw ProblemException.conflict("VERSION_EXISTS", "该生效日期已有参数版本",
                    code + " already has parameters effective from " + request.effectiveFrom());
        }
        if (p.kind.monthly()) {
            String lastBatched = (String) em.createNativeQuery("""
                            select max(period) from payment_batch
                            where programme_code = ?1 and status not in ('REJECTED', 'FAILED')""")
                    .setParameter(1, code).getSingleResult();
            if (lastBatched != null && !request.effectiveFrom().isAfter(YearMonth.parse(lastBatched).atEndOfMonth())) {
                throw new ProblemException(Problem.of(409, "PERIOD_ALREADY_BATCHED", "该期间已生成发放批次",
                        "a batch for " + lastBatched + " exists; new parameters may start from the month after"));
            }
        }
        String role = request.eligibleRole() == null ? null : request.eligibleRole().name();
        programmes.insertVersion(code, request.effectiveFrom(), role, request.maxAmountFen(), request.source(),
                access.who(), ownerships, rates);
        return programmes.versionOn(code, request.effectiveFrom()).orElseThrow();
    }

    private static void requireRange(String field, Long fen, long min, long max) {
        if (fen == null || fen < min || fen > max) {
            throw ProblemException.invalid(field, "an amount in fen between " + min + " and " + max);
        }
    }
}
