package care.filing.rest;

import care.deploy.CareTestResource;
import care.deploy.TestTopics;
import care.deploy.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "filing"))
class FilingResourceTest {

    // the realm binds inst-elderly to this 统一社会信用代码 (deploy/keycloak/care-realm.json)
    static final String ELDERLY_USCC = "52530102MJA00001X1";

    static Map<String, Object> newElderlyFiling(String name) {
        return Map.ofEntries(Map.entry("type", "NEW"), Map.entry("sector", "ELDERLY"),
                Map.entry("uscc", ELDERLY_USCC), Map.entry("institutionName", name),
                Map.entry("kind", "PRIVATE_CARE_HOME"), Map.entry("ownership", "PRIVATE"),
                Map.entry("divisionCode", "530102"), Map.entry("address", "昆明市五华区龙翔街道学府路1号"),
                Map.entry("legalRepresentative", "张丽"), Map.entry("contactPhone", "0871-65550101"),
                Map.entry("capacity", 120));
    }

    static ValidatableResponse as(String user, String method, String path, Object body) {
        var request = given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.request(method, path).then();
    }

    static String submitted(String name) {
        String id = as("inst-elderly", "POST", "/api/filings", newElderlyFiling(name))
                .statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");
        as("inst-elderly", "POST", "/api/filings/" + id + "/submit", null).statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        return id;
    }

    @Test
    void approvalIssuesReceiptAndPublishesFilingApprovedThroughTheOutbox() {
        String id = submitted("五华区康乐养老院");
        as("mz-530102", "GET", "/api/filings", null).statusCode(200).body("id", hasItem(id));
        as("mz-530102", "GET", "/api/filings/" + id, null).statusCode(200).header("ETag", "\"1\"");

        String receipt = as("mz-530102", "POST", "/api/filings/" + id + "/approve", Map.of("comment", "材料齐全"))
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("mz-530102"))
                .body("receiptNumber", matchesPattern("530102-\\d{4}-\\d{6}"))
                .extract().path("receiptNumber");

        List<ConsumerRecord<String, String>> events = TestTopics.read("filing-events", Duration.ofSeconds(15),
                r -> r.value().contains(id));
        assertEquals(1, events.size(), "exactly one FilingApproved for the filing");
        assertEquals(ELDERLY_USCC, events.get(0).key());
        assertTrue(events.get(0).value().contains("\"type\":\"FilingApproved\""));
        assertTrue(events.get(0).value().contains(receipt));

        as("mz-530102", "POST", "/api/filings/" + id + "/approve", null).statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("ILLEGAL_TRANSITION"));
    }

    @Test
    void everyOwnershipAndKindOfTheSectorIsAccepted() {
        for (String ownership : new String[]{"PUBLIC", "PRIVATE", "PUBLIC_BUILT_PRIVATE_RUN", "PRIVATE_WITH_PUBLIC_AID"}) {
            for (String kind : new String[]{"MEDICAL_ELDERLY_CARE", "COUNTY_DISABILITY_CARE", "RURAL_REGIONAL_CENTER"}) {
                Map<String, Object> filing = new java.util.HashMap<>(newElderlyFiling("五华区" + ownership + kind));
                filing.put("ownership", ownership);
                filing.put("kind", kind);
                as("inst-elderly", "POST", "/api/filings", filing).statusCode(201)
                        .body("ownership", equalTo(ownership)).body("kind", equalTo(kind));
            }
        }
    }

    @Test
    void staleIfMatchIsAConflict() {
        String id = as("inst-elderly", "POST", "/api/filings", newElderlyFiling("五华区版本测试养老院"))
                .statusCode(201).header("ETag", "\"0\"").extract().path("id");
        given().auth().oauth2(Tokens.of("inst-elderly")).header("If-Match", "\"7\"")
                .post("/api/filings/" + id + "/submit").then().statusCode(409).body("code", equalTo("VERSION_MISMATCH"));
        given().auth().oauth2(Tokens.of("inst-elderly")).header("If-Match", "\"0\"")
                .post("/api/filings/" + id + "/submit").then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void requestsWithoutTokenOrWithTheWrongRoleAreProblems() {
        given().contentType(ContentType.JSON).body(newElderlyFiling("x")).post("/api/filings").then()
                .statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        as("mz-530102", "POST", "/api/filings", newElderlyFiling("x")).statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        String id = submitted("五华区权限测试养老院");
        as("inst-elderly", "POST", "/api/filings/" + id + "/approve", null).statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void reviewersOutsideTheSectorOrCountyCannotSeeOrDecide() {
        String id = submitted("五华区可见性测试养老院");
        as("wj-530102", "GET", "/api/filings/" + id, null).statusCode(404);   // health reviews 托育 only
        as("mz-530103", "GET", "/api/filings/" + id, null).statusCode(404);   // 盘龙区 reviewer
        as("mz-530103", "POST", "/api/filings/" + id + "/approve", null).statusCode(404);
        as("mz-530103", "GET", "/api/filings", null).statusCode(200).body("id", not(hasItem(id)));
        as("inst-childcare", "GET", "/api/filings/" + id, null).statusCode(404); // another institution
        as("admin-530100", "GET", "/api/filings/" + id, null).statusCode(200);
    }

    @Test
    void invalidInputIsRefusedFieldByFieldAndNothingIsStored() {
        Map<String, Object> bad = new java.util.HashMap<>(newElderlyFiling(" "));
        bad.put("uscc", "52530102MJA00001X2");        // wrong check character
        bad.put("divisionCode", "530199");             // not a county in GB/T 2260
        bad.put("capacity", -3);
        as("inst-elderly", "POST", "/api/filings", bad).statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", containsInAnyOrder("capacity", "divisionCode", "institutionName", "uscc"));

        Map<String, Object> wrongKind = new java.util.HashMap<>(newElderlyFiling("错误类型"));
        wrongKind.put("kind", "FULL_DAYCARE");
        as("inst-elderly", "POST", "/api/filings", wrongKind).statusCode(400).body("violations[0].field", equalTo("kind"));

        Map<String, Object> otherInstitution = new java.util.HashMap<>(newElderlyFiling("冒名"));
        otherInstitution.put("uscc", "91530102MA6K0000BY");
        as("inst-elderly", "POST", "/api/filings", otherInstitution).statusCode(403);
        as("inst-elderly", "GET", "/api/filings", null).statusCode(200)
                .body("institutionName", not(hasItem("错误类型"))).body("institutionName", not(hasItem("冒名")));
    }

    @Test
    void concurrentApproveAndRejectLeaveOneOutcomeAndGaplessReceipts() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(submitted("并发测试养老院" + i));
        }
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (String id : ids) {
                calls.add(() -> as("mz-530102", "POST", "/api/filings/" + id + "/approve", null)
                        .extract().statusCode());
                calls.add(() -> as("mz-530102", "POST", "/api/filings/" + id + "/reject",
                        Map.of("comment", "材料不实")).extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (var f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(ids.size(), statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(ids.size(), statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        List<Integer> sequences = new ArrayList<>();
        for (String id : ids) {
            String receipt = as("mz-530102", "GET", "/api/filings/" + id, null).extract().path("receiptNumber");
            if (receipt != null) {
                sequences.add(Integer.parseInt(receipt.substring(receipt.lastIndexOf('-') + 1)));
            }
        }
        sequences.sort(null);
        for (int i = 1; i < sequences.size(); i++) {
            assertEquals(sequences.get(i - 1) + 1, sequences.get(i), "receipt numbers without gaps: " + sequences);
        }
    }
}
