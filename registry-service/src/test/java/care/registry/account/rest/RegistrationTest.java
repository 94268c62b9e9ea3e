package care.registry.account.rest;

import care.deploy.CareTestResource;
import care.deploy.TestTopics;
import care.deploy.Tokens;
import care.registry.support.Db;
import care.registry.support.Register;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static care.registry.account.rest.Accounts.PASSWORD;
import static care.registry.account.rest.Accounts.claims;
import static care.registry.account.rest.Accounts.mobile;
import static care.registry.account.rest.Accounts.register;
import static care.registry.account.rest.Accounts.registration;
import static care.registry.account.rest.Accounts.signIn;
import static care.registry.account.rest.Accounts.uscc;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** 机构注册 with real Keycloak users: register, the county confirms or refuses, the administrator adds operators. */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class RegistrationTest {

    @Inject
    Register register;
    @Inject
    Db db;

    @Test
    void aNewInstitutionIsARegistrantUntilItsCountyConfirmsItThenActsAsThatInstitutionOnly() {
        String uscc = uscc("530302");
        String mobile = mobile();
        String id = register(registration(uscc, "530302", "ELDERLY", mobile)).statusCode(201)
                .body("status", equalTo("PENDING")).extract().path("id");
        String registrant = signIn(mobile, PASSWORD);
        assertNotNull(registrant, "a registration of a USCC the platform does not know signs in to file its NEW");
        assertEquals(List.of("registrant"), roles(registrant));
        assertEquals(uscc, claims(registrant).get("uscc"));
        seesNothing(registrant, id);

        // the 麒麟区 民政 reviewer sees it; 卫健 of the county and 民政 of another county do not
        given().auth().oauth2(Tokens.of("mz-530302")).get("/api/registrations").then().statusCode(200)
                .body("id", hasItem(id)).body("find { it.id == '%s' }.knownInstitution".formatted(id), equalTo(false))
                .body("find { it.id == '%s' }.mobile".formatted(id), equalTo(mobile));
        given().auth().oauth2(Tokens.of("wj-530302")).get("/api/registrations").then().body("id", not(hasItem(id)));
        given().auth().oauth2(Tokens.of("mz-530102")).get("/api/registrations").then().body("id", not(hasItem(id)));
        // 卫健 of the county sees that it exists (a reviewer of the area) but does not decide it
        given().auth().oauth2(Tokens.of("wj-530302")).post("/api/registrations/{id}/confirm", id).then()
                .statusCode(403);

        given().auth().oauth2(Tokens.of("mz-530302")).post("/api/registrations/{id}/confirm", id).then()
                .statusCode(200).body("status", equalTo("CONFIRMED")).body("decidedBy", equalTo("mz-530302"));
        given().auth().oauth2(Tokens.of("mz-530302")).post("/api/registrations/{id}/confirm", id).then()
                .statusCode(409).body("code", equalTo("REGISTRATION_DECIDED"));

        String token = signIn(mobile, PASSWORD);
        assertNotNull(token, "the confirmed account signs in");
        assertEquals(List.of("institution"), roles(token), "confirmed: an institution, no longer a registrant");
        Map<String, Object> claims = claims(token);
        assertEquals(uscc, claims.get("uscc"));
        assertEquals("ELDERLY", claims.get("sector"));
        assertEquals("530302", claims.get("division_code"));
        assertEquals("530300", claims.get("city_code"));
        given().auth().oauth2(token).get("/api/institutions").then().statusCode(200).body("total", equalTo(0));

        // its first confirmed account is its administrator: it adds an operator of its own institution, and removes it
        given().auth().oauth2(token).get("/api/accounts/operators").then().statusCode(200)
                .body("[0].username", equalTo(mobile)).body("[0].administrator", equalTo(true));
        String operatorMobile = mobile();
        String operator = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("fullName", "赵敏", "mobile", operatorMobile, "uscc", "52530102MJA00001X1"))
                .post("/api/accounts/operators").then().statusCode(201).body("uscc", equalTo(uscc))
                .body("administrator", equalTo(false)).body("initialPassword.length()", equalTo(16))
                .extract().path("id");
        given().auth().oauth2(Tokens.of("inst-elderly")).get("/api/accounts/operators").then().statusCode(403);
        given().auth().oauth2(Tokens.of("inst-elderly")).delete("/api/accounts/operators/{id}", operator).then()
                .statusCode(403);
        given().auth().oauth2(token).delete("/api/accounts/operators/{id}", operator).then().statusCode(204);
        given().auth().oauth2(token).delete("/api/accounts/operators/{id}", operator).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(token).get("/api/accounts/operators").then().body("size()", equalTo(1));

        // every step is in the city's audit trail
        given().auth().oauth2(Tokens.of("admin-530300")).get("/api/institutions/audit").then().statusCode(200)
                .body("action", hasItem("REGISTRATION_CONFIRMED")).body("action", hasItem("OPERATOR_REMOVED"));
    }

    @Test
    void theApprovalOfTheRegistrantsOwnNewFilingConfirmsItsRegistrationOnce() {
        String uscc = uscc("530302");
        String mobile = mobile();
        String id = register(registration(uscc, "530302", "ELDERLY", mobile)).statusCode(201).extract().path("id");
        String registrant = signIn(mobile, PASSWORD);
        String subject = (String) claims(registrant).get("sub");
        String approval = Register.approved(UUID.randomUUID(), UUID.randomUUID(), "NEW", "530302-2026-900001",
                LocalDate.of(2026, 11, 20), uscc, "麒麟区注册人养老院", "ELDERLY", "PRIVATE_CARE_HOME", "PRIVATE",
                "530302", "曲靖市麒麟区南宁西路1号", 40, Register.site("麒麟区注册人养老院", "530302", "曲靖市麒麟区南宁西路1号", 40));

        // a NEW of the USCC that another account filed (or one from before applicants were kept) decides nothing
        register.deliver(Register.byApplicant(approval.replace("530302-2026-900001", "530302-2026-900000")
                .replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":\"" + UUID.randomUUID() + "\""),
                UUID.randomUUID().toString()));
        assertEquals(List.of("PENDING"), db.strings("select status from registration where id = ?1", UUID.fromString(id)));
        seesNothing(signIn(mobile, PASSWORD), id);
        // its messages are those of its own filing only: not the other account's approval of the USCC
        register.deliver(Register.returned(UUID.randomUUID(), UUID.randomUUID(), uscc, subject));
        given().auth().oauth2(signIn(mobile, PASSWORD)).get("/api/messages").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].kind", equalTo("FILING_RETURNED"));

        // through the broker, as filing-service publishes it: the consumer's own thread calls Keycloak
        String own = Register.byApplicant(approval, subject);
        TestTopics.publish("filing-events", uscc, own);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.of("mz-530302")).get("/api/registrations?status=CONFIRMED").then()
                        .body("find { it.id == '%s' }.decidedBy".formatted(id), equalTo("准予备案 530302-2026-900001")));
        String institution = signIn(mobile, PASSWORD);
        assertEquals(List.of("institution"), roles(institution));
        given().auth().oauth2(institution).get("/api/institutions").then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(institution).get("/api/accounts/operators").then().statusCode(200)
                .body("[0].administrator", equalTo(true)).body("[0].role", equalTo("institution"));

        // once: the same event again (the inbox) and another approval naming it (already decided) change nothing
        register.deliver(own);
        register.deliver(own.replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":\"" + UUID.randomUUID() + "\""));
        assertEquals(1, db.count("select count(*) from audit_entry where entity_id = ?1 "
                + "and action = 'REGISTRATION_CONFIRMED'", UUID.fromString(id)));
        given().auth().oauth2(Tokens.of("mz-530302")).post("/api/registrations/{id}/confirm", id).then()
                .statusCode(409).body("code", equalTo("REGISTRATION_DECIDED"));

        // told once, in the confirming transaction; as the institution it now reads all of its USCC's messages
        assertEquals(1, db.count("select count(*) from message where registration_id = ?1", UUID.fromString(id)));
        given().auth().oauth2(institution).get("/api/messages").then().statusCode(200)
                .body("items.findAll { it.kind == 'REGISTRATION_CONFIRMED' }.size()", equalTo(1))
                .body("items.kind", hasItems("REGISTRATION_CONFIRMED", "FILING_APPROVED", "FILING_RETURNED"))
                .body("items.find { it.kind == 'REGISTRATION_CONFIRMED' }.body",
                        equalTo("您为“测试康养中心" + mobile.substring(mobile.length() - 4)
                                + "”提交的机构注册已确认，本账号现可办理该机构的备案等业务。"));
    }

    /** A registrant sees no institution, no registration and no account; it cannot confirm itself. */
    private static void seesNothing(String registrant, String registration) {
        given().auth().oauth2(registrant).get("/api/institutions").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(registrant).get("/api/registrations").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(registrant).post("/api/registrations/{id}/confirm", registration).then().statusCode(404);
        given().auth().oauth2(registrant).get("/api/accounts/operators").then().statusCode(403);
        given().auth().oauth2(registrant).get("/api/institutions/audit").then().statusCode(403);
    }

    @SuppressWarnings("unchecked")
    private static List<String> roles(String token) {
        Map<String, Object> realmAccess = (Map<String, Object>) claims(token).get("realm_access");
        return ((List<String>) realmAccess.get("roles")).stream()
                .filter(r -> r.equals("registrant") || r.equals("institution")).toList();
    }

    @Test
    void claimingAFiledInstitutionShowsNothingOfItAndARefusalFreesTheMobileNumber() {
        register.elderly530102();
        String mobile = mobile();
        String id = register(registration(Register.ELDERLY_530102, "530102", "ELDERLY", mobile)).statusCode(201)
                .extract().path("id");
        assertNull(signIn(mobile, PASSWORD), "a claim on a filed institution signs in before it is confirmed");
        given().auth().oauth2(Tokens.of("mz-530102")).get("/api/registrations").then()
                .body("find { it.id == '%s' }.knownInstitution".formatted(id), equalTo(true));

        given().auth().oauth2(Tokens.of("mz-530102")).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post("/api/registrations/{id}/refuse", id).then().statusCode(400);
        given().auth().oauth2(Tokens.of("mz-530102")).contentType(ContentType.JSON)
                .body(Map.of("reason", "经核实，注册人与该机构无关"))
                .post("/api/registrations/{id}/refuse", id).then().statusCode(200).body("status", equalTo("REFUSED"))
                .body("reason", equalTo("经核实，注册人与该机构无关"));
        assertNull(signIn(mobile, PASSWORD));
        given().auth().oauth2(Tokens.of("mz-530102")).get("/api/registrations?status=REFUSED").then()
                .body("id", hasItem(id));
        register(registration(uscc("530102"), "530102", "ELDERLY", mobile)).statusCode(201);
    }

    @Test
    void badInputAndDuplicatesAreRefusedAndCreateNothing() {
        long before = db.count("select count(*) from account");
        String uscc = uscc("530102");
        String wrongCheck = uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0');
        register(registration(wrongCheck, "530102", "ELDERLY", mobile())).statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("uscc"));
        register(registration(uscc, "110101", "ELDERLY", mobile())).statusCode(400)
                .body("violations.field", hasItem("divisionCode"));
        register(registration(uscc, "530100", "ELDERLY", mobile())).statusCode(400);
        var weak = registration(uscc, "530102", "ELDERLY", mobile());
        weak.put("password", "short");
        register(weak).statusCode(400).body("violations.field", hasItem("password"));
        var badMobile = registration(uscc, "530102", "ELDERLY", "12345");
        register(badMobile).statusCode(400).body("violations.field", hasItem("mobile"));
        var badSector = registration(uscc, "530102", "BOTH", mobile());
        register(badSector).statusCode(400);
        assertEquals(before, db.count("select count(*) from account"));

        String mobile = mobile();
        register(registration(uscc, "530102", "ELDERLY", mobile)).statusCode(201);
        register(registration(uscc("530103"), "530103", "ELDERLY", mobile)).statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("MOBILE_REGISTERED"));
        register(registration(uscc, "530102", "ELDERLY", mobile())).statusCode(409)
                .body("code", equalTo("REGISTRATION_PENDING"));
        assertEquals(before + 1, db.count("select count(*) from account"));
    }

    @Test
    void institutionsAndOtherCountiesHaveNoPartInTheQueue() {
        String id = register(registration(uscc("530103"), "530103", "CHILDCARE", mobile())).statusCode(201)
                .extract().path("id");
        given().get("/api/registrations").then().statusCode(401);
        given().auth().oauth2(Tokens.of("inst-elderly")).get("/api/registrations").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("inst-elderly")).post("/api/registrations/{id}/confirm", id).then()
                .statusCode(404);
        // the city admin sees the city's queue but the county's health department decides
        given().auth().oauth2(Tokens.of("admin-530100")).get("/api/registrations").then().body("id", hasItem(id));
        given().auth().oauth2(Tokens.of("admin-530100")).post("/api/registrations/{id}/confirm", id).then()
                .statusCode(403);
        given().auth().oauth2(Tokens.of("admin-530300")).post("/api/registrations/{id}/confirm", id).then()
                .statusCode(404);
        given().auth().oauth2(Tokens.of("wj-530100")).post("/api/registrations/{id}/confirm", id).then()
                .statusCode(200);
    }
}
