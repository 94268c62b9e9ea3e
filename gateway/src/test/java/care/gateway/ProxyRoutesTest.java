package care.gateway;

import care.deploy.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(BackendsResource.class)
class ProxyRoutesTest {

    @Test
    void thePublicDirectoryIsForwardedWithoutATokenInANewTraceWhoseIdTheCallerSees() {
        var response = given().get("/api/directory/institutions?q=养老").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f]{32}"))
                .header("X-Content-Type-Options", "nosniff")
                .body("uri", equalTo("/api/directory/institutions?q=%E5%85%BB%E8%80%81"))
                .extract();
        String traceId = response.header("X-Request-Id");
        assertTrue(response.jsonPath().getString("headers.traceparent").matches("00-" + traceId + "-[0-9a-f]{16}-0[01]"),
                "the service continues the trace the gateway started");
    }

    @Test
    void aCallersTraceContinuesThroughTheGatewayAndItsIdComesBack() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        var response = given().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .get("/api/directory/institutions").then().statusCode(200)
                .header("X-Request-Id", traceId).extract();
        String forwarded = response.jsonPath().getString("headers.traceparent");
        assertTrue(forwarded.startsWith("00-" + traceId + "-") && !forwarded.contains("00f067aa0ba902b7"),
                "the gateway's own span is the service's parent: " + forwarded);
    }

    @Test
    void requestMetricsAreTaggedByRouteNotByRecordId() {
        for (String id : new String[] {"3f2c7a10-metrics-one", "3f2c7a10-metrics-two"}) {
            given().get("/api/directory/institutions/" + id).then().statusCode(200);
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("uri=\"/api/directory/*\""), "requests are counted under their route");
        assertTrue(!metrics.contains("3f2c7a10-metrics"), "no metric series per record id");
    }

    @Test
    void protectedPathsNeedAValidTokenBeforeAnythingIsForwarded() {
        given().get("/api/filings").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2("not.a.token").get("/api/filings").then().statusCode(401)
                .contentType("application/problem+json");
        String token = Tokens.of("inst-elderly");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJlLWJ5LXNvbWVvbmUtZWxzZQ";
        given().auth().oauth2(forged).get("/api/filings").then().statusCode(401);
        given().auth().oauth2(token).body("{\"a\":1}").contentType("application/json").post("/api/filings")
                .then().statusCode(200).body("method", equalTo("POST")).body("authorized", equalTo(true))
                .body("bodyLength", equalTo(7));
    }

    @Test
    void unknownPathsStoppedServicesSlowServicesAndHugeBodiesAreProblems() {
        String token = Tokens.of("admin-530100");
        given().auth().oauth2(token).get("/api/nothing-here").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(token).get("/api/subsidy/institutions").then().statusCode(503)
                .time(lessThan(3000L)).contentType("application/problem+json")
                .body("code", equalTo("SERVICE_UNAVAILABLE"));
        given().auth().oauth2(token).get("/api/filings/slow").then().statusCode(504)
                .time(lessThan(2500L)).body("code", equalTo("UPSTREAM_TIMEOUT"));
        given().auth().oauth2(token).contentType("application/json").body("x".repeat(70_000))
                .post("/api/filings").then().statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void chunkedBodiesAreStreamedOnAndCutOffAtTheLimit() throws Exception {
        String token = Tokens.of("inst-elderly");
        for (HttpClient.Version version : HttpClient.Version.values()) {
            HttpResponse<String> small = postOfUnknownLength(version, token, 50_000);
            assertEquals(200, small.statusCode(), small.body());
            assertTrue(small.body().contains("\"bodyLength\":50000"), version + ": " + small.body());

            HttpResponse<String> big = postOfUnknownLength(version, token, 200_000);
            assertEquals(413, big.statusCode(), big.body());
            assertTrue(big.body().contains("PAYLOAD_TOO_LARGE"), big.body());
        }
    }

    /** A body of unknown length (an InputStream publisher): chunked in HTTP/1.1, plain DATA frames after h2c. */
    private static HttpResponse<String> postOfUnknownLength(HttpClient.Version version, String token, int bytes)
            throws Exception {
        return HttpClient.newBuilder().version(version).build().send(HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class)
                                        + "/api/filings"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[bytes])))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePortalsPagesAreForwardedWithUploadsStreamedAndTheRootLeadsThere() {
        given().redirects().follow(false).get("/").then().statusCode(302).header("Location", "/portal/");
        // a multipart upload, streamed on like every body (and under the same limit, 64K in these tests)
        given().multiPart("file", "scan.pdf", new byte[50_000], "application/pdf")
                .post("/portal/filings/x/materials/COMMITMENT").then().statusCode(200)
                .body("method", equalTo("POST")).body("uri", equalTo("/portal/filings/x/materials/COMMITMENT"))
                .body("bodyLength", org.hamcrest.Matchers.greaterThan(50_000));
        given().get("/portal/").then().statusCode(200).body("uri", equalTo("/portal/"));
    }

    @Test
    void oneOpenApiDocumentMergesTheRoutedPathsOfEveryServiceThatAnswers() {
        given().get("/openapi").then().statusCode(200)
                .body("info.title", containsString("一老一小"))
                .body("paths.keySet()", containsInAnyOrder("/api/directory/institutions", "/api/filings"))
                .body("components.schemas.Problem.type", equalTo("object"))
                .body("components.securitySchemes.keycloak.type", equalTo("openIdConnect")) // the services' own
                .body("x-unavailable", contains("subsidy"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void aBrowserPortalOnAnAllowedOriginMayCallTheApiAndOthersMayNot() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,if-match")
                .options("/api/filings").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Allow-Headers", containsString("If-Match"));
        given().header("Origin", "https://evil.example").get("/api/directory/institutions").then()
                .statusCode(403).header("Access-Control-Allow-Origin", nullValue());
    }
}
