package care.subsidy.programme.service;

import care.contracts.event.CertificateGrade;
import care.contracts.event.CertificateType;
import care.contracts.event.InstitutionKind;
import care.contracts.problem.Problem;
import care.contracts.problem.ProblemException;
import care.subsidy.access.Access;
import care.subsidy.programme.domain.NewProgramme;
import care.subsidy.programme.domain.NewVersion;
import care.subsidy.programme.domain.Programme;
import care.subsidy.programme.domain.ProgrammeKind;
import care.subsidy.programme.domain.ProgrammeRepository;
import care.subsidy.programme.domain.ProgrammeVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Set;
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

    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.List<ProgrammeKind> kinds() {
        return em.createQuery("from ProgrammeKind order by code", ProgrammeKind.class).getResultList();
    }

    /**
     * A programme of the caller's city of a kind the platform knows (data: {@code programme_kind}), e.g. a county's
     * 运营补贴 under 001 三（四）5. It pays nothing until a version gives it parameters.
     */
    public Programme create(NewProgramme command, Access access) {
        ProgrammeKind kind = em.find(ProgrammeKind.class, command.kind());
        if (kind == null) {
            throw ProblemException.invalid("kind", "one of " + kinds().stream().map(k -> k.code).toList());
        }
        if (programmes.findById(command.code()) != null) {
            throw ProblemException.conflict("PROGRAMME_EXISTS", "该补贴项目编码已存在", command.code() + " exists");
        }
        Programme p = new Programme();
        p.code = command.code();
        p.cityCode = access.scope().cityCode();
        p.kind = kind;
        p.sector = command.sector();
        p.name = command.name();
        p.document = command.document();
        p.section = command.section();
        p.sentence = command.sentence();
        p.source = command.document() + " " + command.section() + "：“" + command.sentence() + "”";
        programmes.persist(p);
        return p;
    }

    public ProgrammeVersion addVersion(String code, NewVersion v, Access access) {
        Programme p = visible(code, access);
        if (v.effectiveUntil() != null && v.effectiveUntil().isBefore(v.effectiveFrom())) {
            throw ProblemException.invalid("effectiveUntil", "not before effectiveFrom");
        }
        requireKinds(p, v);
        switch (p.kind.calculation) {
            case MONTHLY_BY_GRADE -> {
                if (v.effectiveFrom().getDayOfMonth() != 1) {
                    throw ProblemException.invalid("effectiveFrom",
                            "a monthly allowance changes on the first day of a month");
                }
                if (v.effectiveUntil() != null && !v.effectiveUntil().equals(YearMonth.from(v.effectiveUntil())
                        .atEndOfMonth())) {
                    throw ProblemException.invalid("effectiveUntil", "a monthly allowance ends on the last day of a month");
                }
                if (v.eligibleRole() == null) {
                    throw ProblemException.invalid("eligibleRole", "the staff role the allowance is for is required");
                }
                if (v.eligibleOwnerships().isEmpty()) {
                    throw ProblemException.invalid("eligibleOwnerships", "at least one 举办性质 must be eligible");
                }
                if (v.eligibleKinds().isEmpty()) {
                    throw ProblemException.invalid("eligibleKinds", "at least one institution kind must be eligible");
                }
                if (v.eligibleCertificateTypes().isEmpty()) {
                    throw ProblemException.invalid("eligibleCertificateTypes",
                            "at least one certificate type must count, of " + Arrays.toString(CertificateType.values()));
                }
                Set<String> grades = Arrays.stream(CertificateGrade.values()).map(Enum::name)
                        .collect(Collectors.toSet());
                if (!v.ratesFen().keySet().equals(grades)) {
                    throw ProblemException.invalid("ratesFen", "give a monthly amount for every grade " + grades
                            + " (0 where a grade is not paid)");
                }
                v.ratesFen().forEach((k, fen) -> requireRange("ratesFen." + k, fen, 0, MAX_MONTHLY_RATE_FEN));
                forbid("maxAmountFen", v.maxAmountFen() != null, "not used by a monthly allowance");
                forbid("baselineDate", v.baselineDate() != null, "not used by a monthly allowance");
            }
            case PER_NEW_UNIT -> {
                if (!v.ratesFen().keySet().equals(Set.of(PER_UNIT))) {
                    throw ProblemException.invalid("ratesFen", "a capacity subsidy has exactly one rate: PER_UNIT");
                }
                requireRange("ratesFen.PER_UNIT", v.ratesFen().get(PER_UNIT), 1, MAX_UNIT_RATE_FEN);
                if (v.baselineDate() == null) {
                    throw ProblemException.invalid("baselineDate",
                            "the day whose filed capacity is not new (001 三（四）1: 新增) is required");
                }
                if (v.eligibleOwnerships().isEmpty()) {
                    throw ProblemException.invalid("eligibleOwnerships", "at least one 举办性质 must be eligible");
                }
                forbid("eligibleCertificateTypes", !v.eligibleCertificateTypes().isEmpty(), "not used by a capacity subsidy");
            }
            case DECIDED_GRANT -> {
                if (v.maxAmountFen() == null) {
                    throw ProblemException.invalid("maxAmountFen", "a grant programme needs a ceiling per decision");
                }
                forbid("ratesFen", !v.ratesFen().isEmpty(), "a grant is decided case by case; it has no rates");
                forbid("baselineDate", v.baselineDate() != null, "not used by a grant");
                forbid("eligibleCertificateTypes", !v.eligibleCertificateTypes().isEmpty(), "not used by a grant");
            }
        }
        if (programmes.versionExists(code, v.effectiveFrom())) {
            throw ProblemException.conflict("VERSION_EXISTS", "该生效日期已有参数版本",
                    code + " already has parameters effective from " + v.effectiveFrom());
        }
        refuseBatchedMonths(p, v.effectiveFrom());
        programmes.insertVersion(code, v, access.who());
        return programmes.versions(code).stream().filter(x -> x.effectiveFrom().equals(v.effectiveFrom()))
                .findFirst().orElseThrow();
    }

    /**
     * The version in force on {@code day}, or a 422: NO_PARAMETERS before the first version (or where a city has
     * entered none, as for Qujing's 护理补助), PROGRAMME_ENDED after the end of the version that would apply.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ProgrammeVersion inForce(Programme p, LocalDate day) {
        return programmes.versionOn(p.code, day).orElseThrow(() -> {
            ProgrammeVersion ended = programmes.versions(p.code).stream()
                    .filter(v -> !v.effectiveFrom().isAfter(day)).reduce((a, b) -> b).orElse(null);
            if (ended != null) {
                return new ProblemException(Problem.of(422, "PROGRAMME_ENDED", "补贴项目参数已到期",
                        p.code + " ended on " + ended.effectiveUntil() + " (version from " + ended.effectiveFrom()
                                + "); " + day + " is paid only if the city admin extends it or enters a new version,"
                                + " naming the decision"));
            }
            return new ProblemException(Problem.of(422, "NO_PARAMETERS", "该期间没有生效的补贴参数",
                    p.code + " has no parameters in force on " + day + "; the city admin enters them, dated and"
                            + " sourced, with POST /api/subsidy/programmes/" + p.code + "/versions"));
        });
    }

    /**
     * Moves the end of a version: an extension (a later end, or none) or an earlier end. Who did it, when and on what
     * basis are kept with the version; a month already batched keeps the parameters it was paid with.
     */
    public ProgrammeVersion extend(String code, long versionId, LocalDate until, String source, Access access) {
        Programme p = visible(code, access);
        ProgrammeVersion v = programmes.versions(code).stream().filter(x -> x.id() == versionId).findFirst()
                .orElseThrow(() -> ProblemException.notFound("programme version", versionId));
        if (until != null && until.isBefore(v.effectiveFrom())) {
            throw ProblemException.invalid("effectiveUntil", "not before the version's effectiveFrom " + v.effectiveFrom());
        }
        if (p.kind.monthly() && until != null && !until.equals(YearMonth.from(until).atEndOfMonth())) {
            throw ProblemException.invalid("effectiveUntil", "a monthly allowance ends on the last day of a month");
        }
        LocalDate earlierOf = until == null ? v.effectiveUntil() : v.effectiveUntil() == null ? until
                : until.isBefore(v.effectiveUntil()) ? until : v.effectiveUntil();
        if (earlierOf != null) { // the months between the old and the new end change; none of them may be batched
            refuseBatchedMonths(p, earlierOf.plusDays(1));
        }
        programmes.extend(versionId, until, source, access.who());
        return programmes.versions(code).stream().filter(x -> x.id() == versionId).findFirst().orElseThrow();
    }

    private void refuseBatchedMonths(Programme p, LocalDate from) {
        if (!p.kind.monthly()) {
            return;
        }
        String lastBatched = (String) em.createNativeQuery("""
                        select max(period) from payment_batch
                        where programme_code = ?1 and status not in ('REJECTED', 'FAILED')""")
                .setParameter(1, p.code).getSingleResult();
        if (lastBatched != null && !from.isAfter(YearMonth.parse(lastBatched).atEndOfMonth())) {
            throw new ProblemException(Problem.of(409, "PERIOD_ALREADY_BATCHED", "该期间已生成发放批次",
                    "a batch for " + lastBatched + " exists; parameters may change from the month after"));
        }
    }

    /** Kinds must be of the programme's sector, certificate types from the closed list. */
    private static void requireKinds(Programme p, NewVersion v) {
        for (String kind : v.eligibleKinds()) {
            if (Arrays.stream(InstitutionKind.values()).noneMatch(k -> k.name().equals(kind) && k.sector == p.sector)) {
                throw ProblemException.invalid("eligibleKinds", kind + " is not a " + p.sector.label + " kind");
            }
        }
        for (String type : v.eligibleCertificateTypes()) {
            if (Arrays.stream(CertificateType.values()).noneMatch(t -> t.name().equals(type))) {
                throw ProblemException.invalid("eligibleCertificateTypes", "one of "
                        + Arrays.toString(CertificateType.values()));
            }
        }
    }

    private static void forbid(String field, boolean given, String why) {
        if (given) {
            throw ProblemException.invalid(field, why);
        }
    }

    private static void requireRange(String field, Long fen, long min, long max) {
        if (fen == null || fen < min || fen > max) {
            throw ProblemException.invalid(field, "an amount in fen between " + min + " and " + max);
        }
    }
}
