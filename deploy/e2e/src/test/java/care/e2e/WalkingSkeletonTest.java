package care.e2e;

import care.deploy.Stack;
import care.deploy.TestTopics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static care.e2e.Platform.as;
import static care.e2e.Platform.eventually;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole platform as separate processes (PostgreSQL, Kafka, Keycloak, three services and the gateway, each from
 * its built jar), driven only through the gateway with real Keycloak tokens.
 */
class WalkingSkeletonTest {

    // inst-elderly's institution, as bound by the realm (deploy/keycloak/care-realm.json)
    static final String USCC = "52530102MJA00001X1";

    static Stack stack;

    @BeforeAll
    static void startPlatform() {
        stack = Platform.stack();
    }

    @Test
    void aFilingIsApprovedAndTheInstitutionReachesTheDirectoryAndTheSubsidyReadModel() {
        String id = as("inst-elderly", "POST", "/api/filings", Map.ofEntries(
                Map.entry("type", "NEW"), Map.entry("sector", "ELDERLY"), Map.entry("uscc", USCC),
                Map.entry("institutionName", "五华区康乐养老院"), Map.entry("kind", "PRIVATE_CARE_HOME"),
                Map.entry("ownership", "PRIVATE"), Map.entry("divisionCode", "530102"),
                Map.entry("address", "昆明市五华区学府路1号"), Map.entry("legalRepresentative", "张丽"),
                Map.entry("contactPhone", "0871-65550101"), Map.entry("capacity", 120)))
                .statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");
        as("inst-elderly", "POST", "/api/filings/" + id + "/submit", null)
                .statusCode(200).body("status", equalTo("SUBMITTED"));

        // not yet filed: the public does not see it
        given().queryParam("q", "康乐").get("/api/directory/institutions").then().statusCode(200)
                .body("total", equalTo(0));

        as("mz-530102", "GET", "/api/filings", null).statusCode(200).body("id", hasItem(id));
        String requestId = "e2e-approve-" + id.substring(0, 8);
        String receipt = given().auth().oauth2(Platform.token("mz-530102")).header("X-Request-Id", requestId)
                .contentType("application/json").body(Map.of("comment", "材料齐全"))
                .post("/api/filings/" + id + "/approve").then()
                .statusCode(200).header("X-Request-Id", requestId).body("status", equalTo("APPROVED"))
                .body("receiptNumber", matchesPattern("530102-\\d{4}-\\d{6}"))
                .extract().path("receiptNumber");

        // filing-service outbox → filing-events → registry inbox: 已备案 in the anonymous directory
        String institutionId = eventually(() -> given().queryParam("q", "康乐").get("/api/directory/institutions")
                .then().statusCode(200).extract().path("items.find { it.filingNumber == '" + receipt + "' }.id"));
        given().get("/api/directory/institutions/" + institutionId).then().statusCode(200)
                .body("filingStatus", equalTo("已备案")).body("name", equalTo("五华区康乐养老院"));

        // registry outbox → registry-events → subsidy read model
        eventually(() -> as("admin-530100", "GET", "/api/subsidy/institutions/" + institutionId, null)
                .extract().statusCode() == 200 ? "seen" : null);
        as("admin-530100", "GET", "/api/subsidy/institutions/" + institutionId, null).statusCode(200)
                .body("ownership", equalTo("PRIVATE")).body("filingNumber", equalTo(receipt));

        // the approval's request id travels on both events it caused, for tracing across services
        String kafka = stack.infra.kafka.bootstrapServers();
        for (String topic : List.of("filing-events", "registry-events")) {
            assertEquals(1, TestTopics.read(kafka, topic, Duration.ofSeconds(10), record ->
                    record.headers().lastHeader("X-Request-Id") != null && requestId.equals(
                            new String(record.headers().lastHeader("X-Request-Id").value(), StandardCharsets.UTF_8)))
                    .size(), topic);
        }
    }

    @Test
    void missingTokenIs401AndWrongRoleIs403AsProblemsThroughTheGatewayAndDirectly() {
        given().get("/api/filings").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
        as("inst-elderly", "GET", "/api/subsidy/institutions", null).statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        // a call that bypasses the gateway gets the same answers from the service itself
        given().baseUri(stack.serviceUrl("filing-service")).get("/api/filings").then().statusCode(401)
                .contentType("application/problem+json");
        given().baseUri(stack.serviceUrl("subsidy-service")).auth().oauth2(Platform.token("inst-elderly"))
                .get("/api/subsidy/institutions").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void everyServiceReportsHealthMetricsAndOpenApi() {
        for (String service : new String[]{"registry-service", "filing-service", "subsidy-service"}) {
            String url = stack.serviceUrl(service);
            given().baseUri(url).get("/q/health/ready").then().statusCode(200)
                    .body("checks.name", hasItem("Database connections health check"))
                    .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check"));
            given().baseUri(url).get("/q/health/live").then().statusCode(200);
            given().baseUri(url).get("/q/metrics").then().statusCode(200);
            given().baseUri(url).get("/q/openapi?format=json").then().statusCode(200).body("openapi", matchesPattern("3\\..*"));
        }
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
