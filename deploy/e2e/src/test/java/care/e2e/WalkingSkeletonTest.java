package care.e2e;

import care.deploy.Stack;
import care.deploy.TestTopics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static care.e2e.Platform.as;
import static care.e2e.Platform.eventually;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The whole platform as separate processes (PostgreSQL, Kafka, Keycloak, three services and the gateway, each from
 * its built jar), driven only through the gateway with real Keycloak tokens.
 */
class WalkingSkeletonTest {

    static Stack stack;

    @BeforeAll
    static void startPlatform() {
        stack = Platform.stack();
    }

    @Test
    void aFilingIsApprovedAndTheInstitutionReachesTheDirectoryAndTheSubsidyReadModel() {
        Fixtures fixtures = Platform.fixtures();
        String institutionId = fixtures.shared("institution"); // the journey itself, asserted step by step
        given().get("/api/directory/institutions/" + institutionId).then().statusCode(200)
                .body("filingStatus", equalTo("已备案")).body("name", equalTo(Fixtures.NAME));

        // registry outbox → registry-events → subsidy read model
        eventually(() -> as("admin-530100", "GET", "/api/subsidy/institutions/" + institutionId, null)
                .extract().statusCode() == 200 ? "seen" : null);
        as("admin-530100", "GET", "/api/subsidy/institutions/" + institutionId, null).statusCode(200)
                .body("ownership", equalTo("PRIVATE")).body("filingNumber", equalTo(fixtures.receiptNumber));

        // the approval's trace goes on through both events it caused (the registry's in turn, after it applied the
        // filing's): in each record's traceparent header and as the envelope's requestId
        String kafka = stack.infra.kafka.bootstrapServers();
        for (String topic : List.of("filing-events", "registry-events")) {
            assertFalse(TestTopics.read(kafka, topic, Duration.ofSeconds(10), record ->
                    record.headers().lastHeader("traceparent") != null
                            && new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8)
                            .startsWith("00-" + fixtures.approvalTraceId + "-")
                            && record.value().contains("\"requestId\":\"" + fixtures.approvalTraceId + "\""))
                    .isEmpty(), topic);
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
