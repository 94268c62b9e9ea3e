package care.registry.access;

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

/** Numbers and dates a client sends that the register cannot use are a 400 naming the field, never a 500. */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class OutOfRangeNumbersTest {

    @Inject
    Register register;

    @Test
    void aPageBeyondTheLastOneAnyoneReadsIsA400NotA500() {
        Institution home = register.elderly530102();
        String[][] pages = {
                {"admin-530100", "/api/institutions?page=21474837&size=100"},
                {"admin-530100", "/api/institutions?page=10001"},
                {"inst-elderly", "/api/institutions/" + home.id + "/staff?page=21474837&size=200"},
                {"auditor-530100", "/api/institutions/audit?page=21474837&size=200"},
                {"mz-530102", "/api/institutions/staff-disputes?page=21474837&size=50"},
                {null, "/api/directory/institutions?page=21474837&size=100"},
        };
        for (String[] call : pages) {
            var request = given();
            if (call[0] != null) {
                request.auth().oauth2(Tokens.of(call[0]));
            }
            request.get(call[1]).then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED")).body("title", equalTo("提交的数据未通过校验"))
                    .body("violations.field", hasItem("page"));
        }
        // the last page allowed is answered (empty)
        given().auth().oauth2(Tokens.of("admin-530100")).get("/api/institutions?page=10000&size=100").then()
                .statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(Tokens.of("auditor-530100")).get("/api/institutions/audit?page=10000&size=200").then()
                .statusCode(200);
    }

    private static String citizenId() {
        var r = java.util.concurrent.ThreadLocalRandom.current();
        return care.contracts.validation.Identifiers.completeCitizenId("530102" + (1980 + r.nextInt(20))
                + "%02d%02d%03d".formatted(1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(1000)));
    }

    @Test
    void rosterDatesOutsideAnyWorkingLifeAreRefusedByField() {
        Institution home = register.elderly530102();
        String body = """
                {"name":"王丽","role":"ELDERLY_CAREGIVER","citizenId":"%s","employedFrom":"%s",
                 "employedUntil":"%s","certificateGrade":"LEVEL_4","certificateNumber":"S1",
                 "certificateIssuedOn":"2020-01-01","certificateValidUntil":"+999999999-12-31"}""";
        // a year the database cannot store was a 500
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON)
                .body(body.formatted(citizenId(), "2024-03-01", "+999999999-12-31"))
                .post("/api/institutions/{id}/staff", home.id).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItem("employedUntil"))
                .body("violations.field", hasItem("certificateValidUntil"));
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON)
                .body(body.formatted(citizenId(), "-999999999-01-01", "2024-03-01"))
                .post("/api/institutions/{id}/staff", home.id).then().statusCode(400)
                .body("violations.field", hasItem("employedFrom"));
    }
}
