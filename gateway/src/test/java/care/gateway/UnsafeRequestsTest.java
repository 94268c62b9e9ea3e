package care.gateway;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Request targets and headers that must not pass the gateway, sent as written over a plain socket: the gateway
 * answers 400 problem+json and neither the service behind the route nor any other server sees the request.
 */
@QuarkusTest
@WithTestResource(BackendsResource.class)
class UnsafeRequestsTest {

    /** The test service behind the routes. */
    private static String echo() {
        return ConfigProvider.getConfig().getValue("gateway.routes.registry.url", String.class);
    }

    /** A server that no route names. */
    private static String elsewhere() {
        return ConfigProvider.getConfig().getValue("test.elsewhere.url", String.class);
    }

    @Test
    void anAbsoluteFormTargetIsRefusedAndReachesNoServer() {
        String marker = marker();
        RawHttp.Response response = RawHttp.send(
                "GET http://localhost:8180/api/directory/institutions/" + marker + " HTTP/1.1", "Host: localhost:8180");
        assertRefusedTarget(response);
        assertNotReceived(marker);
    }

    @Test
    void aTargetThatWouldNameAnotherHostWhenGluedToTheServiceUrlIsRefused() {
        // "http://service:port" + "@elsewhere/x://y/api/..." is a URL of the host elsewhere, with the service's
        // address as its user info; Vert.x routes it by the path after "://y", a public one
        String marker = marker();
        int elsewherePort = URI.create(elsewhere()).getPort();
        RawHttp.Response response = RawHttp.send(
                "GET @127.0.0.1:" + elsewherePort + "/x://y/api/directory/institutions/" + marker + " HTTP/1.1");
        assertRefused(response);
        assertNotReceived(marker);
    }

    @Test
    void authorityAndAsteriskFormsAreRefused() {
        assertRefused(RawHttp.send("CONNECT " + URI.create(echo()).getAuthority() + " HTTP/1.1"));
        assertRefused(RawHttp.send("OPTIONS * HTTP/1.1"));
    }

    @Test
    void dotSegmentsEncodedSeparatorsAndOtherTraversalTricksAreRefused() {
        List<String> paths = List.of(
                "/api/directory/../filings",
                "/api/directory/./institutions",
                "/api/directory/institutions/..",
                "/portal/../api/filings",
                "/api/directory/%2e%2e/filings",
                "/api/directory/%2E%2e/filings",
                "/api/directory/.%2e/filings",
                "/api/directory/..%2ffilings",
                "/api/directory/..%2Ffilings",
                "/api/directory/x%5c..%5cfilings",
                "/api/directory\\..\\filings",
                "/api/directory/..;/filings",
                "/api/directory/%252e%252e/filings",
                "/api/directory/x%00",
                "/api/directory/x%0d%0aX-Injected:%201",
                "/api/directory/x%zz",
                "//evil.example/api/directory/institutions",
                "/api/directory//institutions",
                "/api/directory/institutions#fragment");
        for (String path : paths) {
            String marker = marker();
            String target = path + (path.contains("#") ? "" : "?m=" + marker);
            RawHttp.Response response = RawHttp.send("GET " + target + " HTTP/1.1");
            assertEquals(400, response.status(), target + " → " + response.body());
            assertRefused(response);
            assertNotReceived(marker);
        }
    }

    @Test
    void aPathWithHarmlessEscapesIsForwardedAsTheGatewayRoutedIt() {
        // %41 is "A": the service gets the path the gateway routed and checked, the query as it came
        given().urlEncodingEnabled(false).get("/api/directory/institutions/%41bc?q=%2e%2e%2F").then().statusCode(200)
                .body("uri", equalTo("/api/directory/institutions/Abc?q=%2e%2e%2F"));
    }

    @Test
    void hopByHopHeadersAndTheCallersOwnForwardingHeadersStayAtTheGateway() {
        RawHttp.Response response = RawHttp.send("GET /api/directory/institutions HTTP/1.1",
                "Connection: X-Hop", "X-Hop: for this hop only", "Keep-Alive: timeout=5",
                "Proxy-Connection: keep-alive", "X-Forwarded-For: 6.6.6.6", "X-Forwarded-Port: 6666",
                "X-Forwarded-Prefix: /evil", "X-Forwarded-Host: evil.example", "X-Real-IP: 6.6.6.6",
                "Forwarded: for=6.6.6.6;host=evil.example;proto=https", "X-Kept: yes");
        assertEquals(200, response.status(), response.body());
        JsonPath forwarded = JsonPath.from(response.body());
        for (String header : List.of("x-hop", "keep-alive", "proxy-connection", "x-forwarded-port",
                "x-forwarded-prefix", "x-real-ip", "forwarded", "connection")) {
            assertNull(forwarded.get("headers.'" + header + "'"), header + " was forwarded");
        }
        assertEquals("127.0.0.1", forwarded.get("headers.'x-forwarded-for'"));
        assertEquals("localhost:" + RawHttp.gatewayPort(), forwarded.get("headers.'x-forwarded-host'"));
        assertEquals("yes", forwarded.get("headers.'x-kept'"));
    }

    @Test
    void theRoutersOwnErrorsAreProblems() {
        given().get("/no-such-page").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND")).body("status", equalTo(404));
        given().post("/openapi").then().statusCode(405).contentType("application/problem+json")
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
        given().request("TRACE", "/api/directory/institutions").then().statusCode(405)
                .contentType("application/problem+json");
    }

    @Test
    void aHandlerThatThrowsAnswersAProblemThatShowsNothingOfTheFailure() {
        given().get(BrokenRoute.PATH).then().statusCode(500).contentType("application/problem+json")
                .body("code", equalTo("INTERNAL_ERROR")).body("title", equalTo("网关内部错误"))
                .body(not(containsString(BrokenRoute.SECRET))).body(not(containsString("IllegalStateException")));
    }

    /**
     * Refused with 400: by the gateway as problem+json, or, for what Netty's request decoder already rejects (a
     * backslash, a target such as {@code @host/...}), by Vert.x with an empty 400 before any route runs.
     */
    private static void assertRefused(RawHttp.Response response) {
        assertEquals(400, response.status(), response.body());
        if (response.header("Content-Type") != null || !response.body().isEmpty()) {
            assertRefusedTarget(response);
        }
    }

    private static void assertRefusedTarget(RawHttp.Response response) {
        assertEquals(400, response.status(), response.body());
        assertTrue(response.header("Content-Type").startsWith("application/problem+json"), response.headers().toString());
        JsonPath problem = JsonPath.from(response.body());
        assertEquals("INVALID_REQUEST_TARGET", problem.getString("code"));
        assertEquals("urn:care:problem:INVALID_REQUEST_TARGET", problem.getString("type"));
        assertEquals(400, problem.getInt("status"));
        assertEquals("请求地址无效", problem.getString("title"));
        assertFalse(problem.getString("detail").isBlank());
    }

    private static void assertNotReceived(String marker) {
        for (String server : List.of(echo(), elsewhere())) {
            String received = given().get(server + BackendsResource.RECEIVED).then().statusCode(200).extract().asString();
            assertFalse(received.contains(marker), server + " received " + marker + ": " + received);
        }
    }

    private static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "");
    }
}
