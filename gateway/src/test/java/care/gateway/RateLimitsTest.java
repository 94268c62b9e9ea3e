package care.gateway;

import care.deploy.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@QuarkusTest
@WithTestResource(BackendsResource.class)
@TestProfile(RateLimitsTest.LowLimits.class)
class RateLimitsTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.per-second", "2", "gateway.rate-limit.anonymous-per-second", "2",
                    "gateway.rate-limit.token-checks-per-second", "2", "gateway.rate-limit.registrations-per-hour", "2");
        }
    }

    @Test
    void aFloodFromOneClientIsRefusedWith429WhileAnotherClientGetsThrough() {
        String flooder = Tokens.of("inst-elderly");
        Response refused = firstRefusal(() -> given().auth().oauth2(flooder).get("/api/filings"));
        refused.then().contentType("application/problem+json").body("code", equalTo("RATE_LIMITED"))
                .header("Retry-After", Integer::parseInt, greaterThanOrEqualTo(1));
        given().auth().oauth2(Tokens.of("inst-childcare")).get("/api/filings").then().statusCode(200);
    }

    @Test
    void anonymousCallersAreLimitedPerAddress() {
        firstRefusal(() -> given().get("/api/directory/institutions"));
        given().auth().oauth2(Tokens.of("mz-530102")).get("/api/directory/institutions").then().statusCode(200);
    }

    @Test
    void aBurstOfBadTokensFromOneAddressMeets429BeforeTheirSignaturesAreChecked() {
        // from an address of its own (127.0.0.2), so that no other test's bucket is touched; garbage and forged
        // tokens (a real one's header and claims, another signature) alike
        String from = "127.0.0.2";
        String token = Tokens.of("inst-elderly");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJlLWJ5LXNvbWVvbmUtZWxzZQ";
        RawHttp.Response refused = null;
        for (int sent = 1; sent <= 12 && refused == null; sent++) {
            RawHttp.Response response = RawHttp.sendFrom(from, "GET /api/filings HTTP/1.1",
                    "Authorization: Bearer " + (sent % 2 == 0 ? forged : "x"));
            if (response.status() == 429) {
                refused = response;
            } else {
                assertEquals(401, response.status(), response.body());
            }
        }
        if (refused == null) {
            fail("12 bad tokens in a row were each checked");
        }
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
        assertEquals("RATE_LIMITED", JsonPath.from(refused.body()).getString("code"));
    }

    @Test
    void registrationsFromOneAddressAreLimitedPerHourWhileItsOtherCallsGoOn() {
        // from an address of its own (127.0.0.3): two registrations pass, the third meets 429 for most of an hour
        String from = "127.0.0.3";
        String registration = "POST /api/registrations HTTP/1.1";
        for (int sent = 1; sent <= 2; sent++) {
            assertEquals(200, RawHttp.sendFrom(from, registration, "Content-Length: 0").status());
        }
        RawHttp.Response refused = RawHttp.sendFrom(from, registration, "Content-Length: 0");
        assertEquals(429, refused.status());
        assertTrue(Integer.parseInt(refused.header("Retry-After")) > 60);
        assertEquals("RATE_LIMITED", JsonPath.from(refused.body()).getString("code"));
        assertEquals(200, RawHttp.sendFrom(from, "GET /api/directory/institutions HTTP/1.1").status());
    }

    /** The burst is 4 and 2 more come each second: a quick flood meets a 429 long before 40 requests. */
    private static Response firstRefusal(Supplier<Response> call) {
        for (int sent = 1; sent <= 40; sent++) {
            Response response = call.get();
            if (response.statusCode() == 429) {
                return response;
            }
            assertEquals(200, response.statusCode());
        }
        return fail("40 requests in a row were let through");
    }
}
