package care.subsidy.programme;

import care.contracts.event.CertificateType;
import care.contracts.event.InstitutionKind;
import care.contracts.event.Ownership;
import care.deploy.CareTestResource;
import care.deploy.Tokens;
import care.subsidy.Api;
import care.subsidy.Registry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static care.contracts.event.CertificateGrade.LEVEL_4;
import static care.contracts.event.StaffRole.ELDERLY_CAREGIVER;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pay only what a plan says, to whom it says, for as long as it says (issue 17): who counts for Kunming's 护理补助,
 * a programme's end, 示范 designations, the capacity baseline, and programme kinds as data.
 */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "subsidy"))
class PolicyFidelityTest {

    static final LocalDate LONG_AGO = LocalDate.of(2024, 1, 1);
    /** A month no other test class batches for KM-NURSING. */
    static final String PERIOD = "2026-07";

    @Inject
    EntityManager em;

    @Test
    void kunmingPaysOnlyA养老护理CertificateAtA养老机构() {
        Api.extended("admin-530100", "KM-NURSING");
        Registry registry = new Registry();
        var home = registry.institution("530102", Ownership.PRIVATE, InstitutionKind.PRIVATE_CARE_HOME, LONG_AGO, 60);
        var centre = registry.institution("530102", Ownership.PRIVATE, InstitutionKind.HOME_CARE_CENTER, LONG_AGO, 0);
        var canteen = registry.institution("530102", Ownership.PRIVATE, InstitutionKind.ELDERLY_CANTEEN, LONG_AGO, 0);
        String certified = caregiver(registry, home, CertificateType.ELDERLY_CARE_SKILL);
        String oldQualification = caregiver(registry, home, CertificateType.ELDERLY_CARE_QUALIFICATION);
        String infantCarer = caregiver(registry, home, CertificateType.INFANT_CARER_SKILL);
        String nurse = caregiver(registry, home, CertificateType.NURSE_LICENCE);
        String untyped = caregiver(registry, home, null); // free text before the list, or an older event
        String atCentre = caregiver(registry, centre, CertificateType.ELDERLY_CARE_SKILL);
        String atCanteen = caregiver(registry, canteen, CertificateType.ELDERLY_CARE_SKILL);
        registry.awaitApplied(em);

        JsonPath batch = Api.generate("admin-530100", "KM-NURSING", PERIOD);
        List<Map<String, Object>> lines = Api.instructions("admin-530100", batch.getString("id"));
        assertEquals(1, Api.of(lines, certified).size(), "养老护理员职业技能等级证书 at a 社会力量兴办养老机构");
        assertEquals(1, Api.of(lines, oldQualification).size(), "养老护理员职业资格证书 is a 养老护理 certificate too");
        assertEquals(List.of(), Api.of(lines, infantCarer), "育婴员 is not a 养老护理 certificate");
        assertEquals(List.of(), Api.of(lines, nurse), "护士执业证书 is not a 养老护理 certificate");
        assertEquals(List.of(), Api.of(lines, untyped), "a certificate of unknown type counts for nothing");
        assertEquals(List.of(), Api.of(lines, atCentre), "a 居家养老服务中心 is not a 养老机构 in 000's counting");
        assertEquals(List.of(), Api.of(lines, atCanteen), "nor a 老年幸福食堂");
        Api.approveAndRelease("mz-530100", "admin2-530100", batch.getString("id"));

        given().auth().oauth2(Tokens.of("mz-530100")).get("/api/subsidy/programmes/KM-NURSING").then().statusCode(200)
                .body("kindName", equalTo("护理补助"))
                .body("section", equalTo("三（八）19"))
                .body("versions[0].eligibleKinds", equalTo(List.of("PRIVATE_CARE_HOME", "RURAL_NURSING_HOME",
                        "URBAN_PUBLIC_WELFARE")))
                .body("versions[0].eligibleCertificateTypes", equalTo(List.of("ELDERLY_CARE_QUALIFICATION",
                        "ELDERLY_CARE_SKILL")));
    }

    @Test
    void aPeriodAfterTheLastVersionsEndIsRefusedUntilSomeoneExtendsIt() {
        Registry registry = new Registry(); // someone the pilot pays, so its batch has a line to approve
        var home = registry.institution("530102", Ownership.PRIVATE, InstitutionKind.PRIVATE_CARE_HOME, LONG_AGO, 30);
        String paid = caregiver(registry, home, CertificateType.ELDERLY_CARE_SKILL);
        registry.awaitApplied(em);
        String code = "KM-NURSING-PILOT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON)
                .body(Map.of("code", code, "kind", "NURSING_ALLOWANCE", "sector", "ELDERLY", "name", "护理补助试点",
                        "document", "昆明市促进养老托育服务体系发展整体解决方案", "section", "三（八）19",
                        "sentence", "按照不同等级分别给予每人每月50至150元的护理补助。"))
                .post("/api/subsidy/programmes").then().statusCode(201).body("inForce", equalTo(false));
        Map<String, Object> version = new HashMap<>();
        version.put("effectiveFrom", "2025-01-01");
        version.put("effectiveUntil", "2025-03-31");
        version.put("eligibleRole", "ELDERLY_CAREGIVER");
        version.put("eligibleOwnerships", List.of("PRIVATE"));
        version.put("eligibleKinds", List.of("PRIVATE_CARE_HOME"));
        version.put("eligibleCertificateTypes", List.of("ELDERLY_CARE_SKILL"));
        version.put("ratesFen", Map.of("LEVEL_5", 5000, "LEVEL_4", 10000, "LEVEL_3", 15000, "LEVEL_2", 15000,
                "LEVEL_1", 15000));
        version.put("source", "第19条（测试）");
        Map<String, Object> wrongKind = new HashMap<>(version);
        wrongKind.put("eligibleKinds", List.of("FULL_DAYCARE"));
        postVersion(code, wrongKind).then().statusCode(400).body("violations[0].field", equalTo("eligibleKinds"));
        Map<String, Object> midMonth = new HashMap<>(version);
        midMonth.put("effectiveUntil", "2025-03-15");
        postVersion(code, midMonth).then().statusCode(400).body("violations[0].field", equalTo("effectiveUntil"));
        long id = postVersion(code, version).then().statusCode(201).body("effectiveUntil", equalTo("2025-03-31"))
                .extract().jsonPath().getLong("id");

        given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON)
                .body(Map.of("programmeCode", code, "period", "2025-04"))
                .post("/api/subsidy/batches").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("PROGRAMME_ENDED")).body("title", equalTo("补贴项目参数已到期"))
                .body("detail", containsString("2025-03-31"));
        given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON)
                .body(Map.of("programmeCode", code, "period", "2024-12"))
                .post("/api/subsidy/batches").then().statusCode(422).body("code", equalTo("NO_PARAMETERS"));

        // an extension names its basis and who made it; then April is in force
        given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON)
                .body(Map.of("effectiveUntil", "2025-06-30"))
                .post("/api/subsidy/programmes/" + code + "/versions/" + id + "/extension").then().statusCode(400)
                .body("violations[0].field", equalTo("source"));
        given().auth().oauth2(Tokens.of("mz-530100")).contentType(ContentType.JSON)
                .body(Map.of("effectiveUntil", "2025-06-30", "source", "昆政办〔2026〕1号"))
                .post("/api/subsidy/programmes/" + code + "/versions/" + id + "/extension").then().statusCode(403);
        given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON)
                .body(Map.of("effectiveUntil", "2025-06-30", "source", "昆政办〔2026〕1号：试点延续至6月"))
                .post("/api/subsidy/programmes/" + code + "/versions/" + id + "/extension").then().statusCode(200)
                .body("effectiveUntil", equalTo("2025-06-30")).body("extendedBy", equalTo("admin-530100"))
                .body("extensionSource", equalTo("昆政办〔2026〕1号：试点延续至6月"));
        JsonPath april = Api.generate("admin-530100", code, "2025-04");
        assertEquals(1, Api.of(Api.instructions("admin-530100", april.getString("id")), paid).size());
        Api.approveAndRelease("mz-530100", "admin2-530100", april.getString("id"));
        given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON)
                .body(Map.of("programmeCode", code, "period", "2025-07"))
                .post("/api/subsidy/batches").then().statusCode(422).body("code", equalTo("PROGRAMME_ENDED"));
        // April is batched: its end can no longer move before it
        given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON)
                .body(Map.of("effectiveUntil", "2025-03-31", "source", "提前结束"))
                .post("/api/subsidy/programmes/" + code + "/versions/" + id + "/extension").then().statusCode(409)
                .body("code", equalTo("PERIOD_ALREADY_BATCHED"));
    }

    @Test
    void a示范GrantNeedsTheRegistersDesignationOrACommunityFacility() {
        Api.extended("admin-530100", "KM-DEMO-GRANT");
        Registry registry = new Registry();
        var undesignated = registry.institution("530102", Ownership.PRIVATE, InstitutionKind.FULL_DAYCARE, LONG_AGO, 40);
        var designated = registry.institution("530102", Ownership.PRIVATE, InstitutionKind.FULL_DAYCARE, LONG_AGO, 40);
        registry.changed(designated, "FILED", LONG_AGO, 40, true, true);
        var communityPoint = registry.institution("530102", Ownership.PRIVATE, InstitutionKind.COMMUNITY_POINT,
                LONG_AGO, 20);
        registry.awaitApplied(em);

        demonstration(undesignated.id()).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("NOT_DESIGNATED")).body("title", equalTo("机构未被认定为示范性托育机构"))
                .body("detail", containsString("示范性婴幼儿照护服务机构"));
        demonstration(designated.id()).then().statusCode(201).body("basis", containsString("示范性认定"));
        demonstration(communityPoint.id()).then().statusCode(201).body("basis", containsString("社区托育点"));
        given().auth().oauth2(Tokens.of("wj-530102")).get("/api/subsidy/grants").then().statusCode(200)
                .body("institutionId", hasItem(designated.id().toString()));
    }

    @Test
    void aCapacityGrantCountsOnlyCapacityFiledAfterTheBaseline() {
        Registry registry = new Registry();
        // 50 beds long before the baseline, 80 from April 2026: 30 are new
        var grown = registry.institution("530302", Ownership.PRIVATE, InstitutionKind.PRIVATE_CARE_HOME, LONG_AGO, 50);
        registry.changed(grown, "FILED", LocalDate.of(2026, 4, 1), 80, true, false);
        var notInclusive = registry.institution("530302", Ownership.PRIVATE, InstitutionKind.PRIVATE_CARE_HOME,
                LocalDate.of(2026, 2, 1), 40);
        var publicHome = registry.institution("530302", Ownership.PUBLIC, InstitutionKind.URBAN_PUBLIC_WELFARE,
                LocalDate.of(2026, 2, 1), 40);
        registry.changed(publicHome, "FILED", LocalDate.of(2026, 2, 1), 40, true, false);
        registry.awaitApplied(em);

        Map<String, Object> version = new HashMap<>(Map.of("effectiveFrom", "2026-01-01",
                "eligibleOwnerships", List.of("PRIVATE", "PRIVATE_WITH_PUBLIC_AID"), "inclusiveOnly", true,
                "ratesFen", Map.of("PER_UNIT", 100000), "source", "曲靖市养老床位建设补贴标准（测试）"));
        postVersion("QJ-CAPACITY-ELDERLY", version).then().statusCode(400)
                .body("violations[0].field", equalTo("baselineDate"));
        version.put("baselineDate", "2025-12-31");
        postVersion("QJ-CAPACITY-ELDERLY", version).then().statusCode(201)
                .body("baselineDate", equalTo("2025-12-31")).body("inclusiveOnly", equalTo(true));

        capacity(grown.id(), "QJ-CAPACITY-ELDERLY").then().statusCode(201).body("units", equalTo(30))
                .body("amountFen", equalTo(3_000_000)).body("basis", containsString("基准日 2025-12-31 已备案 50"));
        capacity(grown.id(), "QJ-CAPACITY-ELDERLY").then().statusCode(422).body("code", equalTo("NO_NEW_CAPACITY"));
        capacity(notInclusive.id(), "QJ-CAPACITY-ELDERLY").then().statusCode(422).body("code", equalTo("NOT_INCLUSIVE"));
        capacity(publicHome.id(), "QJ-CAPACITY-ELDERLY").then().statusCode(422).body("code", equalTo("NOT_ELIGIBLE"));
    }

    @Test
    void aCityConfigures运营补贴AsDataAndChoosesTheProgrammeOfADecision() {
        given().auth().oauth2(Tokens.of("admin-530300")).get("/api/subsidy/programmes/kinds").then().statusCode(200)
                .body("code", hasItem("OPERATION_SUBSIDY")).body("code", hasItem("AWARD_SUBSIDY"))
                .body("find { it.code == 'AWARD_SUBSIDY' }.name", equalTo("以奖代补"))
                .body("find { it.code == 'AWARD_SUBSIDY' }.section", equalTo("三（四）5"));
        Map<String, Object> programme = new HashMap<>(Map.of("code", "QJ-OPERATION-CHILDCARE",
                "kind", "OPERATION_SUBSIDY", "sector", "CHILDCARE", "name", "曲靖市托育机构运营补贴",
                "document", "曲靖市“一老一小”整体解决方案", "section", "三（四）5",
                "sentence", "鼓励各县（市、区）采取建设补贴、运营补贴或者以奖代补等形式，优先支持普惠性养老托育机构发展。"));
        Map<String, Object> unknownKind = new HashMap<>(programme);
        unknownKind.put("kind", "LOTTERY");
        createProgramme(unknownKind).then().statusCode(400).body("violations[0].field", equalTo("kind"));
        given().auth().oauth2(Tokens.of("wj-530300")).contentType(ContentType.JSON).body(programme)
                .post("/api/subsidy/programmes").then().statusCode(403);
        createProgramme(programme).then().statusCode(201).body("kindName", equalTo("运营补贴"))
                .body("calculation", equalTo("PER_NEW_UNIT")).body("versions.size()", equalTo(0));
        createProgramme(programme).then().statusCode(409).body("code", equalTo("PROGRAMME_EXISTS"));
        given().auth().oauth2(Tokens.of("admin-530100")).get("/api/subsidy/programmes/QJ-OPERATION-CHILDCARE")
                .then().statusCode(404);

        Registry registry = new Registry();
        var nursery = registry.institution("530302", Ownership.PRIVATE, InstitutionKind.FULL_DAYCARE,
                LocalDate.of(2026, 3, 1), 25);
        registry.awaitApplied(em);
        postVersion("QJ-OPERATION-CHILDCARE", Map.of("effectiveFrom", "2026-01-01", "baselineDate", "2025-12-31",
                "eligibleOwnerships", List.of("PRIVATE"), "ratesFen", Map.of("PER_UNIT", 20000),
                "source", "曲靖市托育机构运营补贴标准（测试）")).then().statusCode(201).body("effectiveUntil", nullValue());
        // two capacity programmes for 托育 in Qujing now: the decision names one (QJ-CAPACITY-CHILDCARE may have no
        // parameters yet, depending on which test ran first)
        capacity(nursery.id(), null, "wj-530302").then().statusCode(400)
                .body("violations[0].field", equalTo("programmeCode"));
        capacity(nursery.id(), "QJ-OPERATION-CHILDCARE", "wj-530302").then().statusCode(201)
                .body("programmeCode", equalTo("QJ-OPERATION-CHILDCARE")).body("units", equalTo(25));
    }

    private static String caregiver(Registry registry, Registry.Institution at, CertificateType type) {
        String key = Registry.person();
        registry.roster(UUID.randomUUID(), at, key, ELDERLY_CAREGIVER, LEVEL_4, type, LONG_AGO, null, LONG_AGO, null);
        return key;
    }

    private static io.restassured.response.Response demonstration(UUID institution) {
        return given().auth().oauth2(Tokens.of("wj-530102")).contentType(ContentType.JSON)
                .body(Map.of("institutionId", institution.toString(), "amountFen", 100000, "reason", "承担区域托育指导功能",
                        "decisionNumber", "五卫〔2026〕" + UUID.randomUUID().toString().substring(0, 4) + "号"))
                .post("/api/subsidy/grants/demonstration");
    }

    private static io.restassured.response.Response capacity(UUID institution, String programme) {
        return capacity(institution, programme, "mz-530302");
    }

    private static io.restassured.response.Response capacity(UUID institution, String programme, String user) {
        Map<String, Object> body = new HashMap<>(Map.of("institutionId", institution.toString(), "reason", "新增床位备案"));
        if (programme != null) {
            body.put("programmeCode", programme);
        }
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body)
                .post("/api/subsidy/grants/capacity");
    }

    private static io.restassured.response.Response createProgramme(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of("admin-530300")).contentType(ContentType.JSON).body(body)
                .post("/api/subsidy/programmes");
    }

    private static io.restassured.response.Response postVersion(String code, Map<String, Object> body) {
        String admin = code.startsWith("QJ") ? "admin-530300" : "admin-530100";
        return given().auth().oauth2(Tokens.of(admin)).contentType(ContentType.JSON).body(body)
                .post("/api/subsidy/programmes/" + code + "/versions");
    }
}
