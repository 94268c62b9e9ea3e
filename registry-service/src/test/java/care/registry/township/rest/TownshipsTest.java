package care.registry.township.rest;

import care.deploy.CareTestResource;
import care.deploy.Tokens;
import care.registry.institution.domain.Institution;
import care.registry.support.Register;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The township lists: entered, renamed and retired by the city admin of the city only, read by institutions and the
 * departments; and the rule they set for sites. Every code and name here is a made-up test value, not a real one.
 */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class TownshipsTest {

    private static final String TOWNSHIPS = "/api/institutions/townships";

    @Inject
    Register register;

    private static RequestSpecification as(String account) {
        return given().auth().oauth2(Tokens.of(account)).contentType(ContentType.JSON);
    }

    private static String township(String code, String name) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\"}";
    }

    @Test
    void theCityAdminEntersRenamesAndRetiresATownshipOfItsCity() {
        as("admin-530100").body(township("530111901", "测试街道甲（测试值）")).post(TOWNSHIPS).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith(TOWNSHIPS + "/530111901"))
                .body("code", equalTo("530111901")).body("countyName", equalTo("官渡区"))
                .body("inForce", equalTo(true)).body("enteredBy", equalTo("admin-530100"))
                .body("validFrom", equalTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
        // the same code again, even under another name, is a duplicate; so is a name in force in the county
        as("admin-530100").body(township("530111901", "测试街道乙（测试值）")).post(TOWNSHIPS).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("TOWNSHIP_EXISTS"))
                .body("title", equalTo("该乡镇（街道）代码已登记"));
        as("admin-530100").body(township("530111902", "测试街道甲（测试值）")).post(TOWNSHIPS).then().statusCode(409)
                .body("code", equalTo("TOWNSHIP_NAME_TAKEN"));

        as("admin-530100").body("{\"name\":\"测试街道丙（测试值）\"}").put(TOWNSHIPS + "/530111901").then()
                .statusCode(200).body("name", equalTo("测试街道丙（测试值）")).body("changedBy", equalTo("admin-530100"));
        as("inst-elderly").queryParam("county", "530111").get(TOWNSHIPS).then().statusCode(200)
                .body("code", contains("530111901")).body("name", contains("测试街道丙（测试值）"));

        as("admin-530100").post(TOWNSHIPS + "/530111901/retire").then().statusCode(200)
                .body("inForce", equalTo(false))
                .body("validUntil", equalTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()));
        as("admin-530100").post(TOWNSHIPS + "/530111901/retire").then().statusCode(409)
                .body("code", equalTo("TOWNSHIP_RETIRED")).body("title", equalTo("该乡镇（街道）已停用"));
        as("admin-530100").body("{\"name\":\"测试街道丁（测试值）\"}").put(TOWNSHIPS + "/530111901").then()
                .statusCode(409);
        // a retired township stays in the list, after those in force
        as("admin-530100").body(township("530111903", "测试街道戊（测试值）")).post(TOWNSHIPS).then().statusCode(201);
        as("mz-530102").queryParam("county", "530111").get(TOWNSHIPS).then().statusCode(200)
                .body("code", contains("530111903", "530111901")).body("inForce", contains(true, false));
        as("admin-530100").post(TOWNSHIPS + "/530111999/retire").then().statusCode(404);
    }

    @Test
    void onlyTheAdminOfTheCityKeepsItsListsOthersReadThem() {
        as("admin-530100").body(township("530112901", "测试镇（测试值）")).post(TOWNSHIPS).then().statusCode(201);
        for (String account : new String[]{"admin-530300", "mz-530102", "auditor-530100", "inst-elderly"}) {
            as(account).body(township("530112902", "测试乡（测试值）")).post(TOWNSHIPS).then().statusCode(403)
                    .contentType("application/problem+json").body("title", equalTo("无权执行此操作"));
            as(account).body("{\"name\":\"改名（测试值）\"}").put(TOWNSHIPS + "/530112901").then().statusCode(403);
            as(account).post(TOWNSHIPS + "/530112901/retire").then().statusCode(403);
        }
        // 曲靖's admin keeps 曲靖's counties only, the other way round too
        as("admin-530100").body(township("530302901", "测试镇（测试值）")).post(TOWNSHIPS).then().statusCode(403);
        for (String account : new String[]{"admin-530300", "mz-530102", "auditor-530100", "inst-elderly"}) {
            as(account).queryParam("county", "530112").get(TOWNSHIPS).then().statusCode(200)
                    .body("code", contains("530112901")).body("name", contains("测试镇（测试值）"));
        }
        given().queryParam("county", "530112").get(TOWNSHIPS).then().statusCode(401);
    }

    @Test
    void aBadCodeOrNameIsRefusedAtItsField() {
        as("admin-530100").body(township("53011290", "测试（测试值）")).post(TOWNSHIPS).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("code"))
                .body("violations.message", contains("乡镇（街道）代码应为9位数字"));
        as("admin-530100").body(township("530199001", "测试（测试值）")).post(TOWNSHIPS).then().statusCode(400)
                .body("violations.field", contains("code"));
        as("admin-530100").body(township("530112904", " ")).post(TOWNSHIPS).then().statusCode(400)
                .body("violations.field", contains("name"));
        as("admin-530100").queryParam("county", "530100").get(TOWNSHIPS).then().statusCode(400)
                .body("violations.field", contains("county"));
        as("admin-530100").queryParam("county", "530112").get(TOWNSHIPS).then().statusCode(200)
                .body("code", not(hasItem("530112904")));
    }

    @Test
    void onceACountyHasTownshipsASiteNamesOneOfThem() {
        Institution home = register.elderly530103();
        UUID site = register.sitesOf(home.id).get(0).id;
        String sites = "/api/institutions/{id}/sites/{site}/capacity";
        String capacity = "{\"beds\":{\"total\":10},\"townshipCode\":\"%s\"}";
        // 五华区 has no list: any code of the county is taken, as before
        Institution other = register.elderly530102();
        as("inst-elderly").body(capacity.formatted("530102077"))
                .put(sites, other.id, register.sitesOf(other.id).get(0).id).then().statusCode(200)
                .body("townshipCode", equalTo("530102077"));

        as("admin-530100").body(township("530103901", "测试街道（测试值）")).post(TOWNSHIPS).then().statusCode(201);
        as("inst-elderly-530103").body(capacity.formatted("530103977")).put(sites, home.id, site).then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("townshipCode"))
                .body("violations.message", contains("乡镇（街道）代码 530103977 不在本县（区）的乡镇（街道）名单中，请从名单中选择"));
        as("inst-elderly-530103").body(capacity.formatted("530103901")).put(sites, home.id, site).then()
                .statusCode(200).body("townshipCode", equalTo("530103901"));

        // retired: the site that names it still saves its other facts; it cannot be chosen anew
        as("admin-530100").post(TOWNSHIPS + "/530103901/retire").then().statusCode(200);
        as("admin-530100").body(township("530103902", "测试新街道（测试值）")).post(TOWNSHIPS).then().statusCode(201);
        as("inst-elderly-530103").body(capacity.formatted("530103901")).put(sites, home.id, site).then()
                .statusCode(200);
        as("inst-elderly-530103").body("{\"beds\":{\"total\":10}}").put(sites, home.id, site).then()
                .statusCode(200).body("townshipCode", nullValue());
        as("inst-elderly-530103").body(capacity.formatted("530103901")).put(sites, home.id, site).then()
                .statusCode(400).body("violations.field", contains("townshipCode"));
    }
}
