package care.registry.institution.rest;

import care.deploy.CareTestResource;
import care.deploy.Tokens;
import care.registry.institution.domain.Institution;
import care.registry.support.Db;
import care.registry.support.Register;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * 已注销: an institution whose CLOSE was approved reads its record and roster, and changes nothing (contacts, site
 * capacity and roster all go through Access.keptByCaller; contacts stand for the three here).
 */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class ClosedInstitutionTest {

    @Inject
    Register register;
    @Inject
    Db db;

    @Test
    void aDeregisteredInstitutionReadsItsRecordAndRosterButChangesNothing() {
        Institution childcare = register.childcare530102();
        // closed as a CLOSE filing would (FilingOutcomesTest covers the event), and reopened after: the other tests
        // of this JVM use inst-childcare's institution as filed
        db.execute("update institution set filing_status = 'CLOSED' where id = ?", childcare.id);
        try {
            String token = Tokens.of("inst-childcare");
            given().auth().oauth2(token).get("/api/institutions/{id}", childcare.id).then().statusCode(200);
            given().auth().oauth2(token).get("/api/institutions/{id}/staff", childcare.id).then().statusCode(200);
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"contactPerson\":\"王敏\",\"contactPhone\":\"0871-65550103\"}")
                    .put("/api/institutions/{id}/contacts", childcare.id).then().statusCode(403)
                    .contentType("application/problem+json").body("code", equalTo("INSTITUTION_CLOSED"));
        } finally {
            db.execute("update institution set filing_status = 'FILED' where id = ?", childcare.id);
        }
    }
}
