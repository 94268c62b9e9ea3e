package care.subsidy.grant.service;

import care.contracts.event.Sector;
import care.contracts.problem.Problem;
import care.contracts.problem.ProblemException;
import care.subsidy.access.Access;
import care.subsidy.access.Scope;
import care.subsidy.grant.domain.CapacityDecision;
import care.subsidy.grant.domain.DemonstrationDecision;
import care.subsidy.grant.domain.Grant;
import care.subsidy.programme.domain.Calculation;
import care.subsidy.programme.domain.Programme;
import care.subsidy.programme.domain.ProgrammeRepository;
import care.subsidy.programme.domain.ProgrammeVersion;
import care.subsidy.programme.service.ProgrammeService;
import care.subsidy.readmodel.domain.InstitutionView;
import care.subsidy.readmodel.domain.InstitutionViewRepository;
import care.subsidy.support.Periods;
import care.subsidy.support.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Grant decisions become entitlements (payment_line) of the institution; the programme's next batch instructs them,
 * so they pass the same review, release, finance and ledger steps as the monthly allowance.
 */
@ApplicationScoped
@Transactional
public class GrantService {

    private final InstitutionViewRepository institutions;
    private final ProgrammeRepository programmes;
    private final ProgrammeService programmeService;
    private final EntityManager em;

    public GrantService(InstitutionViewRepository institutions, ProgrammeRepository programmes,
                        ProgrammeService programmeService, EntityManager em) {
        this.institutions = institutions;
        this.programmes = programmes;
        this.programmeService = programmeService;
        this.em = em;
    }

    /**
     * The grant of a 示范性 institution (000 §20: "对承担一定指导功能的示范性婴幼儿照护服务机构、社区婴幼儿照护服务设施"):
     * the register must designate it 示范, unless its kind is one the programme version names besides (Kunming: the
     * 社区婴幼儿照护服务设施, 社区托育点).
     */
    public Grant demonstration(DemonstrationDecision decision, Access access) {
        InstitutionView institution = inArea(decision.institutionId(), access);
        authorise(institution, access);
        LocalDate today = Periods.today();
        Programme programme = only(programmes.of(institution.cityCode, Calculation.DECIDED_GRANT, institution.sector),
                institution);
        ProgrammeVersion version = programmeService.inForce(programme, today);
        if (!institution.demonstration && !version.eligibleKinds().contains(institution.kind.name())) {
            throw new ProblemException(Problem.of(422, "NOT_DESIGNATED", "机构未被认定为示范性托育机构",
                    institution.name + " is not designated 示范 in the register"
                            + (version.eligibleKinds().isEmpty() ? "" : " nor of a kind " + version.eligibleKinds())
                            + "; " + programme.section + "：“" + programme.sentence + "”"));
        }
        if (decision.amountFen() > version.maxAmountFen()) {
            throw ProblemException.invalid("amountFen", "at most " + version.maxAmountFen() + " fen per decision ("
                    + programme.code + ", version from " + version.effectiveFrom() + ")");
        }
        String basis = (institution.demonstration ? "示范性认定 " : institution.kind.label + " ") + decision.decisionNumber()
                + "：" + decision.reason();
        long id = insertLine(programme, String.valueOf(today.getYear()), institution, null, decision.amountFen(), basis,
                access.who(), "demonstration grant of " + today.getYear());
        return find(id);
    }

    /**
     * Rate × the beds/托位 filed after the version's baseline date and not yet subsidised under the programme; the
     * institution's 举办性质 (and kind, if the version names kinds) must be eligible, and 普惠 where the version says
     * only 普惠 capacity counts (001 三（四）5 "优先支持普惠性养老托育机构发展").
     */
    public Grant capacity(CapacityDecision decision, Access access) {
        InstitutionView institution = inArea(decision.institutionId(), access);
        authorise(institution, access);
        LocalDate today = Periods.today();
        Programme programme = perUnitProgramme(decision.programmeCode(), institution);
        ProgrammeVersion version = programmeService.inForce(programme, today);
        if (!version.eligibleOwnerships().contains(institution.ownership.name())
                || !version.eligibleKinds().isEmpty() && !version.eligibleKinds().contains(institution.kind.name())) {
            throw new ProblemException(Problem.of(422, "NOT_ELIGIBLE", "机构不在该补贴项目的范围内",
                    institution.name + " (" + institution.ownership.label + " " + institution.kind.label + ") is outside "
                            + programme.code + ": 举办性质 " + version.eligibleOwnerships()
                            + (version.eligibleKinds().isEmpty() ? "" : ", kinds " + version.eligibleKinds())));
        }
        if (version.inclusiveOnly() && !institution.inclusive) {
            throw new ProblemException(Problem.of(422, "NOT_INCLUSIVE", "仅普惠性机构的床位/托位计入",
                    institution.name + " is not 普惠 in the register; " + programme.code + " counts 普惠 capacity only"));
        }
        long perUnit = version.ratesFen().getOrDefault(ProgrammeService.PER_UNIT, 0L);
        long baseline = capacityOn(institution, version.baselineDate());
        long subsidised = ((Number) em.createNativeQuery("""
                        select coalesce(sum(units), 0) from payment_line
                        where programme_code = ?1 and beneficiary_key = ?2""")
                .setParameter(1, programme.code).setParameter(2, institution.institutionId.toString())
                .getSingleResult()).longValue();
        long newUnits = institution.totalCapacity - baseline - subsidised;
        if (newUnits <= 0) {
            throw new ProblemException(Problem.of(422, "NO_NEW_CAPACITY", "没有新增备案的床位/托位",
                    institution.name + " has " + institution.totalCapacity + " filed, " + baseline + " of them on "
                            + version.baselineDate() + " (not new), " + subsidised + " already subsidised under "
                            + programme.code));
        }
        String basis = "新增备案" + (institution.sector == Sector.ELDERLY ? "床位 " : "托位 ") + newUnits + " × "
                + perUnit + " 分（版本自 " + version.effectiveFrom() + "，基准日 " + version.baselineDate() + " 已备案 "
                + baseline + "，已补 " + subsidised + "，现备案 " + institution.totalCapacity + "）：" + decision.reason();
        long id = insertLine(programme, today.toString().substring(0, 7), institution, (int) newUnits,
                Math.multiplyExact(newUnits, perUnit), basis, access.who(), "capacity subsidy of this month");
        return find(id);
    }

    /** Beds/托位 the register held filed on {@code day} (0 if the institution was not filed then). */
    private long capacityOn(InstitutionView institution, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> state = em.createNativeQuery("""
                        select filing_status, total_capacity from institution_state
                        where institution_id = ?1 and effective_on <= ?2
                        order by effective_on desc, seq desc limit 1""")
                .setParameter(1, institution.institutionId).setParameter(2, day).getResultList();
        return state.isEmpty() || !"FILED".equals(state.get(0)[0]) ? 0 : ((Number) state.get(0)[1]).longValue();
    }

    private Programme perUnitProgramme(String code, InstitutionView institution) {
        List<Programme> candidates = programmes.of(institution.cityCode, Calculation.PER_NEW_UNIT, institution.sector);
        if (code == null) {
            if (candidates.size() > 1) {
                throw ProblemException.invalid("programmeCode", "choose one of "
                        + candidates.stream().map(p -> p.code).toList());
            }
            return only(candidates, institution);
        }
        return candidates.stream().filter(p -> p.code.equals(code)).findFirst().orElseThrow(() ->
                ProblemException.invalid("programmeCode", "not a capacity programme of " + institution.cityCode + " for "
                        + institution.sector + "; one of " + candidates.stream().map(p -> p.code).toList()));
    }

    /** Grant decisions in the caller's scope (a reviewer: their county's, of their department's programmes). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Grant> list(Scope scope) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = scope.bind(em.createNativeQuery(SELECT + """
                         join programme g on g.code = l.programme_code
                         join programme_kind k on k.code = g.kind
                         where k.calculation <> 'MONTHLY_BY_GRADE'""" + scope.lines("l") + """
                         order by l.created_at desc, l.id""", Tuple.class))
                .getResultList();
        return rows.stream().map(GrantService::map).toList();
    }

    private InstitutionView inArea(UUID institutionId, Access access) {
        return institutions.inScope(institutionId, access.scope())
                .orElseThrow(() -> ProblemException.notFound("institution", institutionId));
    }

    /** The competent department of the institution's sector decides, and only for a filed institution. */
    private void authorise(InstitutionView institution, Access access) {
        if (!access.caller().reviews(institution.sector)) {
            throw ProblemException.forbidden("grants for a " + institution.sector.label + " institution are decided by "
                    + institution.sector.reviewerRole);
        }
        if (!"FILED".equals(institution.filingStatus)) {
            throw new ProblemException(Problem.of(422, "NOT_FILED", "机构未备案或已注销",
                    institution.name + " is " + institution.filingStatus));
        }
    }

    private static Programme only(List<Programme> candidates, InstitutionView institution) {
        return candidates.stream().findFirst().orElseThrow(() ->
                new ProblemException(Problem.of(422, "NO_PROGRAMME", "本市没有该补贴项目",
                        "city " + institution.cityCode + " has no such programme for " + institution.sector)));
    }

    private long insertLine(Programme programme, String period, InstitutionView institution, Integer units,
                            long amountFen, String basis, String by, String what) {
        @SuppressWarnings("unchecked")
        List<Number> id = em.createNativeQuery("""
                        insert into payment_line (programme_code, period, beneficiary_key, city_code, division_code,
                            institution_id, institution_uscc, institution_name, payee_name, units, amount_fen, basis,
                            decided_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10, ?11, ?12)
                        on conflict on constraint payment_line_once do nothing returning id""")
                .setParameter(1, programme.code).setParameter(2, period)
                .setParameter(3, institution.institutionId.toString()).setParameter(4, institution.cityCode)
                .setParameter(5, institution.divisionCode).setParameter(6, institution.institutionId)
                .setParameter(7, institution.uscc).setParameter(8, institution.name).setParameter(9, units)
                .setParameter(10, amountFen).setParameter(11, basis).setParameter(12, by)
                .getResultList();
        if (id.isEmpty()) {
            throw ProblemException.conflict("ALREADY_DECIDED", "已作出过该补助决定",
                    institution.name + " already has a " + what + " under " + programme.code);
        }
        return id.get(0).longValue();
    }

    private static final String SELECT = """
            select l.id, l.programme_code, l.period, l.institution_id, l.institution_uscc, l.institution_name,
                   l.units, l.amount_fen, l.basis, l.decided_by, l.created_at,
                   coalesce((select p.status from payment_instruction p where p.line_id = l.id
                             order by p.attempt desc limit 1), 'DECIDED') as payment_status
            from payment_line l
            """;

    private Grant find(long lineId) {
        return map((Tuple) em.createNativeQuery(SELECT + " where l.id = ?1", Tuple.class).setParameter(1, lineId)
                .getSingleResult());
    }

    private static Grant map(Tuple tuple) {
        Row r = Row.of(tuple);
        return new Grant(r.longValue("id"), r.string("programme_code"), r.string("period"), r.uuid("institution_id"),
                r.string("institution_uscc"), r.string("institution_name"), r.integer("units"),
                r.longValue("amount_fen"), r.string("basis"), r.string("decided_by"), r.instant("created_at"),
                r.string("payment_status"));
    }
}
