package care.registry.account.rest;

import care.deploy.CareTestResource;
import care.deploy.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static care.registry.account.rest.Accounts.PASSWORD;
import static care.registry.account.rest.Accounts.claims;
import static care.registry.account.rest.Accounts.mobile;
import static care.registry.account.rest.Accounts.register;
import static care.registry.account.rest.Accounts.registration;
import static care.registry.account.rest.Accounts.signIn;
import static care.registry.account.rest.Accounts.uscc;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** 账号管理: a city admin's staff accounts, of their own city only, with real Keycloak sign-ins. */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class StaffAccountsTest {

    @Inject
    Keycloak keycloak;

    private static String username(String prefix) {
        return prefix + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }

    private static Map<String, Object> staff(String username, String role, String division) {
        return division == null ? Map.of("username", username, "fullName", "张伟", "role", role)
                : Map.of("username", username, "fullName", "张伟", "role", role, "divisionCode", division);
    }

    private static io.restassured.response.ValidatableResponse create(String admin, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of(admin)).contentType(ContentType.JSON).body(body)
                .post("/api/accounts/staff").then();
    }

    /** What the holder does at the first sign-in: replaces the one-time password with one of their own. */
    private void changePassword(String id) {
        String keycloakId = keycloak.realm("care").users().searchByUsername(
                given().auth().oauth2(Tokens.of("admin-530300")).get("/api/accounts/staff").then().extract()
                        .jsonPath().getString("find { it.id == '%s' }.username".formatted(id)), true).get(0).getId();
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        keycloak.realm("care").users().get(keycloakId).resetPassword(password);
    }

    @Test
    void aCityAdminAppointsAReviewerForAnotherCountyWhoThenWorksThatCountysQueue() {
        given().auth().oauth2(Tokens.of("admin-530300")).get("/api/accounts/staff/options").then().statusCode(200)
                .body("roles.code", hasItem("civil-affairs-reviewer")).body("roles.code", not(hasItem("institution")))
                .body("divisions.code", hasItem("530381")).body("divisions.code", not(hasItem("530102")));
        String username = username("mz-xw-");
        var created = create("admin-530300", staff(username, "civil-affairs-reviewer", "530381")).statusCode(201)
                .body("sector", equalTo("ELDERLY")).body("divisionName", equalTo("宣威市"))
                .body("initialPassword.length()", equalTo(16)).extract();
        String id = created.path("id");
        String initial = created.path("initialPassword");
        assertNull(signIn(username, initial), "the one-time password is changed at the first sign-in");
        changePassword(id);
        String token = signIn(username, PASSWORD);
        assertNotNull(token);
        assertEquals("530381", claims(token).get("division_code"));
        assertEquals("530300", claims(token).get("city_code"));

        String registration = register(registration(uscc("530381"), "530381", "ELDERLY", mobile())).statusCode(201)
                .extract().path("id");
        given().auth().oauth2(token).get("/api/registrations").then().statusCode(200).body("id", hasItem(registration));
        given().auth().oauth2(token).post("/api/registrations/{id}/confirm", registration).then().statusCode(200);
    }

    @Test
    void aDisabledAccountCannotSignInAndItsSessionsEndUntilItIsEnabledAgain() {
        String username = username("aud-");
        String id = create("admin-530100", staff(username, "auditor", null)).statusCode(201)
                .body("cityCode", equalTo("530100")).extract().path("id");
        given().auth().oauth2(Tokens.of("admin-530100")).post("/api/accounts/staff/{id}/disable", id).then()
                .statusCode(200).body("status", equalTo("DISABLED"));
        String reset = given().auth().oauth2(Tokens.of("admin-530100"))
                .post("/api/accounts/staff/{id}/password-reset", id).then().statusCode(409).extract().path("code");
        assertEquals("ACCOUNT_DISABLED", reset);
        given().auth().oauth2(Tokens.of("admin-530100")).post("/api/accounts/staff/{id}/enable", id).then()
                .statusCode(200).body("status", equalTo("ACTIVE"));
        String fresh = given().auth().oauth2(Tokens.of("admin-530100"))
                .post("/api/accounts/staff/{id}/password-reset", id).then().statusCode(200).extract()
                .path("initialPassword");
        assertEquals(16, fresh.length());

        // the auditor of the city reads who did what
        given().auth().oauth2(Tokens.of("auditor-530100")).get("/api/institutions/audit").then().statusCode(200)
                .body("findAll { it.entityId == '%s' }.action".formatted(id),
                        hasItem("ACCOUNT_DISABLED"))
                .body("findAll { it.entityId == '%s' }.actor".formatted(id), hasItem("admin-530100"));
    }

    @Test
    void aDisabledReviewerCannotSignIn() {
        String username = username("wj-");
        String id = create("admin-530300", staff(username, "health-reviewer", "530302")).statusCode(201)
                .extract().path("id");
        changePassword(id);
        assertNotNull(signIn(username, PASSWORD));
        given().auth().oauth2(Tokens.of("admin-530300")).post("/api/accounts/staff/{id}/disable", id).then()
                .statusCode(200);
        assertNull(signIn(username, PASSWORD), "a disabled account signs in");
    }

    @Test
    void noCityAdminReachesAnotherCityOrGivesARoleOutsideTheList() {
        String qujing = create("admin-530300", staff(username("mz-"), "civil-affairs-reviewer", "530302"))
                .statusCode(201).extract().path("id");
        // 昆明's admin: 曲靖's account is not there for them
        given().auth().oauth2(Tokens.of("admin-530100")).post("/api/accounts/staff/{id}/disable", qujing).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("admin-530100")).get("/api/accounts/staff").then()
                .body("id", not(hasItem(qujing)));
        // a county of another city, the platform's roles that are not staff roles, free text
        create("admin-530300", staff(username("mz-"), "civil-affairs-reviewer", "530102")).statusCode(400)
                .body("violations.field", hasItem("divisionCode"));
        create("admin-530300", staff(username("x-"), "institution", null)).statusCode(400)
                .body("violations.field", hasItem("role"));
        create("admin-530300", staff(username("x-"), "finance", null)).statusCode(400);
        create("admin-530300", staff(username("x-"), "auditor", "530100")).statusCode(400);
        create("admin-530300", staff("Bad Name", "auditor", null)).statusCode(400)
                .body("violations.field", hasItem("username"));
        // only a city admin manages staff
        create("mz-530302", staff(username("x-"), "auditor", null)).statusCode(403);
        create("auditor-530100", staff(username("x-"), "auditor", null)).statusCode(403);
        create("inst-elderly", staff(username("x-"), "auditor", null)).statusCode(403);
        given().get("/api/accounts/staff").then().statusCode(401);
    }
}
