package care.registry.account.rest;

import care.contracts.validation.Identifiers;
import care.deploy.CareTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Fresh USCCs, mobile numbers and registrations for the account tests, and sign-in with real Keycloak tokens. */
final class Accounts {

    static final String PASSWORD = "Kangle-2026-yanglao";

    private Accounts() {
    }

    /** A valid USCC (check character computed) never used before: 52 (民办非企业) + a county + random digits. */
    static String uscc(String county) {
        long n = ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
        return Identifiers.completeUscc("52" + county + n);
    }

    static String mobile() {
        return "139" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
    }

    static Map<String, Object> registration(String uscc, String county, String sector, String mobile) {
        Map<String, Object> body = new HashMap<>();
        body.put("uscc", uscc);
        body.put("institutionName", "测试康养中心" + mobile.substring(Math.max(0, mobile.length() - 4)));
        body.put("sector", sector);
        body.put("divisionCode", county);
        body.put("legalRepresentative", "王芳");
        body.put("operatorName", "李明");
        body.put("mobile", mobile);
        body.put("password", PASSWORD);
        return body;
    }

    static ValidatableResponse register(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/registrations").then();
    }

    /** A token by the password grant; null when Keycloak refuses it (disabled, unknown, password to change). */
    static String signIn(String username, String password) {
        try {
            return CareTestResource.infra().keycloak.token(username, password);
        } catch (IllegalStateException refused) {
            return null;
        }
    }

    /** The token's claims, read without checking (the service under test checks them). */
    static Map<String, Object> claims(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return io.restassured.path.json.JsonPath.from(payload).getMap("");
    }
}
