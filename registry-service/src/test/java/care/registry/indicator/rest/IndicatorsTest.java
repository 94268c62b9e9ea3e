package care.registry.indicator.rest;

import care.contracts.ChinaTime;
import care.contracts.event.CertificateGrade;
import care.contracts.event.StaffRole;
import care.contracts.validation.Identifiers;
import care.deploy.CareTestResource;
import care.deploy.Tokens;
import care.registry.institution.domain.Institution;
import care.registry.institution.domain.InstitutionRepository;
import care.registry.institution.service.Designations;
import care.registry.institution.service.InstitutionService;
import care.registry.site.domain.SiteRepository;
import care.registry.site.service.CapacityBreakdown;
import care.registry.site.service.SiteCapacityService;
import care.registry.staff.domain.Education;
import care.registry.staff.service.StaffDetails;
import care.registry.staff.service.StaffService;
import care.registry.support.Db;
import care.registry.support.Register;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static care.registry.support.Register.approved;
import static care.registry.support.Register.site;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The indicators over a small register counted by hand, in counties no other test uses (富民县 530124, 宜良县 530125,
 * 富源县 530325). The register's records are dated by moving their recorded instants back (SQL), as if entered on
 * those days; everything else goes through the real services.
 *
 * <pre>
 * 富民县 (population entered: 常住 100,000, 60+ 20,000)
 *   甲 养老 filed 10-01, 200 beds: 护理型 130, 普惠 100, 兜底 70 (recorded 10-05); 2 social workers, 1 carer
 *   乙 养老 filed 10-01, 100 beds, no breakdown (counts 100 beds, none nursing/普惠)
 *   丙 养老 filed 10-01, 50 beds all nursing and 普惠 (10-05); 已注销 2026-11-16
 *   丁 托育 filed 10-01, 100 托位, 普惠 80 (10-05), designated 普惠 (10-10); head (本科, no certificate),
 *      2 certified teachers, 1 uncertified
 * 宜良县 (no population entered)
 *   戊 托育 filed 10-01, 40 托位, no breakdown, no staff
 * as of 2026-11-30, 富民县: beds 300 → 15.00 per 1000 aged; nursing 130/300 = 43.33 %; 普惠+兜底 170/300 = 56.67 %;
 *   social workers 2/300 × 100 = 0.67; 托位 100/100,000 × 1000 = 1.00; 普惠托位 80/100 = 80.00 % (met);
 *   持证 2/4 = 50.00 %. On 2026-10-31 (丙 still filed): 350 beds → 17.50; nursing 180/350 = 51.43 %.
 * 富源县 (曲靖): 己 托育 with a 大专 head, 庚 托育 with a 初中及以下 head → 负责人大专 1/2 = 50.00 %; 普惠机构 0/2 = 0.00 %.
 * </pre>
 */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class IndicatorsTest {

    static final LocalDate FILED = LocalDate.of(2026, 10, 1);
    static final String AS_OF = "2026-11-30";
    static final String FUMIN = "530124";
    static final String YILIANG = "530125";
    static final String FUYUAN = "530325";
    static final String JIA = uscc("52530124MJK00001"), YI = uscc("52530124MJK00002"), BING = uscc("52530124MJK00003"),
            DING = uscc("91530124MA6K0000"), WU = uscc("91530125MA6K0000"), JI = uscc("91530325MA6K0001"),
            GENG = uscc("91530325MA6K0002");
    private static boolean registered;

    @Inject
    Register register;
    @Inject
    Db db;
    @Inject
    SiteCapacityService capacity;
    @Inject
    InstitutionService institutionService;
    @Inject
    StaffService staff;
    @Inject
    InstitutionRepository institutions;
    @Inject
    SiteRepository sites;

    static String uscc(String first16) {
        return Identifiers.completeUscc(first16 + "0");
    }

    @BeforeEach
    void fixture() {
        if (registered) {
            return;
        }
        file(JIA, "富民县甲养老院", "ELDERLY", "PRIVATE_CARE_HOME", FUMIN, 200);
        file(YI, "富民县乙养老院", "ELDERLY", "PRIVATE_CARE_HOME", FUMIN, 100);
        file(BING, "富民县丙敬老院", "ELDERLY", "PRIVATE_CARE_HOME", FUMIN, 50);
        file(DING, "富民县丁托育园", "CHILDCARE", "FULL_DAYCARE", FUMIN, 100);
        file(WU, "宜良县戊托育园", "CHILDCARE", "FULL_DAYCARE", YILIANG, 40);
        file(JI, "富源县己托育园", "CHILDCARE", "FULL_DAYCARE", FUYUAN, 30);
        file(GENG, "富源县庚托育园", "CHILDCARE", "FULL_DAYCARE", FUYUAN, 30);
        beds(JIA, 200, 130, 100, 70);
        beds(BING, 50, 50, 50, 0);
        slots(DING, 100, 80);
        QuarkusTransaction.requiringNew().run(() -> institutionService.designations(
                institutions.findByUscc(DING).orElseThrow(), new Designations(true, false), null, "test"));
        db.execute("update designation_version set recorded_at = '2026-10-10T00:00:00+08:00' where institution_id = "
                + "(select id from institution where uscc = ?1)", DING);
        person(JIA, "社工甲", StaffRole.SOCIAL_WORKER, "1", false, null, false);
        person(JIA, "社工乙", StaffRole.SOCIAL_WORKER, "2", false, null, false);
        person(JIA, "护理员", StaffRole.ELDERLY_CAREGIVER, "3", true, null, false);
        person(DING, "园长", StaffRole.OTHER, "4", false, Education.BACHELOR, true);
        person(DING, "保育员甲", StaffRole.NURSERY_TEACHER, "5", true, null, false);
        person(DING, "保育员乙", StaffRole.NURSERY_TEACHER, "6", true, null, false);
        person(DING, "保育员丙", StaffRole.NURSERY_TEACHER, "7", false, null, false);
        person(JI, "己园长", StaffRole.OTHER, "8", false, Education.JUNIOR_COLLEGE, true);
        person(GENG, "庚园长", StaffRole.OTHER, "9", false, Education.JUNIOR_SECONDARY_OR_BELOW, true);
        // 丙 is closed mid-November
        register.deliver(approved(Register.id(BING + "/CLOSE/event"), Register.id(BING + "/CLOSE"), "CLOSE",
                FUMIN + "-2026-9903", LocalDate.of(2026, 11, 16), BING, "富民县丙敬老院", "ELDERLY",
                "PRIVATE_CARE_HOME", "PRIVATE", FUMIN, "测试路3号", 50, "null"));
        // every fixture record as entered on the day it describes
        db.execute("update site set created_at = '2026-10-01T00:00:00+08:00' where division_code in (?1, ?2, ?3)",
                FUMIN, YILIANG, FUYUAN);
        db.execute("update site_capacity_version set recorded_at = '2026-10-05T00:00:00+08:00' where institution_id in "
                + "(select id from institution where division_code = ?1)", FUMIN);
        db.execute("update staff set created_at = '2026-10-01T00:00:00+08:00' where institution_id in "
                + "(select id from institution where division_code in (?1, ?2))", FUMIN, FUYUAN);
        population(FUMIN, "RESIDENT", 100_000);
        population(FUMIN, "AGED_60_PLUS", 20_000);
        db.execute("update population_figure set recorded_at = '2026-09-29T00:00:00+08:00' where division_code = ?1",
                FUMIN);
        registered = true;
    }

    private void file(String uscc, String name, String sector, String kind, String county, int capacity) {
        String address = "测试路" + uscc.substring(14) + "号";
        register.deliver(approved(Register.id(uscc + "/NEW/event"), Register.id(uscc + "/NEW"), "NEW",
                county + "-2026-9" + uscc.substring(14), FILED, uscc, name, sector, kind, "PRIVATE", county, address,
                capacity, site(name, county, address, capacity)));
    }

    private void beds(String uscc, int total, int nursing, int inclusive, int safetyNet) {
        QuarkusTransaction.requiringNew().run(() -> {
            Institution i = institutions.findByUscc(uscc).orElseThrow();
            capacity.update(i, sites.mainOf(i.id).orElseThrow(), new CapacityBreakdown(
                    new CapacityBreakdown.Beds(total, nursing, inclusive, safetyNet, 0), null, null, null, null),
                    null, "test");
        });
    }

    private void slots(String uscc, int total, int inclusive) {
        QuarkusTransaction.requiringNew().run(() -> {
            Institution i = institutions.findByUscc(uscc).orElseThrow();
            capacity.update(i, sites.mainOf(i.id).orElseThrow(), new CapacityBreakdown(null,
                    new CapacityBreakdown.Slots(total, inclusive, 20, 30, total - 50, null), null, null, null),
                    null, "test");
        });
    }

    private void person(String uscc, String name, StaffRole role, String n, boolean certified, Education education,
                        boolean head) {
        String citizenId = Identifiers.completeCitizenId("53012419900101" + "00" + n);
        QuarkusTransaction.requiringNew().run(() -> staff.add(institutions.findByUscc(uscc).orElseThrow(),
                new StaffDetails(name, role, citizenId, certified ? "NURSERY_TEACHER_SKILL" : null,
                        certified ? CertificateGrade.LEVEL_4 : null, certified ? "C" + n : null, null, null, FILED,
                        null, head, education), "test"));
    }

    private void population(String county, String kind, int value) {
        given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON)
                .body(Map.of("divisionCode", county, "kind", kind, "value", value, "referenceYear", 2025,
                        "source", "测试：手工录入"))
                .post("/api/institutions/indicators/populations").then().statusCode(201)
                .body("recordedBy", equalTo("admin-530100"));
    }

    private static JsonPath table(String user, String query) {
        return given().auth().oauth2(Tokens.of(user)).get("/api/institutions/indicators" + query).then()
                .statusCode(200).extract().jsonPath();
    }

    /** The figure of one indicator in one area. */
    private static Map<String, Object> figure(JsonPath t, String code, String area) {
        return t.getMap("indicators.find { it.code == '" + code + "' }.figures.find { it.areaCode == '" + area
                + "' }");
    }

    @Test
    void everyFigureOfAKunmingCountyMatchesTheHandCount() {
        JsonPath t = table("admin-530100", "?asOf=" + AS_OF);
        assertEquals("530100", t.getString("cityCode"));
        assertEquals(List.of("530100", "530102"), t.getList("areas.code").subList(0, 2));
        expect(figure(t, "KM-E-07", FUMIN), "15.00", 300, 20_000, "BEHIND");
        expect(figure(t, "KM-E-08", FUMIN), "43.33", 130, 300, "BEHIND");
        expect(figure(t, "KM-E-09", FUMIN), "56.67", 170, 300, "BEHIND");
        expect(figure(t, "KM-E-25", FUMIN), "0.67", 2, 300, "BEHIND");
        expect(figure(t, "KM-C-03", FUMIN), "1.00", 100, 100_000, "BEHIND");
        expect(figure(t, "KM-C-04", FUMIN), "80.00", 80, 100, "MET");
        expect(figure(t, "KM-C-08", FUMIN), "50.00", 2, 4, "BEHIND");
        assertEquals(16.0f, ((Number) figure(t, "KM-E-07", FUMIN).get("gap")).floatValue(), "31 − 15");
        assertNull(figure(t, "KM-C-04", FUMIN).get("gap"), "a met target has no gap");

        // a county with no population: the numerator, and what is missing instead of a value
        Map<String, Object> noPopulation = figure(t, "KM-C-03", YILIANG);
        assertNull(noPopulation.get("value"));
        assertEquals(40, noPopulation.get("numerator"), "a site with no breakdown counts its filed 托位");
        assertEquals("未录入宜良县的常住人口", noPopulation.get("missing"));
        assertEquals("NO_DATA", noPopulation.get("status"));
        // nor does the city have one, while a county lacks it
        assertTrue(((String) figure(t, "KM-C-03", "530100").get("missing")).contains("宜良县"));

        // every target of the list is there; one the register cannot measure says why
        assertEquals(46, t.getList("indicators.findAll { it.code.startsWith('KM-') }").size());
        assertEquals(false, t.get("indicators.find { it.code == 'KM-E-28' }.measured"));
        assertEquals("家庭养老床位数不低于4000个", t.get("indicators.find { it.code == 'KM-E-28' }.source.sentence"));
        assertTrue(t.getString("indicators.find { it.code == 'KM-E-28' }.notMeasuredReason").contains("家庭养老床位"));
        assertEquals("每千名老年人养老床位数31张", t.get("indicators.find { it.code == 'KM-E-07' }.source.sentence"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void theTrendFollowsTheRegistersHistoryIncludingAnInstitutionClosedMidMonth() {
        JsonPath t = table("auditor-530100", "?asOf=" + AS_OF);
        List<Map<String, Object>> trend = (List<Map<String, Object>>) figure(t, "KM-E-07", FUMIN).get("trend");
        assertEquals(13, trend.size());
        assertEquals("2025-11-30", trend.get(0).get("day"));
        assertNull(trend.get(9).get("value"), "2026-08-31: no population entered yet");
        assertEquals(0.0f, ((Number) trend.get(10).get("value")).floatValue(), "2026-09-30: nothing filed yet");
        assertEquals(17.5f, ((Number) trend.get(11).get("value")).floatValue(), "2026-10-31: 350 beds, 丙 included");
        assertEquals(15.0f, ((Number) trend.get(12).get("value")).floatValue(), "2026-11-30: 丙 closed on 11-16");
        List<Map<String, Object>> nursing = (List<Map<String, Object>>) figure(t, "KM-E-08", FUMIN).get("trend");
        assertEquals(51.43f, ((Number) nursing.get(11).get("value")).floatValue(), "180 / 350");
        // a day before the close still counts 丙
        expect(figure(table("admin-530100", "?asOf=2026-11-15"), "KM-E-07", FUMIN), "17.50", 350, 20_000, "BEHIND");
    }

    @Test
    void aDrillDownListsTheInstitutionsAndSitesAndSumsToTheFigure() {
        JsonPath d = given().auth().oauth2(Tokens.of("admin-530100"))
                .get("/api/institutions/indicators/KM-E-08/drill-down?area=" + FUMIN + "&asOf=" + AS_OF).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(43.33f, d.getFloat("value"));
        assertEquals(List.of("富民县乙养老院", "富民县甲养老院"), d.getList("items.name").stream().sorted().toList());
        assertEquals(d.getLong("numerator"), d.getList("items.numerator", Long.class).stream().mapToLong(x -> x).sum());
        assertEquals(d.getLong("denominator"),
                d.getList("items.denominator", Long.class).stream().mapToLong(x -> x).sum());
        assertEquals(false, d.get("items.find { it.name == '富民县乙养老院' }.sites[0].breakdown"));
        assertEquals(100, d.getInt("items.find { it.name == '富民县乙养老院' }.sites[0].denominator"));

        // the city's figure includes every county's institutions and is their sum as well
        JsonPath city = given().auth().oauth2(Tokens.of("admin-530100"))
                .get("/api/institutions/indicators/KM-E-07/drill-down?area=530100&asOf=" + AS_OF).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(city.getLong("numerator"),
                city.getList("items.numerator", Long.class).stream().mapToLong(x -> x).sum());
        assertTrue(city.getList("items.name").contains("富民县甲养老院"));
        assertEquals(figure(table("admin-530100", "?asOf=" + AS_OF), "KM-E-07", "530100").get("numerator"),
                city.getInt("numerator"));

        // an indicator the register does not measure has no drill-down
        given().auth().oauth2(Tokens.of("admin-530100"))
                .get("/api/institutions/indicators/KM-E-28/drill-down?area=" + FUMIN).then().statusCode(409)
                .body("code", equalTo("NOT_MEASURED"));
    }

    @Test
    void qujingCountsItsOwnTargetsHeadsEducationAndNewSlotsForTheCityOnly() {
        JsonPath t = table("admin-530300", "?asOf=" + AS_OF);
        assertEquals("530300", t.getString("cityCode"));
        assertTrue(t.getList("indicators.code").stream().allMatch(c -> ((String) c).startsWith("QJ-")),
                "never Kunming's targets");
        expect(figure(t, "QJ-C-10", FUYUAN), "50.00", 1, 2, "BEHIND");
        expect(figure(t, "QJ-C-13", FUYUAN), "0.00", 0, 2, "BEHIND");
        Map<String, Object> newSlots = figure(t, "QJ-C-01", FUYUAN);
        assertEquals(60, newSlots.get("numerator"));
        assertNull(newSlots.get("target"), "新增托位 24700 is the city's target, not a county's");
        assertEquals(24700.0f, ((Number) figure(t, "QJ-C-01", "530300").get("target")).floatValue());
        given().auth().oauth2(Tokens.of("admin-530300"))
                .get("/api/institutions/indicators/QJ-C-10/drill-down?area=" + FUYUAN + "&asOf=" + AS_OF).then()
                .statusCode(200).body("items.find { it.name == '富源县己托育园' }.numerator", equalTo(1))
                .body("items.find { it.name == '富源县庚托育园' }.numerator", equalTo(0));
    }

    @Test
    void aWuhuaReviewerSeesOnlyWuhuaAndTheirSector() {
        JsonPath elderly = table("mz-530102", "?asOf=" + AS_OF);
        assertEquals(List.of("530102"), elderly.getList("areas.code"));
        assertTrue(elderly.getList("indicators.sector").stream().allMatch("ELDERLY"::equals));
        given().auth().oauth2(Tokens.of("wj-530102")).get("/api/institutions/indicators").then().statusCode(200)
                .body("indicators.sector", everyItem(equalTo("CHILDCARE"))).body("areas.code", equalTo(List.of("530102")));
        given().auth().oauth2(Tokens.of("mz-530102")).get("/api/institutions/indicators?county=" + FUMIN).then()
                .statusCode(404);
        given().auth().oauth2(Tokens.of("mz-530102"))
                .get("/api/institutions/indicators/KM-E-07/drill-down?area=" + FUMIN).then().statusCode(404);
        given().auth().oauth2(Tokens.of("mz-530102"))
                .get("/api/institutions/indicators/KM-C-03/drill-down?area=530102").then().statusCode(404);
        // an institution, finance and anonymous callers read no indicators
        given().auth().oauth2(Tokens.of("inst-elderly")).get("/api/institutions/indicators").then().statusCode(403);
        given().get("/api/institutions/indicators").then().statusCode(401);
        // only a city admin enters populations
        given().auth().oauth2(Tokens.of("auditor-530100")).contentType(ContentType.JSON)
                .body(Map.of("divisionCode", FUMIN, "kind", "RESIDENT", "value", 1, "referenceYear", 2025,
                        "source", "x")).post("/api/institutions/indicators/populations").then().statusCode(403);
    }

    @Test
    void aNewPopulationOrTargetVersionChangesNothingAlreadyReported() {
        // a later correction of the population, recorded today: the November figures stay as they were
        population(FUMIN, "AGED_60_PLUS", 25_000);
        expect(figure(table("admin-530100", "?asOf=" + AS_OF), "KM-E-07", FUMIN), "15.00", 300, 20_000, "BEHIND");
        assertEquals(2L, db.count("select count(*) from population_figure where division_code = ?1 and kind = ?2",
                FUMIN, "AGED_60_PLUS"), "kept as a second version, not edited");
        String today = ChinaTime.today().toString();
        expect(figure(table("admin-530100", "?asOf=" + today), "KM-E-07", FUMIN), "12.00", 300, 25_000, "BEHIND");

        // a new target version with a later date: on the straight line from its baseline, 43.33 % is on track
        given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON).body("""
                {"targetValue":60,"targetOn":"2099-12-31","baselineOn":"2026-09-30","effectiveFrom":"2026-12-01",
                 "sourceDocument":"测试文件","sourceSection":"一","sourceSentence":"护理型床位占比到2099年达到60%"}""")
                .post("/api/institutions/indicators/targets/KM-E-08/versions").then().statusCode(201)
                .body("version", equalTo(2)).body("recordedBy", equalTo("admin-530100"));
        JsonPath now = table("admin-530100", "?asOf=" + today);
        assertEquals(2, now.getInt("indicators.find { it.code == 'KM-E-08' }.version"));
        assertEquals("ON_TRACK", figure(now, "KM-E-08", FUMIN).get("status"));
        assertEquals(1, table("admin-530100", "?asOf=" + AS_OF).getInt("indicators.find { it.code == 'KM-E-08' }.version"));
        given().auth().oauth2(Tokens.of("admin-530300")).contentType(ContentType.JSON).body("""
                {"targetValue":60,"targetOn":"2030-12-31","effectiveFrom":"2026-12-01",
                 "sourceDocument":"x","sourceSection":"x","sourceSentence":"x"}""")
                .post("/api/institutions/indicators/targets/KM-E-08/versions").then().statusCode(404);
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        long before = db.count("select count(*) from population_figure");
        given().auth().oauth2(Tokens.of("admin-530100")).get("/api/institutions/indicators?asOf=2026-13-45").then()
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("code", equalTo("VALIDATION_FAILED")).body("violations.field", hasItem("asOf"));
        given().auth().oauth2(Tokens.of("admin-530100")).get("/api/institutions/indicators?asOf=yesterday").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(Tokens.of("admin-530100")).get("/api/institutions/indicators?county=530302").then()
                .statusCode(404);
        given().auth().oauth2(Tokens.of("admin-530100")).get("/api/institutions/indicators/KM-E-07/drill-down")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON)
                .body(Map.of("divisionCode", "530302", "kind", "RESIDENT", "value", -1, "referenceYear", 2025,
                        "source", "x"))
                .post("/api/institutions/indicators/populations").then().statusCode(400)
                .body("violations.field", hasItem("value"));
        given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON)
                .body(Map.of("divisionCode", "530302", "kind", "RESIDENT", "value", 5, "referenceYear", 2025,
                        "source", "x"))
                .post("/api/institutions/indicators/populations").then().statusCode(400)
                .body("violations.field", hasItem("divisionCode"));
        given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON)
                .body("{\"divisionCode\":\"530124\",\"kind\":\"MARTIANS\",\"value\":5,\"referenceYear\":2025,\"source\":\"x\"}")
                .post("/api/institutions/indicators/populations").then().statusCode(400);
        assertEquals(before, db.count("select count(*) from population_figure"));
    }

    @Test
    void theTableExportsAsCsvAndXlsx() throws Exception {
        String csv = given().auth().oauth2(Tokens.of("admin-530100"))
                .get("/api/institutions/indicators/table.csv?asOf=" + AS_OF).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("KM-E-07,每千名老年人养老床位数,养老," + FUMIN + ",富民县,"
                + AS_OF + ",15.00,张/千名老年人,300,20000,31.00,>=,16.00")), csv);
        assertTrue(csv.contains("本平台不计算："));
        byte[] xlsx = given().auth().oauth2(Tokens.of("admin-530100"))
                .get("/api/institutions/indicators/table.xlsx?asOf=" + AS_OF).then().statusCode(200)
                .extract().asByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertEquals("指标编号", sheet.getRow(0).getCell(0).getStringCellValue());
            boolean found = false;
            for (var row : sheet) {
                if (row.getCell(0) != null && "KM-E-08".equals(row.getCell(0).getStringCellValue())
                        && row.getCell(3) != null && FUMIN.equals(row.getCell(3).getStringCellValue())) {
                    assertEquals(43.33, row.getCell(6).getNumericCellValue(), 0.001);
                    found = true;
                }
            }
            assertTrue(found);
        }
    }

    private static void expect(Map<String, Object> figure, String value, long numerator, long denominator,
                               String status) {
        assertEquals(value, new java.math.BigDecimal(String.valueOf(figure.get("value"))).setScale(2).toPlainString(),
                "value " + figure);
        assertEquals(numerator, ((Number) figure.get("numerator")).longValue(), "numerator " + figure);
        assertEquals(denominator, ((Number) figure.get("denominator")).longValue(), "denominator " + figure);
        assertEquals(status, figure.get("status"), "status " + figure);
    }
}
