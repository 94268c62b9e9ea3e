package care.registry.supervision.rest;

import care.deploy.CareTestResource;
import care.deploy.Tokens;
import care.registry.institution.domain.Institution;
import care.registry.support.Register;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Inspections recorded by the competent department or city admin; the disclosed ones are public. */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class SupervisionTest {

    @Inject
    Register register;

    static String inspection(String day, String result, String penalty, long fine, String credit, boolean disclosed) {
        return """
                {"inspectedOn":"%s","method":"RANDOM","inspectorOrg":"盘龙区民政局","result":"%s","findings":"消防通道堵塞",
                 "penalty":%s,"fineFen":%d,"creditLevel":%s,"disclosed":%s}""".formatted(day, result,
                penalty == null ? "null" : "\"" + penalty + "\"", fine, credit == null ? "null" : "\"" + credit + "\"",
                disclosed);
    }

    @Test
    void competentDepartmentsRecordAndThePublicSeesWhatIsDisclosed() {
        Institution home = register.elderly530103();
        String body = inspection("2026-09-01", "PENALISED", "警告并罚款", 500_000, "C", true);
        given().auth().oauth2(Tokens.of("inst-elderly-530103")).contentType(ContentType.JSON).body(body)
                .post("/api/institutions/{id}/inspections", home.id).then().statusCode(403);
        given().auth().oauth2(Tokens.of("auditor-530100")).contentType(ContentType.JSON).body(body)
                .post("/api/institutions/{id}/inspections", home.id).then().statusCode(403);
        given().auth().oauth2(Tokens.of("wj-530102")).contentType(ContentType.JSON).body(body)
                .post("/api/institutions/{id}/inspections", home.id).then().statusCode(404);
        given().auth().oauth2(Tokens.of("mz-530102")).contentType(ContentType.JSON).body(body)
                .post("/api/institutions/{id}/inspections", home.id).then().statusCode(404);
        // a fine without a penalty decision, a date in the future: refused
        given().auth().oauth2(Tokens.of("mz-530103")).contentType(ContentType.JSON)
                .body(inspection("2026-09-01", "PASSED", null, 100, null, true))
                .post("/api/institutions/{id}/inspections", home.id).then().statusCode(400)
                .body("violations[0].field", equalTo("fineFen"));
        given().auth().oauth2(Tokens.of("mz-530103")).contentType(ContentType.JSON)
                .body(inspection("2099-01-01", "PASSED", null, 0, null, true))
                .post("/api/institutions/{id}/inspections", home.id).then().statusCode(400)
                .body("violations[0].field", equalTo("inspectedOn"));

        given().auth().oauth2(Tokens.of("mz-530103")).contentType(ContentType.JSON).body(body)
                .post("/api/institutions/{id}/inspections", home.id).then().statusCode(201)
                .body("resultLabel", equalTo("行政处罚")).body("recordedBy", equalTo("mz-530103"));
        given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON)
                .body(inspection("2026-03-01", "RECTIFY", null, 0, "B", false))
                .post("/api/institutions/{id}/inspections", home.id).then().statusCode(201);

        // the later inspection's level holds even though the earlier one was recorded after it
        given().get("/api/directory/institutions/{id}", home.id).then().statusCode(200)
                .body("creditLevel", equalTo("C"))
                .body("inspections.size()", equalTo(1))
                .body("inspections[0].fineFen", equalTo(500000))
                .body("inspections[0].recordedBy", nullValue());
        given().auth().oauth2(Tokens.of("inst-elderly-530103")).get("/api/institutions/{id}/inspections", home.id)
                .then().statusCode(200).body("size()", equalTo(2));
        given().auth().oauth2(Tokens.of("auditor-530100")).queryParam("institutionId", home.id)
                .get("/api/institutions/audit").then().statusCode(200).body("action", hasItem("INSPECTION_RECORDED"))
                .body("actor", hasItem("mz-530103"));
    }

    @Test
    void theDirectoryFiltersAndNeverShowsPersonalData() {
        Institution home = register.elderly530102();
        register.childcare530102();
        given().queryParam("county", "530102").queryParam("sector", "ELDERLY").queryParam("q", "康乐")
                .queryParam("kind", "PRIVATE_CARE_HOME").get("/api/directory/institutions").then().statusCode(200)
                .body("items.id", hasItem(home.id.toString()))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("legalRepresentative")))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("contactPhone")));
        given().queryParam("county", "530102").queryParam("sector", "CHILDCARE").queryParam("q", "康乐")
                .get("/api/directory/institutions").then().statusCode(200).body("total", equalTo(0));
        given().queryParam("city", "530100").queryParam("sort", "-capacity").queryParam("size", 1)
                .get("/api/directory/institutions").then().statusCode(200).body("items.size()", equalTo(1))
                .body("totalExact", equalTo(true)).body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        given().queryParam("q", "康乐").queryParam("size", 1).get("/api/directory/institutions").then().statusCode(200)
                .body("items[0].name", org.hamcrest.Matchers.containsString("康乐")).body("totalExact", equalTo(true));
        given().queryParam("county", "530199").get("/api/directory/institutions").then().statusCode(400)
                .body("violations[0].field", equalTo("county"));
        given().queryParam("kind", "SPACESHIP").get("/api/directory/institutions").then().statusCode(400)
                .body("violations[0].field", equalTo("kind"));
        given().queryParam("sort", "legalRepresentative").get("/api/directory/institutions").then().statusCode(400);
        String detail = given().get("/api/directory/institutions/{id}", home.id).then().statusCode(200)
                .extract().asString();
        for (String secret : new String[]{"李强", "0871-63330000", "citizenId", "legalRepresentative"}) {
            org.junit.jupiter.api.Assertions.assertFalse(detail.contains(secret), secret);
        }
    }
}
