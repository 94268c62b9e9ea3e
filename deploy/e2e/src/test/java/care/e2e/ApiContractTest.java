package care.e2e;

import care.deploy.Stack;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The gateway's /openapi, merged from the running services, is the contract kept in api-client (the document the
 * client is generated from and PlatformDocumentTest checks for completeness): together the two fail for any
 * operation of any service that lacks an id, a tag, a summary, its security or its errors. When an endpoint
 * changes, this fails and leaves the served document in deploy/e2e/target/platform-openapi.json, byte for byte
 * as the gateway serves it, to review and copy over the kept one (the README's API section says how).
 */
class ApiContractTest {

    static final Path KEPT = Path.of("../../api-client/src/main/openapi/platform.json");
    static final Path SERVED = Path.of("target/platform-openapi.json");

    @BeforeAll
    static void platform() {
        Platform.stack();
    }

    @Test
    void theGatewaysDocumentIsTheOneTheClientIsGeneratedFrom() throws IOException {
        String served = given().get("/openapi").then().statusCode(200).extract().asString()
                // the tests' Keycloak listens on a free port; the kept document names the one of deploy/stack up
                .replace(Platform.stack().infra.keycloak.serverUrl(),
                        "http://localhost:" + Stack.Layout.local(Path.of(".")).infra().keycloak());
        Files.createDirectories(SERVED.getParent());
        Files.writeString(SERVED, served + "\n");
        Map<String, Object> current = JsonPath.from(served).getMap("$");
        Map<String, Object> kept = JsonPath.from(Files.readString(KEPT)).getMap("$");
        String advice = "the API changed: review it, then cp deploy/e2e/" + SERVED
                + " api-client/src/main/openapi/platform.json";
        assertEquals(new TreeSet<>(((Map<?, ?>) kept.get("paths")).keySet()),
                new TreeSet<>(((Map<?, ?>) current.get("paths")).keySet()), advice);
        assertEquals(kept, current, advice);
    }
}
