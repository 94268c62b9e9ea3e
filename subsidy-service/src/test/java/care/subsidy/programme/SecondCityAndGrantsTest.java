package care.subsidy.programme;

import care.contracts.event.Ownership;
import care.contracts.event.Sector;
import care.deploy.CareTestResource;
import care.deploy.Tokens;
import care.subsidy.Api;
import care.subsidy.support.Periods;
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

import static care.contracts.event.CertificateGrade.LEVEL_5;
import static care.contracts.event.StaffRole.ELDERLY_CAREGIVER;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Qujing runs on its own parameters, set through the API with no code change; grants (示范性, capacity) flow
 * through the same batches, release and finance API.
 */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "subsidy"))
class SecondCityAndGrantsTest {

    static final LocalDate LONG_AGO = LocalDate.of(2024, 1, 1);

    @Inject
    EntityManager em;

    static Map<String, Object> version(String from, long l5, long l4, long l3) {
        Map<String, Object> v = new HashMap<>();
        v.put("effectiveFrom", from);
        v.put("eligibleRole", "ELDERLY_CAREGIVER");
        v.put("eligibleOwnerships", List.of("PRIVATE", "PRIVATE_WITH_PUBLIC_AID", "PUBLIC_BUILT_PRIVATE_RUN"));
        v.put("eligibleKinds", List.of("PRIVATE_CARE_HOME", "URBAN_PUBLIC_WELFARE", "RURAL_NURSING_HOME"));
        v.put("eligibleCertificateTypes", List.of("ELDERLY_CARE_SKILL", "ELDERLY_CARE_QUALIFICATION"));
        v.put("ratesFen", Map.of("LEVEL_5", l5, "LEVEL_4", l4, "LEVEL_3", l3, "LEVEL_2", l3, "LEVEL_1", l3));
        v.put("source", "曲靖市民政局确认文件（测试）");
        return v;
    }

    @Test
    void qujingPaysOnItsOwnEffectiveDatedParameters() {
        Registry registry = new Registry();
        var publicBuilt = registry.institution("530302", Ownership.PUBLIC_BUILT_PRIVATE_RUN, Sector.ELDERLY, LONG_AGO);
        String person = Registry.person();
        registry.caregiver(publicBuilt, person, ELDERLY_CAREGIVER, LEVEL_5, LONG_AGO, null, LONG_AGO, null);
        registry.awaitApplied(em);

        // Qujing's plan names no allowance: a fresh stack has no parameters and pays nothing until the city enters them
        given().auth().oauth2(Tokens.of("admin-530300")).get("/api/subsidy/programmes/QJ-NURSING").then()
                .statusCode(200).body("versions.size()", equalTo(0)).body("inForce", equalTo(false));
        given().auth().oauth2(Tokens.of("admin-530300")).contentType(ContentType.JSON)
                .body(Map.of("programmeCode", "QJ-NURSING", "period", "2026-06"))
                .post("/api/subsidy/batches").then().statusCode(422).body("code", equalTo("NO_PARAMETERS"));

        // bad parameters are refused and change nothing
        Map<String, Object> missingGrade = version("2026-07-01", 8000, 12000, 16000);
        missingGrade.put("ratesFen", Map.of("LEVEL_5", 8000));
        postVersion("admin-530300", "QJ-NURSING", missingGrade).then().statusCode(400)
                .body("violations[0].field", equalTo("ratesFen"));
        postVersion("admin-530300", "QJ-NURSING", version("2026-07-01", -1, 12000, 16000)).then().statusCode(400);
        postVersion("admin-530300", "QJ-NURSING", version("2026-07-01", 8000, 12000, 99_000_000)).then()
                .statusCode(400);
        postVersion("admin-530300", "QJ-NURSING", version("2026-07-15", 8000, 12000, 16000)).then().statusCode(400);
        postVersion("admin-530100", "QJ-NURSING", version("2026-07-01", 8000, 12000, 16000)).then().statusCode(404);
        postVersion("mz-530302", "QJ-NURSING", version("2026-07-01", 8000, 12000, 16000)).then().statusCode(403);
        // Qujing's own amounts from June, raised from July
        postVersion("admin-530300", "QJ-NURSING", version("2026-06-01", 6000, 11000, 15000)).then().statusCode(201);
        postVersion("admin-530300", "QJ-NURSING", version("2026-07-01", 8000, 12000, 16000)).then().statusCode(201)
                .body("ratesFen.LEVEL_5", equalTo(8000));
        postVersion("admin-530300", "QJ-NURSING", version("2026-07-01", 8000, 12000, 16000)).then().statusCode(409)
                .body("code", equalTo("VERSION_EXISTS"));

        // June at June's parameters; 公建民营 counts in Qujing's version (not in Kunming: MonthlyRuleTest)
        JsonPath june = Api.generate("admin-530300", "QJ-NURSING", "2026-06");
        assertEquals(6000L, amountOf("admin-530300", june.getString("id"), person));
        Api.approveAndRelease("mz-530300", "admin2-530300", june.getString("id"));
        JsonPath july = Api.generate("admin-530300", "QJ-NURSING", "2026-07");
        assertEquals(8000L, amountOf("admin-530300", july.getString("id"), person));
        Api.approveAndRelease("mz-530300", "admin2-530300", july.getString("id"));
        // months already batched keep their parameters
        postVersion("admin-530300", "QJ-NURSING", version("2026-05-01", 9000, 12000, 16000)).then().statusCode(409)
                .body("code", equalTo("PERIOD_ALREADY_BATCHED"));

        given().auth().oauth2(Api.qujingFinance()).get("/api/subsidy/finance/batches").then().statusCode(200)
                .body("id", hasItem(july.getString("id")));
        given().auth().oauth2(Tokens.finance()).get("/api/subsidy/finance/batches").then().statusCode(200)
                .body("id", not(hasItem(july.getString("id"))));
        given().auth().oauth2(Tokens.of("admin-530100")).get("/api/subsidy/programmes").then().statusCode(200)
                .body("code", not(hasItem("QJ-NURSING")));
    }

    @Test
    void grantsAreDecidedByTheHealthDepartmentAndPaidThroughTheSamePipeline() {
        Registry registry = new Registry();
        var nursery = registry.institution("530302", Ownership.PRIVATE, Sector.CHILDCARE, LONG_AGO);
        registry.changed(nursery, "FILED", LocalDate.of(2026, 3, 1), 30, false, true); // designated 示范
        var elderly = registry.institution("530302", Ownership.PRIVATE, Sector.ELDERLY, LONG_AGO);
        var newNursery = registry.institution("530302", Ownership.PRIVATE, Sector.CHILDCARE, LocalDate.of(2026, 2, 1),
                40);
        registry.awaitApplied(em);
        Api.extended("admin-530300", "QJ-DEMO-GRANT");

        Map<String, Object> decision = new HashMap<>(Map.of("institutionId", nursery.id().toString(),
                "amountFen", 200000, "reason", "承担区域托育指导功能", "decisionNumber", "曲卫〔2026〕12号"));
        given().auth().oauth2(Tokens.of("mz-530302")).contentType(ContentType.JSON).body(decision)
                .post("/api/subsidy/grants/demonstration").then().statusCode(403);
        given().auth().oauth2(Tokens.of("wj-530102")).contentType(ContentType.JSON).body(decision)
                .post("/api/subsidy/grants/demonstration").then().statusCode(404);
        Map<String, Object> absurd = new HashMap<>(decision);
        absurd.put("amountFen", 60_000_000_00L);
        given().auth().oauth2(Tokens.of("wj-530302")).contentType(ContentType.JSON).body(absurd)
                .post("/api/subsidy/grants/demonstration").then().statusCode(400)
                .body("violations[0].field", equalTo("amountFen"));
        absurd.put("amountFen", -5);
        given().auth().oauth2(Tokens.of("wj-530302")).contentType(ContentType.JSON).body(absurd)
                .post("/api/subsidy/grants/demonstration").then().statusCode(400);
        Map<String, Object> toElderly = new HashMap<>(decision);
        toElderly.put("institutionId", elderly.id().toString());
        given().auth().oauth2(Tokens.of("wj-530302")).contentType(ContentType.JSON).body(toElderly)
                .post("/api/subsidy/grants/demonstration").then().statusCode(404); // 卫健 does not see 养老 institutions
        given().auth().oauth2(Tokens.of("wj-530302")).contentType(ContentType.JSON).body(decision)
                .post("/api/subsidy/grants/demonstration").then().statusCode(201).body("amountFen", equalTo(200000))
                .body("period", equalTo(String.valueOf(Periods.today().getYear())));
        given().auth().oauth2(Tokens.of("wj-530302")).contentType(ContentType.JSON).body(decision)
                .post("/api/subsidy/grants/demonstration").then().statusCode(409).body("code", equalTo("ALREADY_DECIDED"));

        // capacity: no rate yet, then the city sets one
        Map<String, Object> capacity = Map.of("institutionId", nursery.id().toString(),
                "programmeCode", "QJ-CAPACITY-CHILDCARE", "reason", "新增托位备案");
        given().auth().oauth2(Tokens.of("wj-530302")).contentType(ContentType.JSON).body(capacity)
                .post("/api/subsidy/grants/capacity").then().statusCode(422).body("code", equalTo("NO_PARAMETERS"));
        postVersion("admin-530300", "QJ-CAPACITY-CHILDCARE", Map.of("effectiveFrom", "2026-01-01",
                "baselineDate", "2025-12-31", "eligibleOwnerships", List.of("PRIVATE", "PRIVATE_WITH_PUBLIC_AID"),
                "ratesFen", Map.of("PER_UNIT", 100000), "source", "曲靖市托位建设补贴标准（测试）"))
                .then().statusCode(201);
        given().auth().oauth2(Tokens.of("wj-530302")).contentType(ContentType.JSON).body(capacity)
                .post("/api/subsidy/grants/capacity").then().statusCode(201)
                .body("units", equalTo(30)).body("amountFen", equalTo(3_000_000));
        given().auth().oauth2(Tokens.of("wj-530302")).contentType(ContentType.JSON).body(capacity)
                .post("/api/subsidy/grants/capacity").then().statusCode(422).body("code", equalTo("NO_NEW_CAPACITY"));
        // a nursery just registered: its 托位 come with InstitutionRegistered, no change needed before a grant
        given().auth().oauth2(Tokens.of("wj-530302")).contentType(ContentType.JSON)
                .body(Map.of("institutionId", newNursery.id().toString(), "programmeCode", "QJ-CAPACITY-CHILDCARE",
                        "reason", "新设托育机构备案"))
                .post("/api/subsidy/grants/capacity").then().statusCode(201)
                .body("units", equalTo(40)).body("amountFen", equalTo(4_000_000));

        // the demonstration grant goes through a batch, release and finance like any payment
        String month = Periods.today().toString().substring(0, 7);
        JsonPath batch = Api.generate("admin-530300", "QJ-DEMO-GRANT", month);
        List<Map<String, Object>> lines = Api.instructions("admin-530300", batch.getString("id"));
        List<Map<String, Object>> grant = Api.of(lines, nursery.id().toString());
        assertEquals(1, grant.size());
        Api.approveAndRelease("wj-530300", "admin2-530300", batch.getString("id"));
        given().auth().oauth2(Api.qujingFinance()).contentType(ContentType.JSON).header("Idempotency-Key", "grant-1")
                .body(Map.of("outcome", "PAID", "amountFen", 200000, "bankReference", "QJ-BANK-1",
                        "paidOn", Periods.today().toString()))
                .post("/api/subsidy/finance/instructions/" + grant.get(0).get("instructionId") + "/result")
                .then().statusCode(200).body("status", equalTo("PAID"));
        given().auth().oauth2(Tokens.of("wj-530302")).get("/api/subsidy/grants").then().statusCode(200)
                .body("find { it.programmeCode == 'QJ-DEMO-GRANT' && it.institutionId == '" + nursery.id()
                        + "' }.paymentStatus", equalTo("PAID"));
        // a second grant batch has nothing left of it
        JsonPath again = Api.generate("admin-530300", "QJ-DEMO-GRANT", month);
        assertEquals(List.of(), Api.of(again.getInt("lineCount") == 0 ? List.of()
                : Api.instructions("admin-530300", again.getString("id")), nursery.id().toString()));
        if (again.getInt("lineCount") > 0) {
            given().auth().oauth2(Tokens.of("admin-530300")).contentType(ContentType.JSON)
                    .body(Map.of("reason", "测试结束")).post("/api/subsidy/batches/" + again.getString("id") + "/reject")
                    .then().statusCode(200);
        }
    }

    private static io.restassured.response.Response postVersion(String user, String code, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body)
                .post("/api/subsidy/programmes/" + code + "/versions");
    }

    private static long amountOf(String user, String batchId, String person) {
        List<Map<String, Object>> mine = Api.of(Api.instructions(user, batchId), person);
        assertEquals(1, mine.size());
        return ((Number) mine.get(0).get("amountFen")).longValue();
    }
}
