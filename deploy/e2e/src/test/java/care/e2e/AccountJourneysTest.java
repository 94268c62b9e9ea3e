package care.e2e;

import care.deploy.Keycloak;
import care.deploy.Stack;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static care.e2e.Platform.as;
import static care.e2e.Platform.eventually;
import static care.e2e.Registrations.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Accounts for real people, through the gateway with real Keycloak tokens and no one editing Keycloak: 曲靖's city
 * admin appoints a 会泽县 民政 reviewer, a new 会泽县 养老院 registers, files its 新设备案 as a registrant, gets its
 * 备案回执 from that reviewer, whose approval confirms the registration; a claim on a filed USCC gets no token; a
 * disabled reviewer cannot sign in.
 */
class AccountJourneysTest {

    static Stack stack;
    static Keycloak keycloak;

    @BeforeAll
    static void platform() {
        stack = Platform.stack();
        keycloak = stack.infra.keycloak;
    }

    private static RequestSpecification with(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A reviewer of 会泽县 appointed by 曲靖's city admin, who has replaced the one-time password. */
    private static String appointHuizeReviewer(String username) {
        as("admin-530300", "POST", "/api/accounts/staff", Map.of("username", username, "fullName", "陈静",
                "role", "civil-affairs-reviewer", "divisionCode", "530326")).statusCode(201)
                .body("divisionName", equalTo("会泽县")).body("initialPassword", matchesPattern("\\S{16}"));
        keycloak.setPassword(username, PASSWORD);
        return keycloak.token(username, PASSWORD);
    }

    @Test
    void aNewHuizeCareHomeRegistersFilesItsNewAndTheApprovalByTheAppointedReviewerMakesItTheInstitution() {
        String reviewer = appointHuizeReviewer("mz-530326-" + ThreadLocalRandom.current().nextInt(100_000, 999_999));

        String uscc = Registrations.uscc("530326");
        String mobile = Registrations.mobile();
        String registration = given().contentType(ContentType.JSON)
                .body(Registrations.registration(uscc, "530326", "ELDERLY", mobile))
                .post("/api/registrations").then().statusCode(201).body("status", equalTo("PENDING"))
                .extract().path("id");

        // not yet confirmed, it signs in as a registrant: it files the 新设备案 of its USCC and sees nothing else
        String registrant = keycloak.token(mobile, PASSWORD);
        with(registrant).get("/api/institutions").then().statusCode(200).body("total", equalTo(0));
        with(registrant).get("/api/registrations").then().statusCode(403);
        with(registrant).body(Map.of("type", "CHANGE", "uscc", uscc, "institutionName", "改名")).post("/api/filings")
                .then().statusCode(403);
        String filing = with(registrant).body(Map.ofEntries(
                        Map.entry("type", "NEW"), Map.entry("sector", "ELDERLY"), Map.entry("uscc", uscc),
                        Map.entry("institutionName", "会泽县颐康养老院"), Map.entry("kind", "PRIVATE_CARE_HOME"),
                        Map.entry("ownership", "PRIVATE"), Map.entry("divisionCode", "530326"),
                        Map.entry("address", "曲靖市会泽县金钟街道1号"), Map.entry("legalRepresentative", "王芳"),
                        Map.entry("contactPhone", "0874-5120001"), Map.entry("capacity", 60)))
                .post("/api/filings").then().statusCode(201).extract().path("id");
        for (String code : new String[]{"APPLICATION_FORM", "REGISTRATION_CERT", "COMMITMENT"}) {
            given().auth().oauth2(registrant).contentType("application/pdf").body(Fixtures.PDF)
                    .queryParam("fileName", code.toLowerCase() + ".pdf")
                    .put("/api/filings/" + filing + "/materials/" + code).then().statusCode(200);
        }
        with(registrant).post("/api/filings/" + filing + "/submit").then().statusCode(200);

        // the new reviewer works 会泽县's queues: the registration and the filing are there; approving the filing
        // confirms the registration (registry consumes FilingApproved)
        assertNotNull(inQueue(reviewer, "PENDING", "id", registration), "in 会泽县's queue");
        with(reviewer).body(Map.of()).post("/api/filings/" + filing + "/accept").then().statusCode(200);
        with(reviewer).body(Map.of("comment", "材料齐全，准予备案")).post("/api/filings/" + filing + "/approve").then()
                .statusCode(200).body("receiptNumber", matchesPattern("530326-\\d{4}-\\d{6}"));
        given().auth().oauth2(registrant).get("/api/filings/" + filing + "/receipt").then().statusCode(200);
        eventually(() -> inQueue(reviewer, "CONFIRMED", "id", registration));

        // signed in again, it is the institution's administrator and sees its institution
        String institution = keycloak.token(mobile, PASSWORD);
        with(institution).get("/api/accounts/operators").then().statusCode(200)
                .body("[0].administrator", equalTo(true));
        eventually(() -> with(institution).get("/api/institutions").then().extract()
                .<Integer>path("total") == 1 ? "filed" : null);
    }

    @Test
    void claimingAFiledInstitutionGivesNoTokenUntilConfirmed() {
        Platform.fixtures().shared("institution"); // inst-elderly's 五华区康乐养老院, filed
        String mobile = Registrations.mobile();
        given().contentType(ContentType.JSON)
                .body(Registrations.registration(Fixtures.USCC, "530102", "ELDERLY", mobile))
                .post("/api/registrations").then().statusCode(201);
        assertThrows(IllegalStateException.class, () -> keycloak.token(mobile, PASSWORD));
        Map<String, Object> claim = inQueue(Platform.token("mz-530102"), "PENDING", "mobile", mobile);
        assertEquals(true, claim == null ? null : claim.get("knownInstitution"), "the reviewer is told it is filed");
    }

    /**
     * A registration in a reviewer's queue of one status, looked for page by page: the queue is oldest first, and
     * 五华区's holds every registration the authorization matrix made before this test.
     */
    private static Map<String, Object> inQueue(String reviewer, String status, String field, String value) {
        for (int page = 0; ; page++) {
            List<Map<String, Object>> items = with(reviewer).queryParam("status", status).queryParam("page", page)
                    .queryParam("size", 200).get("/api/registrations").then().statusCode(200)
                    .extract().jsonPath().getList("$");
            for (Map<String, Object> item : items) {
                if (value.equals(item.get(field))) {
                    return item;
                }
            }
            if (items.size() < 200) {
                return null;
            }
        }
    }

    @Test
    void aDisabledAccountCannotSignIn() {
        String username = "mz-530326-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        appointHuizeReviewer(username);
        String id = as("admin-530300", "GET", "/api/accounts/staff", null).statusCode(200).extract()
                .path("find { it.username == '%s' }.id".formatted(username));
        as("admin-530300", "POST", "/api/accounts/staff/" + id + "/disable", null).statusCode(200)
                .body("status", equalTo("DISABLED"));
        assertNull(signIn(username));
        as("admin-530100", "POST", "/api/accounts/staff/" + id + "/enable", null).statusCode(404);
    }

    private static String signIn(String username) {
        try {
            return keycloak.token(username, PASSWORD);
        } catch (IllegalStateException refused) {
            return null;
        }
    }
}
