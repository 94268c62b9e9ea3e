package care.registry.site.service;

import care.contracts.problem.ProblemException;
import care.contracts.event.Sector;
import care.contracts.problem.Violation;
import care.registry.audit.service.AuditTrail;
import care.registry.institution.domain.Institution;
import care.registry.site.domain.CapacityVersion;
import care.registry.site.domain.CapacityVersionRepository;
import care.registry.site.domain.ServiceOffered;
import care.registry.site.domain.Site;
import care.registry.township.service.TownshipService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Keeps a site's capacity breakdown: checked as a whole, stored only when every rule holds. */
@ApplicationScoped
@Transactional
public class SiteCapacityService {

    private final AuditTrail audit;
    private final CapacityVersionRepository versions;
    private final TownshipService townships;

    public SiteCapacityService(AuditTrail audit, CapacityVersionRepository versions, TownshipService townships) {
        this.audit = audit;
        this.versions = versions;
        this.townships = townships;
    }

    public Site update(Institution institution, Site site, CapacityBreakdown request, Long expectedVersion,
                       String actor) {
        if (expectedVersion != null && expectedVersion != site.version) {
            throw new OptimisticLockException();
        }
        List<Violation> violations = check(institution.facts.sector, site, request);
        if (violations.stream().noneMatch(v -> v.field().equals("townshipCode"))) {
            // once the city has entered the county's townships, a site names one of them
            townships.refusalForSite(site.divisionCode, request.townshipCode(), site.townshipCode)
                    .ifPresent(message -> violations.add(new Violation("townshipCode", message)));
        }
        ProblemException.refuseIfAny(violations);
        Map<String, Object> before = snapshot(site);
        if (institution.facts.sector == Sector.ELDERLY) {
            var b = request.beds();
            site.bedsTotal = b.total();
            site.bedsNursing = b.nursing();
            site.bedsInclusive = b.inclusive();
            site.bedsSafetyNet = b.safetyNet();
            site.bedsMedical = b.medical();
        } else {
            var s = request.slots();
            site.slotsTotal = s.total();
            site.slotsInclusive = s.inclusive();
            site.slotsInfant = s.infant();
            site.slotsToddler = s.toddler();
            site.slotsOlder = s.older();
            site.careModes = join(s.careModes());
        }
        site.services = join(request.services());
        site.occupied = request.occupied();
        site.townshipCode = request.townshipCode();
        site.updatedAt = Instant.now();
        site.updatedBy = actor;
        versions.persist(CapacityVersion.of(site)); // the indicators read a past month's capacity from these
        audit.record(actor, "SITE_CAPACITY_UPDATED", "site", site.id, institution,
                Map.of("before", before, "after", snapshot(site)));
        return site;
    }

    /** Every broken rule at once, each on the field a client sent. */
    static List<Violation> check(Sector sector, Site site, CapacityBreakdown r) {
        List<Violation> v = new ArrayList<>();
        int total;
        if (sector == Sector.ELDERLY) {
            if (r.slots() != null) {
                v.add(new Violation("slots", "养老机构的场所登记床位，不登记托位"));
            }
            if (r.beds() == null) {
                v.add(new Violation("beds", "养老机构的场所须登记床位"));
                return v;
            }
            var b = r.beds();
            total = b.total();
            part(v, "beds.nursing", "护理型床位", b.nursing(), total);
            part(v, "beds.inclusive", "普惠性床位", b.inclusive(), total);
            part(v, "beds.safetyNet", "兜底线床位", b.safetyNet(), total);
            part(v, "beds.medical", "医养结合床位", b.medical(), total);
            sum(v, "beds.safetyNet", "兜底线床位与普惠性床位之和", total, b.inclusive(), b.safetyNet());
            if (total > site.filedCapacity) {
                v.add(new Violation("beds.total", "床位总数 " + total + " 超过备案床位 " + site.filedCapacity
                        + "，增加床位须先办理变更备案"));
            }
        } else {
            if (r.beds() != null) {
                v.add(new Violation("beds", "托育机构的场所登记托位，不登记床位"));
            }
            if (r.slots() == null) {
                v.add(new Violation("slots", "托育机构的场所须登记托位"));
                return v;
            }
            var s = r.slots();
            total = s.total();
            part(v, "slots.inclusive", "普惠托位", s.inclusive(), total);
            part(v, "slots.infant", "乳儿班托位", s.infant(), total);
            part(v, "slots.toddler", "托小班托位", s.toddler(), total);
            part(v, "slots.older", "托大班托位", s.older(), total);
            sum(v, "slots", "各年龄段托位之和", total, s.infant(), s.toddler(), s.older());
            if (total > site.filedCapacity) {
                v.add(new Violation("slots.total", "托位总数 " + total + " 超过备案托位 " + site.filedCapacity
                        + "，增加托位须先办理变更备案"));
            }
        }
        if (r.occupied() != null && r.occupied() > total) {
            v.add(new Violation("occupied", "在住（在托）人数 " + r.occupied() + " 超过总数 " + total));
        }
        if (r.services() != null) {
            r.services().stream().filter(s -> s.sector != sector).map(ServiceOffered::name).sorted().forEach(s ->
                    v.add(new Violation("services", "服务项目 " + s + " 不属于本机构所在领域")));
        }
        if (r.townshipCode() != null && !r.townshipCode().startsWith(site.divisionCode)) {
            v.add(new Violation("townshipCode", "乡镇（街道）代码应属于场所所在县（区）" + site.divisionCode));
        }
        return v;
    }

    private static void part(List<Violation> v, String field, String what, Integer part, int total) {
        if (part != null && part > total) {
            v.add(new Violation(field, what + " " + part + " 超过总数 " + total));
        }
    }

    private static void sum(List<Violation> v, String field, String what, int total, Integer... parts) {
        int sum = 0;
        for (Integer p : parts) {
            sum += p == null ? 0 : p;
        }
        if (sum > total) {
            v.add(new Violation(field, what + " " + sum + " 超过总数 " + total));
        }
    }

    private static String join(Collection<? extends Enum<?>> values) {
        return values == null ? "" : values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Map<String, Object> snapshot(Site s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("beds", List.of(Objects.toString(s.bedsTotal), Objects.toString(s.bedsNursing),
                Objects.toString(s.bedsInclusive), Objects.toString(s.bedsSafetyNet), Objects.toString(s.bedsMedical)));
        m.put("slots", List.of(Objects.toString(s.slotsTotal), Objects.toString(s.slotsInclusive),
                Objects.toString(s.slotsInfant), Objects.toString(s.slotsToddler), Objects.toString(s.slotsOlder)));
        m.put("careModes", s.careModes);
        m.put("services", s.services);
        m.put("occupied", Objects.toString(s.occupied));
        m.put("townshipCode", Objects.toString(s.townshipCode));
        return m;
    }
}
