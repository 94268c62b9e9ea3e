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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who sees and changes which institution: own / other institution, sector, county, city, admin, auditor, anonymous. */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class RegistryAccessTest {

    @Inject
    Register register;
    @Inject
    Db db;

    Institution elderly;
    Institution childcare;
    Institution elderlyPanlong;

    @BeforeEach
    void register() {
        elderly = register.elderly530102();
        childcare = register.childcare530102();
        elderlyPanlong = register.elderly530103();
    }

    private int status(String user, Institution institution) {
        return given().auth().oauth2(Tokens.of(user)).get("/api/institutions/{id}", institution.id)
                .then().extract().statusCode();
    }

    @Test
    void eachRoleSeesExactlyItsOwnArea() {
        // institution: its own record only, with its legal representative and sites
        given().auth().oauth2(Tokens.of("inst-elderly")).get("/api/institutions/{id}", elderly.id).then()
                .statusCode(200).header("ETag", equalTo("\"" + register.find(elderly.uscc).version + "\""))
                .body("uscc", equalTo(elderly.uscc)).body("legalRepresentative", equalTo("李强"))
                .body("filingStatusLabel", equalTo("已备案")).body("sites.size()", equalTo(1));
        assertEquals(404, status("inst-elderly", childcare));
        assertEquals(404, status("inst-elderly", elderlyPanlong));
        given().auth().oauth2(Tokens.of("inst-elderly")).get("/api/institutions").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].uscc", equalTo(elderly.uscc));

        // 民政 reviewer of 五华区: 养老 in 五华区 only
        assertEquals(200, status("mz-530102", elderly));
        assertEquals(404, status("mz-530102", childcare), "wrong sector");
        assertEquals(404, status("mz-530102", elderlyPanlong), "other county");
        given().auth().oauth2(Tokens.of("mz-530102")).get("/api/institutions").then().statusCode(200)
                .body("items.sector", everyItem(equalTo("ELDERLY")))
                .body("items.divisionCode", everyItem(equalTo("530102")))
                .body("items.uscc", hasItem(elderly.uscc));
        // 卫健 reviewer of 五华区: 托育 there
        assertEquals(200, status("wj-530102", childcare));
        assertEquals(404, status("wj-530102", elderly));
        // Qujing's people see nothing of Kunming
        assertEquals(404, status("mz-530302", elderly));
        assertEquals(404, status("admin-530300", elderly));
        // city admin and auditor: the whole city
        for (Institution i : new Institution[]{elderly, childcare, elderlyPanlong}) {
            assertEquals(200, status("admin-530100", i));
            assertEquals(200, status("auditor-530100", i));
        }
        given().auth().oauth2(Tokens.of("auditor-530100")).queryParam("county", "530103")
                .get("/api/institutions").then().statusCode(200)
                .body("items.uscc", hasItem(elderlyPanlong.uscc)).body("items.uscc", not(hasItem(elderly.uscc)));
        // the finance system is not a register user
        given().auth().oauth2(Tokens.finance()).get("/api/institutions/{id}", elderly.id).then().statusCode(404);
        given().auth().oauth2(Tokens.finance()).get("/api/institutions").then().body("total", equalTo(0));
        // anonymous: 401 as problem+json
        given().get("/api/institutions/{id}", elderly.id).then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void contactsAreKeptByTheInstitutionAndDesignationsByTheAuthorities() {
        String contacts = """
                {"contactPerson":"段芳","contactPhone":"0871-65550000","contactEmail":"office@example.cn"}""";
        given().auth().oauth2(Tokens.of("mz-530102")).contentType(ContentType.JSON).body(contacts)
                .put("/api/institutions/{id}/contacts", elderly.id).then().statusCode(403);
        given().auth().oauth2(Tokens.of("inst-childcare")).contentType(ContentType.JSON).body(contacts)
                .put("/api/institutions/{id}/contacts", elderly.id).then().statusCode(404);
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON)
                .body("{\"contactPhone\":\"call me\",\"contactEmail\":\"not-an-email\"}")
                .put("/api/institutions/{id}/contacts", elderly.id).then().statusCode(400)
                .body("violations.field", hasItem("contactPhone")).body("violations.field", hasItem("contactEmail"));
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON).body(contacts)
                .put("/api/institutions/{id}/contacts", elderly.id).then().statusCode(200)
                .body("contactPerson", equalTo("段芳")).body("contactPhone", equalTo("0871-65550000"));

        String designate = "{\"inclusive\":true,\"demonstration\":true}";
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON).body(designate)
                .put("/api/institutions/{id}/designations", elderly.id).then().statusCode(403);
        given().auth().oauth2(Tokens.of("auditor-530100")).contentType(ContentType.JSON).body(designate)
                .put("/api/institutions/{id}/designations", elderly.id).then().statusCode(403);
        given().auth().oauth2(Tokens.of("mz-530103")).contentType(ContentType.JSON).body(designate)
                .put("/api/institutions/{id}/designations", elderly.id).then().statusCode(404);
        given().auth().oauth2(Tokens.of("mz-530102")).contentType(ContentType.JSON).body("{\"inclusive\":true}")
                .put("/api/institutions/{id}/designations", elderly.id).then().statusCode(400)
                .body("violations[0].field", equalTo("demonstration"));
        long changesBefore = db.events("InstitutionChanged", elderly.id.toString()).size();
        given().auth().oauth2(Tokens.of("mz-530102")).contentType(ContentType.JSON).body(designate)
                .put("/api/institutions/{id}/designations", elderly.id).then().statusCode(200)
                .body("inclusive", equalTo(true)).body("demonstration", equalTo(true));
        var changes = db.events("InstitutionChanged", elderly.id.toString());
        assertEquals(changesBefore + 1, changes.size());
        org.junit.jupiter.api.Assertions.assertTrue(changes.get(changes.size() - 1).contains("\"demonstration\":true"));
        given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON)
                .body("{\"inclusive\":true,\"demonstration\":false}")
                .put("/api/institutions/{id}/designations", elderly.id).then().statusCode(200);

        // the public finds it by the designations; the audit trail names who did what
        given().queryParam("inclusive", true).queryParam("county", "530102").get("/api/directory/institutions")
                .then().statusCode(200).body("items.id", hasItem(elderly.id.toString()));
        given().auth().oauth2(Tokens.of("auditor-530100")).queryParam("institutionId", elderly.id)
                .get("/api/institutions/audit").then().statusCode(200)
                .body("actor", hasItem("mz-530102")).body("actor", hasItem("admin-530100"))
                .body("action", hasItem("DESIGNATIONS_UPDATED")).body("action", hasItem("CONTACTS_UPDATED"));
        given().auth().oauth2(Tokens.of("admin-530300")).queryParam("institutionId", elderly.id)
                .get("/api/institutions/audit").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(Tokens.of("inst-elderly")).get("/api/institutions/audit").then().statusCode(403);
        given().auth().oauth2(Tokens.of("mz-530102")).get("/api/institutions/audit").then().statusCode(403);
    }
}
