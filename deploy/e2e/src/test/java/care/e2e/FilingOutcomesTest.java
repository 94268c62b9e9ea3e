package care.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static care.e2e.Platform.as;
import static care.e2e.Platform.eventually;
import static care.e2e.Platform.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * Every kind of 备案 from draft to outcome through the gateway, with the registry reflecting each outcome: a 托育机构
 * of 曲靖市麒麟区 (the second city, its health reviewer) is registered (NEW), renamed (CHANGE), given a second site
 * (ADD_SITE) and closed (CLOSE). Uses inst-childcare-530302 and wj-530302, which no other class files for.
 */
class FilingOutcomesTest {

    static final String USER = "inst-childcare-530302";
    static final String REVIEWER = "wj-530302";
    static final String USCC = "91530302MA6QJ7D211";

    @BeforeAll
    static void platform() {
        Platform.stack();
    }

    @Test
    void newChangeAddSiteAndCloseEachReachTheRegister() {
        String name = "麒麟区童乐托育园";
        Map<String, Object> created = new HashMap<>(Map.ofEntries(
                Map.entry("type", "NEW"), Map.entry("sector", "CHILDCARE"), Map.entry("uscc", USCC),
                Map.entry("institutionName", name), Map.entry("kind", "FULL_DAYCARE"),
                Map.entry("ownership", "PRIVATE"), Map.entry("divisionCode", "530302"),
                Map.entry("address", "曲靖市麒麟区麒麟南路18号"), Map.entry("legalRepresentative", "李娟"),
                Map.entry("contactPhone", "0874-3120018"), Map.entry("capacity", 60)));
        String filing = submitted(created);
        // routed to the health reviewer of 麒麟区 only: not civil affairs of that county, not health of 五华区
        as("mz-530302", "GET", "/api/filings/" + filing, null).statusCode(404);
        as("wj-530102", "GET", "/api/filings/" + filing, null).statusCode(404);
        String receipt = approve(filing);
        String id = eventually(() -> given().queryParam("q", "童乐").queryParam("city", "530300")
                .get("/api/directory/institutions").then().statusCode(200)
                .extract().path("items.find { it.filingNumber == '" + receipt + "' }.id"));
        given().get("/api/directory/institutions/" + id).then().statusCode(200)
                .body("uscc", equalTo(USCC)).body("name", equalTo(name)).body("filingStatus", equalTo("已备案"))
                .body("cityCode", equalTo("530300")).body("divisionCode", equalTo("530302"))
                .body("capacity", equalTo(60)).body("sites", hasSize(1));

        approve(submitted(new HashMap<>(Map.of("type", "CHANGE", "uscc", USCC, "institutionName", name + "（更名）"))));
        eventually(() -> given().get("/api/directory/institutions/" + id).then().statusCode(200)
                .extract().path("name").equals(name + "（更名）") ? "renamed" : null);

        approve(submitted(new HashMap<>(Map.of("type", "ADD_SITE", "uscc", USCC, "siteName", "南城分园",
                "siteAddress", "曲靖市麒麟区南城路6号", "siteCapacity", 30))));
        eventually(() -> given().get("/api/directory/institutions/" + id).then().statusCode(200)
                .extract().jsonPath().getList("sites").size() == 2 ? "added" : null);
        given().get("/api/directory/institutions/" + id).then().body("capacity", equalTo(90))
                .body("sites.find { !it.main }.address", equalTo("曲靖市麒麟区南城路6号"));

        approve(submitted(new HashMap<>(Map.of("type", "CLOSE", "uscc", USCC, "closeReason", "举办者决定停办"))));
        // out of the public directory; the institution still reads its own record, now 已注销
        eventually(() -> given().get("/api/directory/institutions/" + id).then().extract().statusCode() == 404
                ? "closed" : null);
        as(USER, "GET", "/api/institutions/" + id, null).statusCode(200)
                .body("filingStatus", equalTo("CLOSED")).body("name", equalTo(name + "（更名）"));
    }

    /** A draft with every required material of its checklist, submitted by the institution. */
    private static String submitted(Map<String, Object> body) {
        String filing = as(USER, "POST", "/api/filings", body).statusCode(201).extract().path("id");
        List<String> required = as(USER, "GET", "/api/filings/" + filing + "/materials", null).statusCode(200)
                .extract().jsonPath().getList("findAll { it.required }.code");
        for (String code : required) {
            given().auth().oauth2(token(USER)).contentType("application/pdf").body(Fixtures.PDF)
                    .queryParam("fileName", code.toLowerCase() + ".pdf")
                    .put("/api/filings/" + filing + "/materials/" + code).then().statusCode(200);
        }
        as(USER, "POST", "/api/filings/" + filing + "/submit", null).statusCode(200).body("status", equalTo("SUBMITTED"));
        return filing;
    }

    /** 受理 and approval by the county's health reviewer; returns the 备案回执 number. */
    private static String approve(String filing) {
        as(REVIEWER, "POST", "/api/filings/" + filing + "/accept", null).statusCode(200);
        return given().auth().oauth2(token(REVIEWER)).contentType(ContentType.JSON).body(Map.of("comment", "准予备案"))
                .post("/api/filings/" + filing + "/approve").then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("receiptNumber", matchesPattern("530302-\\d{4}-\\d{6}")).extract().path("receiptNumber");
    }
}
