package care.registry.site.rest;

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

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Capacity breakdowns: kept by the institution, parts never above totals, totals never above the filing. */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class SiteCapacityTest {

    @Inject
    Register register;
    @Inject
    Db db;

    private UUID mainSite(Institution institution) {
        return register.sitesOf(institution.id).get(0).id;
    }

    @Test
    void anElderlySiteKeepsItsBedsAndServices() {
        Institution home = register.elderly530102(); // filed with 120 beds
        UUID site = mainSite(home);
        String etag = given().auth().oauth2(Tokens.of("inst-elderly"))
                .get("/api/institutions/{id}/sites/{site}", home.id, site).then().statusCode(200)
                .body("filedCapacity", equalTo(120)).extract().header("ETag");
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON).header("If-Match", etag)
                .body("""
                        {"beds":{"total":110,"nursing":70,"inclusive":60,"safetyNet":30,"medical":20},
                         "services":["MEAL_AID","DAY_CARE","REHABILITATION"],"occupied":95,"townshipCode":"530102003"}""")
                .put("/api/institutions/{id}/sites/{site}/capacity", home.id, site).then().statusCode(200)
                .body("beds.total", equalTo(110)).body("beds.nursing", equalTo(70)).body("slots", nullValue())
                .body("services.label", containsInAnyOrder("助餐", "日间照料", "康复护理"))
                .body("townshipCode", equalTo("530102003"));
        // the public directory shows the breakdown
        given().get("/api/directory/institutions/{id}", home.id).then().statusCode(200)
                .body("sites[0].beds.safetyNet", equalTo(30))
                .body("sites[0].services.code", hasItem("MEAL_AID"));
        // the old ETag is stale now
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"beds\":{\"total\":100}}")
                .put("/api/institutions/{id}/sites/{site}/capacity", home.id, site).then().statusCode(409);
    }

    @Test
    void aChildcareSiteKeepsItsSlotsByAgeGroupAndCareMode() {
        Institution nursery = register.childcare530102(); // 60 托位
        UUID site = mainSite(nursery);
        given().auth().oauth2(Tokens.of("inst-childcare")).contentType(ContentType.JSON)
                .body("""
                        {"slots":{"total":55,"inclusive":40,"infant":10,"toddler":15,"older":20,
                                  "careModes":["FULL_DAY","HOURLY"]},
                         "services":["CHILD_MEALS","CHILD_HEALTH"],"occupied":48}""")
                .put("/api/institutions/{id}/sites/{site}/capacity", nursery.id, site).then().statusCode(200)
                .body("slots.infant", equalTo(10))
                .body("slots.careModes.label", containsInAnyOrder("全日托", "计时托"));
    }

    @Test
    void impossibleCapacityIsRefusedFieldByFieldAndNothingChanges() {
        Institution home = register.elderly530102();
        UUID site = mainSite(home);
        long versionBefore = db.count("select version from site where id = ?1", site);
        String auditBefore = String.valueOf(db.count("select count(*) from audit_entry where entity_id = ?1", site));

        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON)
                .body("""
                        {"beds":{"total":100,"nursing":101,"inclusive":70,"safetyNet":40,"medical":-1},
                         "slots":{"total":5},"services":["CHILD_MEALS"],"occupied":120,"townshipCode":"530103001"}""")
                .put("/api/institutions/{id}/sites/{site}/capacity", home.id, site).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("beds.medical")); // bean validation first: no negatives
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON)
                .body("""
                        {"beds":{"total":130,"nursing":131,"inclusive":70,"safetyNet":70},
                         "slots":{"total":5},"services":["CHILD_MEALS"],"occupied":140,"townshipCode":"530103001"}""")
                .put("/api/institutions/{id}/sites/{site}/capacity", home.id, site).then().statusCode(400)
                .body("violations.field", containsInAnyOrder("slots", "beds.nursing", "beds.safetyNet",
                        "beds.total", "occupied", "services", "townshipCode"));
        given().auth().oauth2(Tokens.of("inst-childcare")).contentType(ContentType.JSON)
                .body("{\"slots\":{\"total\":30,\"infant\":10,\"toddler\":15,\"older\":10}}")
                .put("/api/institutions/{id}/sites/{site}/capacity", register.childcare530102().id,
                        mainSite(register.childcare530102())).then().statusCode(400)
                .body("violations[0].field", equalTo("slots"));

        assertEquals(versionBefore, db.count("select version from site where id = ?1", site));
        assertEquals(auditBefore, String.valueOf(db.count("select count(*) from audit_entry where entity_id = ?1", site)));
    }

    @Test
    void sitesAreKeptOnlyByTheirInstitution() {
        Institution home = register.elderly530102();
        UUID site = mainSite(home);
        String body = "{\"beds\":{\"total\":10}}";
        given().auth().oauth2(Tokens.of("inst-elderly-530103")).contentType(ContentType.JSON).body(body)
                .put("/api/institutions/{id}/sites/{site}/capacity", home.id, site).then().statusCode(404);
        given().auth().oauth2(Tokens.of("mz-530102")).contentType(ContentType.JSON).body(body)
                .put("/api/institutions/{id}/sites/{site}/capacity", home.id, site).then().statusCode(403);
        // a site of another institution under one's own institution id is not found
        Institution other = register.elderly530103();
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON).body(body)
                .put("/api/institutions/{id}/sites/{site}/capacity", home.id, mainSite(other)).then()
                .statusCode(404);
    }
}
