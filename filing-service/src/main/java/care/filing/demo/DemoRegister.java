package care.filing.demo;

import care.contracts.division.Divisions;
import care.contracts.division.Divisions.Division;
import care.contracts.event.InstitutionKind;
import care.contracts.event.Ownership;
import care.contracts.event.Sector;
import care.contracts.validation.Identifiers;
import care.filing.filing.domain.Filing;
import care.filing.filing.domain.FilingRepository;
import care.filing.filing.domain.FilingStatus;
import care.filing.filing.domain.FilingType;
import care.filing.filing.domain.InstitutionFacts;
import care.filing.filing.service.Approvals;
import care.filing.filing.service.Workflow;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Demo data for the local stack only ({@code care.demo.institutions} > 0): a register of Kunming and Qujing
 * institutions, generated from a fixed seed, filed and approved through the same {@link Approvals} as a reviewer's,
 * so the registry and the subsidy service receive them as ordinary FilingApproved events, each with its audit trail
 * (submitted, accepted, approved). Demo filings carry no uploaded materials. Runs on an empty database.
 */
@ApplicationScoped
public class DemoRegister {

    private static final Logger LOG = Logger.getLogger(DemoRegister.class);
    private static final long SEED = 20221129L; // the date of Kunming's 整体解决方案

    private static final String[] ELDERLY_WORDS = {"康乐", "福寿", "颐养", "夕阳红", "松鹤", "安康", "慈爱", "长青",
            "怡心", "椿萱", "福康", "康宁", "乐龄", "晚晴", "同心", "仁爱"};
    private static final String[] CHILD_WORDS = {"童心", "小树苗", "蒲公英", "七彩", "阳光", "启航", "贝贝", "小太阳",
            "萌芽", "星星", "彩虹", "橡果"};
    private static final String[] STREETS = {"人民路", "北京路", "学府路", "环城路", "建设路", "文化路", "和平路",
            "民族路", "春城路", "东风路", "金星路", "园博路"};
    private static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "段", "普"};
    private static final String[] GIVEN = {"丽", "强", "伟", "芳", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰"};

    private final FilingRepository filings;
    private final Approvals approvals;
    private final Workflow workflow;
    private final int count;

    public DemoRegister(FilingRepository filings, Approvals approvals, Workflow workflow,
                        @ConfigProperty(name = "care.demo.institutions", defaultValue = "0") int count) {
        this.filings = filings;
        this.approvals = approvals;
        this.workflow = workflow;
        this.count = count;
    }

    @Transactional
    void seed(@Observes StartupEvent startup) {
        if (count <= 0 || filings.count() > 0) {
            return;
        }
        List<Division> counties = Stream.of("530100", "530300").flatMap(c -> Divisions.countiesOf(c).stream()).toList();
        Random random = new Random(SEED);
        Instant start = Instant.parse("2023-01-03T01:30:00Z");
        for (int i = 0; i < count; i++) {
            Division county = counties.get(i % counties.size());
            Filing filing = generate(random, county, i);
            filing.createdAt = start.plus(Duration.ofHours(7L * i));
            filings.persist(filing);
            workflow.move(filing, FilingStatus.SUBMITTED, "SUBMIT", filing.applicant, null,
                    filing.createdAt.plus(Duration.ofHours(2)));
            String reviewer = (filing.institution.sector() == Sector.ELDERLY ? "mz-" : "wj-") + county.code();
            approvals.accept(filing, reviewer, null, filing.submittedAt.plus(Duration.ofDays(1)));
            approvals.approve(filing, reviewer, "材料齐全，准予备案", filing.submittedAt.plus(Duration.ofDays(3)));
        }
        LOG.infof("demo register: %d institutions filed and approved", count);
    }

    private static Filing generate(Random random, Division county, int index) {
        boolean elderly = random.nextInt(100) < 60;
        Sector sector = elderly ? Sector.ELDERLY : Sector.CHILDCARE;
        List<InstitutionKind> kinds = Stream.of(InstitutionKind.values()).filter(k -> k.sector == sector).toList();
        InstitutionKind kind = kinds.get(random.nextInt(kinds.size()));
        String countyName = county.name().replaceAll("(彝族|苗族|回族)+自治县$", "县");
        String word = elderly ? pick(random, ELDERLY_WORDS) : pick(random, CHILD_WORDS);

        // the draws in this order, so the seed gives the same register as before
        Ownership ownership = ownership(random, kind);
        String name = countyName + word + nameSuffix(kind) + (index >= 200 ? "（" + (index / 200 + 1) + "部）" : "");
        String city = county.parentCode();
        String address = county.name() + pick(random, STREETS) + (1 + random.nextInt(400)) + "号";
        String legalRepresentative = pick(random, SURNAMES) + pick(random, GIVEN) + pick(random, GIVEN);
        String phone = (city.equals("530100") ? "0871-" : "0874-") + (60000000 + random.nextInt(9999999));

        Filing filing = new Filing();
        filing.id = UUID.nameUUIDFromBytes(("demo-filing-" + index).getBytes());
        filing.type = FilingType.NEW;
        filing.status = FilingStatus.DRAFT;
        // 52 = 民政-registered social-service organisation, 91 = enterprise; the serial keeps codes unique
        String registrar = ownership == Ownership.PUBLIC ? "12" : (elderly ? "52" : "91");
        filing.uscc = Identifiers.completeUscc(registrar + county.code() + "DM" + "%07d".formatted(index));
        filing.institution = new InstitutionFacts(sector, name, kind, ownership, city, county.code(), address,
                legalRepresentative, phone, capacity(random, kind));
        filing.applicant = "demo-import";
        return filing;
    }

    private static String nameSuffix(InstitutionKind kind) {
        return switch (kind) {
            case RURAL_NURSING_HOME -> "敬老院";
            case URBAN_PUBLIC_WELFARE -> "社会福利院";
            case PRIVATE_CARE_HOME -> "养老院";
            case HOME_CARE_CENTER -> "居家养老服务中心";
            case MUTUAL_AID_STATION -> "互助养老服务站";
            case ELDERLY_CANTEEN -> "老年幸福食堂";
            case MEDICAL_ELDERLY_CARE -> "医养结合中心";
            case STREET_CARE_CENTER -> "街道综合养老服务中心";
            case RURAL_REGIONAL_CENTER -> "区域养老服务中心";
            case COUNTY_DISABILITY_CARE -> "失能照护中心";
            case FULL_DAYCARE -> "托育园";
            case NURSERY_KINDERGARTEN -> "托幼园";
            case KINDERGARTEN_CLASS -> "幼儿园（托班）";
            case COMMUNITY_POINT -> "社区托育点";
            case FAMILY_NEIGHBOUR -> "邻托点";
            case WORKPLACE -> "职工托育室";
            case MEDICAL_CHILDCARE -> "医育融合托育中心";
            case OTHER_CHILDCARE -> "托育中心";
        };
    }

    private static Ownership ownership(Random random, InstitutionKind kind) {
        return switch (kind) {
            case RURAL_NURSING_HOME, URBAN_PUBLIC_WELFARE, COUNTY_DISABILITY_CARE -> Ownership.PUBLIC;
            case PRIVATE_CARE_HOME -> Ownership.PRIVATE;
            default -> Ownership.values()[random.nextInt(Ownership.values().length)];
        };
    }

    private static int capacity(Random random, InstitutionKind kind) {
        return switch (kind) {
            case MUTUAL_AID_STATION, ELDERLY_CANTEEN, FAMILY_NEIGHBOUR -> 5 + random.nextInt(20);
            case COMMUNITY_POINT, KINDERGARTEN_CLASS, WORKPLACE -> 20 + random.nextInt(60);
            case FULL_DAYCARE, NURSERY_KINDERGARTEN, MEDICAL_CHILDCARE, OTHER_CHILDCARE -> 30 + random.nextInt(120);
            default -> 30 + random.nextInt(270);
        };
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }
}
