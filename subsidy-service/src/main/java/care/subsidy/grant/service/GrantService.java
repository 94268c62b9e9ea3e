package care.subsidy.grant.service;

import care.contracts.event.Sector;
import care.contracts.problem.Problem;
import care.contracts.problem.ProblemException;
import care.subsidy.access.Access;
import care.subsidy.support.Periods;
import care.subsidy.access.Scope;
import care.subsidy.grant.rest.GrantRequests;
import care.subsidy.grant.rest.GrantResponse;
import care.subsidy.programme.domain.Programme;
import care.subsidy.programme.domain.ProgrammeKind;
import care.subsidy.programme.domain.ProgrammeRepository;
import care.subsidy.programme.domain.ProgrammeVersion;
import care.subsidy.programme.service.ProgrammeService;
import care.subsidy.readmodel.domain.InstitutionView;
import care.subsidy.readmodel.domain.InstitutionViewRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
    private final EntityManager em;

    public GrantService(InstitutionViewRepository institutions, ProgrammeRepository programmes, EntityManager em) {
        this.institutions = institutions;
        this.programmes = programmes;
        this.em = em;
    }

    public GrantResponse demonstration(GrantRequests.Demonstration request, Access access) {
        // a health reviewer's scope holds childcare institutions only (seed 000 §20: grants for 托育机构)
        InstitutionView institution = inArea(request.institutionId(), access);
        authorise(institution, access);
        LocalDate today = Periods.today();
        Programme programme = programme(institution, ProgrammeKind.DEMONSTRATION_GRANT);
        ProgrammeVersion version = inForce(programme, today);
        if (request.amountFen() > version.maxAmountFen()) {
            throw ProblemException.invalid("amountFen", "at most " + version.maxAmountFen() + " fen per decision ("
                    + programme.code + ", version from " + version.effectiveFrom() + ")");
        }
        String basis = "示范性认定 " + request.decisionNumber() + "：" + request.reason();
        long id = insertLine(programme, String.valueOf(today.getYear()), institution, null, request.amountFen(), basis,
                access.who(), "demonstration grant of " + today.getYear());
        return find(id);
    }

    public GrantResponse capacity(GrantRequests.Capacity request, Access access) {
        InstitutionView institution = inArea(request.institutionId(), access);
        authorise(institution, access);
        LocalDate today = Periods.today();
        Programme programme = programme(institution, ProgrammeKind.CAPACITY_SUBSIDY);
        ProgrammeVersion version = inForce(programme, today);
        long perUnit = version.ratesFen().getOrDefault(ProgrammeService.PER_UNIT, 0L);
        long subsidised = ((Number) em.createNativeQuery("""
                        select coalesce(sum(units), 0) from payment_line
                        where programme_code = ?1 and beneficiary_key = ?2""")
                .setParameter(1, programme.code).setParameter(2, institution.institutionId.toString())
                .getSingleResult()).longValue();
        long newUnits = institution.totalCapacity - subsidised;
        if (newUnits <= 0) {
            throw new ProblemException(Problem.of(422, "NO_NEW_CAPACITY", "没有新增备案的床位/托位",
                    institution.name + " has " + institution.totalCapacity + " filed, " + subsidised
                            + " already subsidised under " + programme.code));
        }
        String basis = "新增备案" + (institution.sector == Sector.ELDERLY ? "床位 " : "托位 ") + newUnits + " × "
                + perUnit + " 分（版本自 " + version.effectiveFrom() + "，已补 " + subsidised + "，现备案 "
                + institution.totalCapacity + "）：" + request.reason();
        long id = insertLine(programme, today.toString().substring(0, 7), institution, (int) newUnits,
                Math.multiplyExact(newUnits, perUnit), basis, access.who(), "capacity subsidy of this month");
        return find(id);
    }

    /** Grant decisions in the caller's scope (a reviewer: their county's, of their department's programmes). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<GrantResponse> list(Scope scope) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = scope.bind(em.createNativeQuery(SELECT + """
                         join programme g on g.code = l.programme_code
                         where g.kind <> 'NURSING_ALLOWANCE'""" + scope.lines("l") + """
                         order by l.created_at desc, l.id"""))
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

    private Programme programme(InstitutionView institution, ProgrammeKind kind) {
        return programmes.of(institution.cityCode, kind, institution.sector).orElseThrow(() ->
                new ProblemException(Problem.of(422, "NO_PROGRAMME", "本市没有该补贴项目",
                        "city " + institution.cityCode + " has no " + kind + " programme for " + institution.sector)));
    }

    private ProgrammeVersion inForce(Programme programme, LocalDate day) {
        return programmes.versionOn(programme.code, day).orElseThrow(() ->
                new ProblemException(Problem.of(422, "NO_PARAMETERS", "该补贴项目尚未设定参数",
                        programme.code + " has no parameters in force on " + day
                                + "; the city admin sets them with POST /api/subsidy/programmes/" + programme.code
                                + "/versions")));
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
                             order by p.attempt desc limit 1), 'DECIDED')
            from payment_line l
            """;

    private GrantResponse find(long lineId) {
        Object[] r = (Object[]) em.createNativeQuery(SELECT + " where l.id = ?1").setParameter(1, lineId)
                .getSingleResult();
        return map(r);
    }

    private static GrantResponse map(Object[] r) {
        return new GrantResponse(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (UUID) r[3],
                (String) r[4], (String) r[5], r[6] == null ? null : ((Number) r[6]).intValue(),
                ((Number) r[7]).longValue(), (String) r[8], (String) r[9], care.subsidy.support.Sql.instant(r[10]),
                (String) r[11]);
    }
}
