package care.registry.township.service;

import care.contracts.division.Divisions;
import care.contracts.problem.ProblemException;
import care.registry.audit.service.AuditTrail;
import care.registry.township.domain.Township;
import care.registry.township.domain.TownshipRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The township lists (乡镇/街道) the cities enter, and the rule they set for sites: once a county has townships in
 * force, a site of that county names one of them; a county with none keeps taking any code of the county.
 */
@ApplicationScoped
@Transactional
public class TownshipService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final TownshipRepository townships;
    private final AuditTrail audit;

    public TownshipService(TownshipRepository townships, AuditTrail audit) {
        this.townships = townships;
        this.audit = audit;
    }

    /** The county a township code starts with; a code that starts with no county is 400 at {@code field}. */
    public static String countyOf(String code, String field) {
        String county = code.substring(0, 6);
        if (!Divisions.isCounty(county)) {
            throw ProblemException.invalid(field, "乡镇（街道）代码的前6位应为一个县（区）的代码，" + county + " 不是");
        }
        return county;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Township> ofCounty(String countyCode) {
        return townships.ofCounty(countyCode);
    }

    public Township create(String code, String name, String actor) {
        if (townships.byCode(code).isPresent()) {
            throw ProblemException.conflict("TOWNSHIP_EXISTS", "该乡镇（街道）代码已登记",
                    "township " + code + " is already in the list (a retired one stays there)");
        }
        String county = code.substring(0, 6);
        refuseNameInForce(county, name);
        Township t = new Township();
        t.id = UUID.randomUUID();
        t.code = code;
        t.name = name;
        t.countyCode = county;
        t.cityCode = Divisions.cityOf(county).orElseThrow();
        t.validFrom = LocalDate.now(CHINA);
        t.enteredBy = actor;
        t.enteredAt = Instant.now();
        townships.persist(t);
        audit.record(actor, "TOWNSHIP_ENTERED", "township", t.id, t.cityCode, t.countyCode,
                Map.of("code", code, "name", name));
        return t;
    }

    public Township rename(Township t, String name, String actor) {
        refuseRetired(t);
        if (!t.name.equals(name)) {
            refuseNameInForce(t.countyCode, name);
        }
        String before = t.name;
        t.name = name;
        t.changedBy = actor;
        t.changedAt = Instant.now();
        audit.record(actor, "TOWNSHIP_RENAMED", "township", t.id, t.cityCode, t.countyCode,
                Map.of("code", t.code, "before", before, "after", name));
        return t;
    }

    /** Ends a township today (China time); sites that name it keep it until they change it. */
    public Township retire(Township t, String actor) {
        refuseRetired(t);
        t.validUntil = LocalDate.now(CHINA);
        t.changedBy = actor;
        t.changedAt = Instant.now();
        audit.record(actor, "TOWNSHIP_RETIRED", "township", t.id, t.cityCode, t.countyCode,
                Map.of("code", t.code, "name", t.name));
        return t;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Township byCode(String code) {
        return townships.byCode(code).orElseThrow(() -> ProblemException.notFound("township", code));
    }

    /**
     * Why {@code code} may not stand on a site of {@code countyCode}, or empty: it is in the county's list in force,
     * the county has no list yet (the city has entered none), or the site already names it (a township retired since
     * does not stop the site's other facts from being saved).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> refusalForSite(String countyCode, String code, String current) {
        if (code == null || code.equals(current)) {
            return Optional.empty();
        }
        List<String> listed = townships.codesInForce(countyCode);
        if (listed.isEmpty() || listed.contains(code)) {
            return Optional.empty();
        }
        return Optional.of("乡镇（街道）代码 " + code + " 不在本县（区）的乡镇（街道）名单中，请从名单中选择");
    }

    private void refuseNameInForce(String county, String name) {
        if (townships.nameInForce(county, name)) {
            throw ProblemException.conflict("TOWNSHIP_NAME_TAKEN", "本县（区）已有同名的乡镇（街道）",
                    "a township in force of county " + county + " is already named " + name);
        }
    }

    private static void refuseRetired(Township t) {
        if (!t.inForce()) {
            throw ProblemException.conflict("TOWNSHIP_RETIRED", "该乡镇（街道）已停用",
                    "township " + t.code + " was retired on " + t.validUntil);
        }
    }
}
