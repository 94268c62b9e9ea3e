package care.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The gateway's /openapi, merged from the running services, is the contract kept in api-client (the document the
 * client is generated from and PlatformDocumentTest checks). When an endpoint changes, this fails and leaves the
 * current document in target/ to copy over the kept one.
 */
@Disabled("not run yet: api-client/src/main/openapi/platform.json was assembled from the services' build-time documents the way the gateway merges them; compare it with a started platform's /openapi, then enable")
class ApiContractTest {

    static final Path KEPT = Path.of("../../api-client/src/main/openapi/platform.json");
    static final Path CURRENT = Path.of("target/platform-openapi.json");

    @BeforeAll
    static void platform() {
        Platform.stack();
    }

    @Test
    void theGatewaysDocumentIsTheOneTheClientIsGeneratedFrom() throws IOException {
        String served = given().get("/openapi").then().statusCode(200).extract().asString();
        Map<String, Object> current = JsonPath.from(served).getMap("$");
        Files.createDirectories(CURRENT.getParent());
        Files.writeString(CURRENT, JsonPath.from(served).prettify());
        Map<String, Object> kept = JsonPath.from(Files.readString(KEPT)).getMap("$");
        assertEquals(kept, current, "the API changed: review it, then cp deploy/e2e/" + CURRENT
                + " api-client/src/main/openapi/platform.json (and rebuild api-client)");
    }
}
