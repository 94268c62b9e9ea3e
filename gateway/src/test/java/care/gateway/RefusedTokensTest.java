package care.gateway;

import care.deploy.CareTestResource;
import care.deploy.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Tokens the gateway must refuse although Keycloak signed them: one of another realm, and one that has expired —
 * also after the gateway accepted (and remembered) it while it was valid.
 */
@QuarkusTest
@WithTestResource(BackendsResource.class)
class RefusedTokensTest {

    private static final String KEYCLOAK = "http://localhost:" + CareTestResource.infra().keycloak.port();

    @Test
    void aTokenOfAnotherRealmIsRefused() {
        given().auth().oauth2(masterAdminToken()).get("/api/filings").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void anExpiredTokenIsRefusedEvenIfItWasAcceptedBefore() throws InterruptedException {
        String token = shortLivedToken();
        given().auth().oauth2(token).get("/api/filings").then().statusCode(200);
        given().auth().oauth2(token).get("/api/filings").then().statusCode(200);

        long expiresAt = JsonPath.from(payload(token)).getLong("exp");
        Thread.sleep(Math.max(0, expiresAt * 1000 - System.currentTimeMillis()) + 1500);

        given().auth().oauth2(token).get("/api/filings").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2(Tokens.of("inst-elderly")).get("/api/filings").then().statusCode(200);
    }

    /** The bootstrap admin's token from Keycloak's master realm: well signed, but not by the care realm. */
    private static String masterAdminToken() {
        return given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", "admin", "password", "admin"))
                .post(KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** A copy of the demo client care-cli whose access tokens live three seconds. */
    private static String shortLivedToken() {
        String admin = masterAdminToken();
        String clients = KEYCLOAK + "/admin/realms/care/clients";
        List<Map<String, Object>> found = given().auth().oauth2(admin).queryParam("clientId", "care-cli")
                .get(clients).then().statusCode(200).extract().path("$");
        Map<String, Object> copy = new java.util.HashMap<>(found.get(0));
        copy.remove("id");
        copy.put("clientId", "care-cli-short-lived");
        Map<String, Object> attributes = new java.util.HashMap<>(castMap(copy.get("attributes")));
        attributes.put("access.token.lifespan", "3");
        copy.put("attributes", attributes);
        if (copy.get("protocolMappers") instanceof List<?> mappers) {
            copy.put("protocolMappers", mappers.stream().map(m -> {
                Map<String, Object> mapper = new java.util.HashMap<>(castMap(m));
                mapper.remove("id");
                return mapper;
            }).toList());
        }
        int status = given().auth().oauth2(admin).contentType("application/json").body(copy).post(clients)
                .statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("could not create the short-lived client: " + status);
        }
        return given().formParams(Map.of("grant_type", "password", "client_id", "care-cli-short-lived",
                        "username", "inst-elderly", "password", "demo"))
                .post(KEYCLOAK + "/realms/care/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object map) {
        return map == null ? Map.of() : (Map<String, Object>) map;
    }

    private static String payload(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
