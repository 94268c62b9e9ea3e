package care.registry.demo;

import care.contracts.division.Divisions;
import care.contracts.event.CertificateGrade;
import care.contracts.event.CertificateType;
import care.contracts.event.InstitutionKind;
import care.contracts.event.Sector;
import care.contracts.event.StaffRole;
import care.contracts.validation.Identifiers;
import care.registry.audit.service.AuditTrail;
import care.registry.institution.domain.Institution;
import care.registry.institution.service.FilingOutcomeService.InstitutionFirstRegistered;
import care.registry.staff.domain.Education;
import care.registry.staff.domain.Staff;
import care.registry.staff.service.StaffService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Demo data for the local stack ({@code care.demo=true}): each institution gets a roster the moment it is
 * registered, generated from its USCC, so the same register always yields the same people. Sized by capacity
 * (about one carer per ten beds or seven 托位), with valid citizen IDs of Yunnan-born adults, certificates spread over
 * 五级..一级, some expired and some staff who have left. Their CaregiverChanged events reach subsidy-service like
 * any roster change.
 */
@ApplicationScoped
public class DemoRoster {

    private static final Logger LOG = Logger.getLogger(DemoRoster.class);
    static final String ACTOR = "demo-roster";

    private static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "段", "普",
            "罗", "字", "何", "马", "沙", "纳", "施", "杞"};
    private static final String[] GIVEN = {"丽", "强", "伟", "芳", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "琼",
            "梅", "红", "萍", "林", "华", "燕", "波", "兰", "春", "云", "秀"};
    private static final List<String> YUNNAN_COUNTIES = Stream.of("530100", "530300")
            .flatMap(c -> Divisions.countiesOf(c).stream()).map(Divisions.Division::code).toList();
    private static final LocalDate LATEST_START = LocalDate.of(2026, 6, 30);

    private final boolean enabled;
    private final StaffService staff;
    private final AuditTrail audit;

    /**
     * {@code care.demo.on-registration=false} keeps the demo register without rosters: deploy/bench times approvals as
     * production applies them, where an institution enters its staff after its filing, not in the approval's
     * transaction (with rosters, a third of the registry's consumer time in the benchmark went to them, and
     * subsidy-service applied their CaregiverChanged events besides).
     */
    public DemoRoster(@ConfigProperty(name = "care.demo", defaultValue = "false") boolean demo,
                      @ConfigProperty(name = "care.demo.on-registration", defaultValue = "true") boolean onRegistration,
                      StaffService staff, AuditTrail audit) {
        this.enabled = demo && onRegistration;
        this.staff = staff;
        this.audit = audit;
    }

    void onRegistered(@Observes InstitutionFirstRegistered registered) {
        if (enabled) {
            rosterFor(registered.institution());
        }
    }

    /** Gives the institution its generated roster (in the caller's transaction). */
    public void rosterFor(Institution institution) {
        Roster roster = generate(institution);
        int added = staff.addGenerated(institution, roster.entries(), roster.citizenIds());
        audit.record(ACTOR, "DEMO_ROSTER_GENERATED", "institution", institution.id, institution, Map.of("staff", added));
        LOG.debugf("demo roster of %s: %d staff", institution.uscc, added);
    }

    record Roster(List<Staff> entries, List<String> citizenIds) {
    }

    /** The roster for an institution: the same USCC always gives the same people, certificates and dates. */
    static Roster generate(Institution institution) {
        Random random = new Random(UUID.nameUUIDFromBytes(institution.uscc.getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits());
        int capacity = Math.max(institution.capacity, 10);
        List<StaffRole> roles = new ArrayList<>();
        // roughly one carer per ten beds (养老) or seven 托位 (托育): realistic, and keeps the demo stack's start quick
        int carers = institution.facts.sector == Sector.ELDERLY ? Math.max(2, Math.min(24, capacity / 10))
                : Math.max(2, Math.min(20, capacity / 7));
        if (institution.facts.sector == Sector.ELDERLY) {
            for (int n = 0; n < carers; n++) {
                roles.add(StaffRole.ELDERLY_CAREGIVER);
            }
            roles.add(StaffRole.HEALTH_WORKER);
            if (institution.facts.kind == InstitutionKind.MEDICAL_ELDERLY_CARE || capacity > 150) {
                roles.add(StaffRole.NURSE);
                roles.add(StaffRole.DOCTOR);
            }
            if (capacity > 100) {
                roles.add(StaffRole.SOCIAL_WORKER);
            }
        } else {
            for (int n = 0; n < carers; n++) {
                roles.add(n % 3 == 2 ? StaffRole.INFANT_CARER : StaffRole.NURSERY_TEACHER);
            }
            roles.add(StaffRole.HEALTH_WORKER);
            if (institution.facts.kind == InstitutionKind.MEDICAL_CHILDCARE) {
                roles.add(StaffRole.NURSE);
            }
        }
        LocalDate earliestStart = institution.filedOn == null ? LocalDate.of(2016, 1, 1)
                : institution.filedOn.minusYears(3);
        List<Staff> entries = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < roles.size(); n++) {
            StaffRole role = roles.get(n);
            Staff s = new Staff();
            s.id = UUID.nameUUIDFromBytes((institution.uscc + "/staff/" + n).getBytes(StandardCharsets.UTF_8));
            s.institutionId = institution.id;
            s.role = role;
            boolean female = random.nextInt(100) < (institution.facts.sector == Sector.CHILDCARE ? 92 : 75);
            s.name = pick(random, SURNAMES) + pick(random, GIVEN) + (random.nextBoolean() ? pick(random, GIVEN) : "");
            s.employedFrom = between(random, earliestStart, LATEST_START);
            LocalDate born = between(random, s.employedFrom.minusYears(55), s.employedFrom.minusYears(19));
            String region = random.nextInt(100) < 70 ? institution.facts.divisionCode
                    : YUNNAN_COUNTIES.get(random.nextInt(YUNNAN_COUNTIES.size()));
            int sequence = random.nextInt(500) * 2 + (female ? 0 : 1); // the 17th digit is odd for men
            ids.add(Identifiers.completeCitizenId(region + born.toString().replace("-", "") + "%03d".formatted(sequence)));
            if (random.nextInt(100) < 8) { // has left
                s.employedUntil = between(random, s.employedFrom.plusMonths(3), LATEST_START.plusMonths(3));
            }
            certificate(random, s, institution.facts.divisionCode);
            s.createdAt = Instant.now();
            s.updatedAt = s.createdAt;
            entries.add(s);
        }
        if (institution.facts.sector == Sector.CHILDCARE && !entries.isEmpty()) {
            head(institution, entries.get(0));
        }
        return new Roster(entries, ids);
    }

    /**
     * A 托育机构's first person is its head (负责人), with an education: about 70 % 大专及以上, near Qujing's target.
     * Drawn from a random of its own, so that the rest of the roster stays as it was generated before heads.
     */
    private static void head(Institution institution, Staff first) {
        Random random = new Random(UUID.nameUUIDFromBytes((institution.uscc + "/head").getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits());
        int roll = random.nextInt(100);
        first.head = true;
        first.education = roll < 45 ? Education.JUNIOR_COLLEGE : roll < 68 ? Education.BACHELOR
                : roll < 70 ? Education.POSTGRADUATE : roll < 95 ? Education.SENIOR_SECONDARY
                : Education.JUNIOR_SECONDARY_OR_BELOW;
    }

    private static void certificate(Random random, Staff s, String county) {
        s.certificateType = switch (s.role) {
            case ELDERLY_CAREGIVER -> CertificateType.ELDERLY_CARE_SKILL.name();
            case NURSERY_TEACHER -> CertificateType.NURSERY_TEACHER_SKILL.name();
            case INFANT_CARER -> CertificateType.INFANT_CARER_SKILL.name();
            case HEALTH_WORKER -> CertificateType.CHILDCARE_HEALTH_TRAINING.name();
            case NURSE -> CertificateType.NURSE_LICENCE.name();
            case DOCTOR -> CertificateType.DOCTOR_LICENCE.name();
            case SOCIAL_WORKER -> CertificateType.SOCIAL_WORKER.name();
            case OTHER -> null;
        };
        boolean graded = s.role == StaffRole.ELDERLY_CAREGIVER || s.role == StaffRole.NURSERY_TEACHER
                || s.role == StaffRole.INFANT_CARER;
        if (graded && random.nextInt(100) < 15) { // not yet certified (持证上岗率 below 100 %)
            s.certificateType = null;
            return;
        }
        s.certificateIssuedOn = between(random, s.employedFrom.minusYears(2), LATEST_START);
        s.certificateNumber = "S" + county + s.certificateIssuedOn.getYear() + "%07d".formatted(random.nextInt(10_000_000));
        if (graded) {
            int roll = random.nextInt(100); // 五级 most common, 一级 (the highest) rare
            s.certificateGrade = roll < 35 ? CertificateGrade.LEVEL_5 : roll < 65 ? CertificateGrade.LEVEL_4
                    : roll < 85 ? CertificateGrade.LEVEL_3 : roll < 95 ? CertificateGrade.LEVEL_2 : CertificateGrade.LEVEL_1;
        }
        if (random.nextInt(100) < 40) { // some certificates carry an expiry date; older ones have lapsed
            s.certificateValidUntil = s.certificateIssuedOn.plusYears(3 + random.nextInt(3));
        }
    }

    private static LocalDate between(Random random, LocalDate from, LocalDate to) {
        long days = Math.max(1, to.toEpochDay() - from.toEpochDay());
        return from.plusDays(random.nextLong(days));
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }
}
