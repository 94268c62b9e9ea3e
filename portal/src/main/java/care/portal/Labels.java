package care.portal;

import io.quarkus.qute.TemplateData;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Chinese labels for the API's codes, and the GB/T 2260 table (shared with contracts) for the pickers. */
@TemplateData
public final class Labels {

    public record Option(String code, String label, String group) {
    }

    public record City(String code, String name, List<Option> counties) {
    }

    public static final Labels INSTANCE = new Labels();

    public final Map<String, String> types = ordered(
            "NEW", "新设备案", "CHANGE", "变更备案", "ADD_SITE", "增加经营场所", "CLOSE", "注销备案");
    public final Map<String, String> sectors = ordered("ELDERLY", "养老", "CHILDCARE", "托育");
    public final Map<String, String> ownerships = ordered("PUBLIC", "公办", "PRIVATE", "民办",
            "PUBLIC_BUILT_PRIVATE_RUN", "公建民营", "PRIVATE_WITH_PUBLIC_AID", "民办公助");
    public final Map<String, String> statuses = ordered("DRAFT", "草稿", "SUBMITTED", "已提交", "ACCEPTED", "已受理",
            "RETURNED", "退回补正", "APPROVED", "已备案", "REJECTED", "不予备案", "WITHDRAWN", "已撤回");
    public final Map<String, String> actions = ordered("CREATE", "创建草稿", "EDIT", "修改信息",
            "MATERIAL_UPLOAD", "上传材料", "MATERIAL_DELETE", "删除材料", "SUBMIT", "提交", "RESUBMIT", "补正后重新提交",
            "ACCEPT", "受理", "APPROVE", "准予备案", "RETURN", "退回补正", "REJECT", "不予备案", "WITHDRAW", "撤回");
    public final Map<String, String> staffRoles = ordered("ELDERLY_CAREGIVER", "养老护理员", "NURSERY_TEACHER", "保育员",
            "INFANT_CARER", "育婴员", "HEALTH_WORKER", "保健人员", "NURSE", "护士", "DOCTOR", "医生",
            "SOCIAL_WORKER", "社会工作者", "OTHER", "其他");
    /** contracts CertificateType: the closed list the registry accepts */
    public final Map<String, String> certificateTypes = ordered("ELDERLY_CARE_SKILL", "养老护理员职业技能等级证书",
            "ELDERLY_CARE_QUALIFICATION", "养老护理员职业资格证书", "NURSERY_TEACHER_SKILL", "保育员职业技能等级证书",
            "INFANT_CARER_SKILL", "育婴员职业技能等级证书", "CHILDCARE_HEALTH_TRAINING", "托育机构保健人员培训合格证",
            "NURSE_LICENCE", "护士执业证书", "DOCTOR_LICENCE", "医师执业证书", "SOCIAL_WORKER", "社会工作者职业水平证书");
    public final Map<String, String> grades = ordered("LEVEL_5", "五级/初级工", "LEVEL_4", "四级/中级工",
            "LEVEL_3", "三级/高级工", "LEVEL_2", "二级/技师", "LEVEL_1", "一级/高级技师");
    public final Map<String, String> batchStatuses = ordered("GENERATING", "生成中", "GENERATED", "待审核",
            "EMPTY", "无发放对象", "APPROVED", "已审核", "REJECTED", "已驳回", "RELEASED", "已下达财政", "FAILED", "生成失败");
    public final Map<String, String> programmeKinds = ordered("NURSING_ALLOWANCE", "护理补助（按月）",
            "DEMONSTRATION_GRANT", "示范性补助", "CAPACITY_SUBSIDY", "新增床位/托位建设补贴");
    public final Map<String, String> paymentStatuses = ordered("DECIDED", "待纳入批次", "PENDING", "已纳入批次",
            "RELEASED", "已下达财政", "PAID", "已支付", "FAILED", "支付失败", "CANCELLED", "已取消");
    /** A payment instruction of a batch (subsidy-service's InstructionStatus), as the batch page and its CSV say it. */
    public final Map<String, String> instructionStatuses = ordered("PENDING", "待下达", "RELEASED", "已下达财政",
            "PAID", "已支付", "FAILED", "支付失败", "REVERSED", "已退汇", "CANCELLED", "已取消");
    public final Map<String, String> creditLevels = ordered("A", "A级（守信）", "B", "B级（基本守信）", "C", "C级（失信）",
            "D", "D级（严重失信）");
    /** A roster dispute (two institutions claiming one person for overlapping times). */
    public final Map<String, String> disputeStatuses = ordered("OPEN", "待核实", "DECIDED", "已核实");
    /** What a dispute's decision did to each claim (the registry's ClaimOutcome). */
    public final Map<String, String> claimOutcomes = ordered("PENDING", "待核实", "STANDS", "认定成立",
            "ENDED", "任职截至认定登记入职前一日", "REFUSED", "不予认定");
    /** A roster entry's standing (the registry's StaffStatus). */
    public final Map<String, String> staffStatuses = ordered("ACTIVE", "在册", "DISPUTED", "待县（区）主管部门核实",
            "REFUSED", "未获认定");
    public final List<Option> kinds = List.of(
            new Option("RURAL_NURSING_HOME", "农村敬老院", "ELDERLY"),
            new Option("URBAN_PUBLIC_WELFARE", "城市公办养老福利机构", "ELDERLY"),
            new Option("PRIVATE_CARE_HOME", "社会力量兴办养老机构", "ELDERLY"),
            new Option("HOME_CARE_CENTER", "城乡居家养老服务中心", "ELDERLY"),
            new Option("MUTUAL_AID_STATION", "互助养老服务站", "ELDERLY"),
            new Option("ELDERLY_CANTEEN", "老年幸福食堂", "ELDERLY"),
            new Option("MEDICAL_ELDERLY_CARE", "医养结合机构", "ELDERLY"),
            new Option("STREET_CARE_CENTER", "街道级综合养老服务中心", "ELDERLY"),
            new Option("RURAL_REGIONAL_CENTER", "农村区域养老服务中心", "ELDERLY"),
            new Option("COUNTY_DISABILITY_CARE", "县级失能照护机构", "ELDERLY"),
            new Option("FULL_DAYCARE", "全托育机构", "CHILDCARE"),
            new Option("NURSERY_KINDERGARTEN", "托幼一体机构", "CHILDCARE"),
            new Option("KINDERGARTEN_CLASS", "幼儿园提供插班服务", "CHILDCARE"),
            new Option("COMMUNITY_POINT", "社区托育点", "CHILDCARE"),
            new Option("FAMILY_NEIGHBOUR", "家庭邻托", "CHILDCARE"),
            new Option("WORKPLACE", "用人单位托育", "CHILDCARE"),
            new Option("MEDICAL_CHILDCARE", "医育融合托育机构", "CHILDCARE"),
            new Option("OTHER_CHILDCARE", "其他托育机构", "CHILDCARE"));
    /** What a site offers (the registry's SiteService), by 领域. */
    public final List<Option> siteServices = List.of(
            new Option("RESIDENTIAL_CARE", "机构住养", "ELDERLY"), new Option("MEAL_AID", "助餐", "ELDERLY"),
            new Option("BATH_AID", "助浴", "ELDERLY"), new Option("DAY_CARE", "日间照料", "ELDERLY"),
            new Option("HOME_VISIT", "上门服务", "ELDERLY"), new Option("REHABILITATION", "康复护理", "ELDERLY"),
            new Option("MEDICAL_CARE", "医疗服务", "ELDERLY"), new Option("RESPITE", "喘息服务", "ELDERLY"),
            new Option("DISABILITY_CARE", "失能照护", "ELDERLY"),
            new Option("CHILD_MEALS", "膳食", "CHILDCARE"), new Option("CHILD_HEALTH", "卫生保健", "CHILDCARE"),
            new Option("EARLY_EDUCATION", "早期发展指导", "CHILDCARE"),
            new Option("PARENT_GUIDANCE", "家庭养育指导", "CHILDCARE"), new Option("EXTENDED_HOURS", "延时托", "CHILDCARE"));
    /** How a 托育 site takes children (the registry's CareMode). */
    public final Map<String, String> careModes = ordered("FULL_DAY", "全日托", "HALF_DAY", "半日托", "HOURLY", "计时托",
            "TEMPORARY", "临时托");
    public final Map<String, String> kindNames = new LinkedHashMap<>();
    public final List<City> cities;
    public final Map<String, String> divisionNames = new LinkedHashMap<>();
    /** The filing fields a reviewer may name in a return (补正), with their labels. */
    public final Map<String, String> fields = ordered("institutionName", "机构名称", "kind", "机构类型",
            "ownership", "举办性质", "address", "住所（地址）", "legalRepresentative", "法定代表人",
            "contactPhone", "联系电话", "capacity", "床位/托位数", "nursingBeds", "护理型床位数", "siteName", "场所名称", "siteAddress", "场所地址",
            "siteCapacity", "场所床位/托位数", "closeReason", "注销原因");
    /** Reasons a reviewer often gives for a return (退回补正), offered in its inputs; each can be edited. */
    public final List<String> returnReasons = List.of("材料不清晰，请重新扫描后上传", "缺少签字或盖章，请补齐后重新上传",
            "材料已超过有效期，请上传有效期内的材料", "材料内容与填报信息不一致，请核对", "上传的不是所需材料，请上传正确的材料",
            "填报信息有误，请核对后修改", "材料不完整，缺少页码或附件");
    /** Labels of the site and contact fields, for a refusal not placed at a field of the page. */
    public final Map<String, String> siteFields = ordered("beds", "床位", "slots", "托位", "beds.total", "床位总数",
            "slots.total", "托位总数", "services", "服务项目", "occupied", "在住（在托）人数", "townshipCode", "乡镇（街道）代码",
            "contactPerson", "联系人", "contactPhone", "联系电话", "contactEmail", "电子邮箱");

    private Labels() {
        kinds.forEach(k -> kindNames.put(k.code(), k.label()));
        List<City> loaded = new ArrayList<>();
        try (var in = Labels.class.getResourceAsStream("/divisions/530000.tsv");
             var reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8))) {
            List<String[]> rows = reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t", -1)).toList();
            rows.forEach(r -> divisionNames.put(r[0], r[1]));
            for (String[] city : rows) {
                if (city[0].endsWith("00") && !city[0].endsWith("0000")) {
                    loaded.add(new City(city[0], city[1], rows.stream().filter(r -> city[0].equals(r[2]))
                            .map(r -> new Option(r[0], r[1], city[0])).toList()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cities = List.copyOf(loaded);
    }

    public String type(Object code) {
        return label(types, code);
    }

    public String status(Object code) {
        return label(statuses, code);
    }

    public String action(Object code) {
        return label(actions, code);
    }

    public String batchStatus(Object code) {
        return label(batchStatuses, code);
    }

    /** A grant's payment: DECIDED (no payment instruction yet) waits for the programme's next batch. */
    public String payment(Object code) {
        return label(paymentStatuses, code);
    }

    public String instruction(Object code) {
        return label(instructionStatuses, code);
    }

    /** The counties of the city of a division code (a city's or a county's), for a city-wide user's county filter. */
    public List<Option> countiesOf(Object division) {
        String city = String.valueOf(division).length() == 6 ? String.valueOf(division).substring(0, 4) + "00" : "";
        return cities.stream().filter(c -> c.code().equals(city)).findFirst().map(City::counties).orElse(List.of());
    }

    /** Who set a programme parameter: a person's account, or the platform's own initial values (the seed data). */
    public String setter(Object createdBy) {
        return "seed".equals(createdBy) ? "平台初始设定" : String.valueOf(createdBy);
    }

    /** A credit level (信用等级 A–D, the registry's CreditLevel) in words. */
    public String credit(Object level) {
        return label(creditLevels, level);
    }

    public String programmeKind(Object code) {
        return label(programmeKinds, code);
    }

    /** A programme's rate key: a certificate grade (nursing allowance) or PER_UNIT (capacity subsidy). */
    public String rateKey(Object code) {
        String key = String.valueOf(code);
        return "PER_UNIT".equals(key) ? "每床位/托位" : grades.getOrDefault(key, key);
    }

    public String kind(Object code) {
        return code == null ? "" : label(kindNames, code);
    }

    public String ownership(Object code) {
        return code == null ? "" : label(ownerships, code);
    }

    public String sector(Object code) {
        return code == null ? "" : label(sectors, code);
    }

    public String division(Object code) {
        return code == null ? "" : label(divisionNames, code);
    }

    public String disputeStatus(Object code) {
        return label(disputeStatuses, code);
    }

    public String outcome(Object code) {
        return label(claimOutcomes, code);
    }

    public String staffStatus(Object code) {
        return label(staffStatuses, code);
    }

    /** The competent department of a sector: 民政 for 养老, 卫健 for 托育. */
    public String department(Object sector) {
        return switch (String.valueOf(sector)) {
            case "ELDERLY" -> "民政部门";
            case "CHILDCARE" -> "卫健部门";
            default -> "主管部门";
        };
    }

    /** A county with its city (昆明市 五华区): a dispute may involve institutions of two cities. */
    public String place(Object divisionCode) {
        String code = divisionCode == null ? "" : divisionCode.toString();
        if (code.length() != 6) {
            return division(code);
        }
        String city = code.substring(0, 4) + "00";
        return city.equals(code) ? division(code) : division(city) + " " + division(code);
    }

    public String field(Object code) {
        String name = String.valueOf(code);
        if (name.equals("items") || name.startsWith("items[")) { // a return's list of what to fix, not a field
            return "补正事项";
        }
        return fields.getOrDefault(name, siteFields.getOrDefault(name, name));
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** The Chinese name of a code, or the code itself where there is none (never a blank cell). */
    private static String label(Map<String, String> names, Object code) {
        return names.getOrDefault(String.valueOf(code), String.valueOf(code));
    }
}
