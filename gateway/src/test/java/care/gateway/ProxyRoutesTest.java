package care.gateway;

import care.deploy.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(BackendsResource.class)
class ProxyRoutesTest {

    @Test
    void thePublicDirectoryIsForwardedWithoutATokenAndGetsARequestId() {
        given().get("/api/directory/institutions?q=养老").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .header("X-Content-Type-Options", "nosniff")
                .body("uri", equalTo("/api/directory/institutions?q=%E5%85%BB%E8%80%81"))
                .body("requestId", notNullValue());
    }

    @Test
    void aCallersRequestIdTravelsThroughAndBack() {
        given().header("X-Request-Id", "trace-12345678").get("/api/directory/institutions").then()
                .header("X-Request-Id", "trace-12345678").body("requestId", equalTo("trace-12345678"));
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
                .post("/api/filings").then().statusCode(413);
    }

    @Test
    void thePortalsPagesAreForwardedWithUploadsStreamedAndTheRootLeadsThere() {
        given().redirects().follow(false).get("/").then().statusCode(302).header("Location", "/portal/");
        // a multipart upload (not buffered by the API's body handler, so not limited to its 64K here)
        given().multiPart("file", "scan.pdf", new byte[100_000], "application/pdf")
                .post("/portal/filings/x/materials/COMMITMENT").then().statusCode(200)
                .body("method", equalTo("POST")).body("uri", equalTo("/portal/filings/x/materials/COMMITMENT"))
                .body("bodyLength", org.hamcrest.Matchers.greaterThan(100_000));
        given().get("/portal/").then().statusCode(200).body("uri", equalTo("/portal/"));
    }

    @Test
    void oneOpenApiDocumentMergesTheRoutedPathsOfEveryServiceThatAnswers() {
        given().get("/openapi").then().statusCode(200)
                .body("info.title", containsString("一老一小"))
                .body("paths.keySet()", containsInAnyOrder("/api/directory/institutions", "/api/filings"))
                .body("components.schemas.Problem.type", equalTo("object"))
                .body("components.securitySchemes.keycloak.scheme", equalTo("bearer"))
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
