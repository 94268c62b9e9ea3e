package care.filing.filing.rest;

import care.deploy.TestTopics;
import care.deploy.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Test helpers: the API as the realm's users call it, with real Keycloak tokens. */
public final class FilingApi {

    // the realm binds these users to these 统一社会信用代码 (deploy/keycloak/care-realm.json)
    public static final String ELDERLY_USCC = "52530102MJA00001X1";
    public static final String CHILDCARE_USCC = "91530102MA6K0000BY";
    public static final String ELDERLY_530103_USCC = "52530103MJA000020N";

    /** The smallest file Tika recognises as a PDF by its bytes. */
    public static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private FilingApi() {
    }

    public static ValidatableResponse as(String user, String method, String path, Object body) {
        var request = given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.request(method, path).then();
    }

    public static Map<String, Object> newFiling(String uscc, String sector, String kind, String county, String name) {
        Map<String, Object> m = new HashMap<>();
        m.put("type", "NEW");
        m.put("sector", sector);
        m.put("uscc", uscc);
        m.put("institutionName", name);
        m.put("kind", kind);
        m.put("ownership", "PRIVATE");
        m.put("divisionCode", county);
        m.put("address", "昆明市学府路1号");
        m.put("legalRepresentative", "张丽");
        m.put("contactPhone", "0871-65550101");
        m.put("capacity", 120);
        return m;
    }

    public static Map<String, Object> newElderly(String name) {
        return newFiling(ELDERLY_USCC, "ELDERLY", "PRIVATE_CARE_HOME", "530102", name);
    }

    public static Map<String, Object> newChildcare(String name) {
        return newFiling(CHILDCARE_USCC, "CHILDCARE", "FULL_DAYCARE", "530102", name);
    }

    public static Map<String, Object> change(String uscc, String name) {
        return new HashMap<>(Map.of("type", "CHANGE", "uscc", uscc, "institutionName", name));
    }

    public static String draft(String user, Map<String, Object> body) {
        return as(user, "POST", "/api/filings", body).statusCode(201).body("status", equalTo("DRAFT"))
                .extract().path("id");
    }

    public static void upload(String user, String id, String code, byte[] bytes) {
        given().auth().oauth2(Tokens.of(user)).contentType("application/pdf").queryParam("fileName", code + ".pdf")
                .body(bytes).put("/api/filings/" + id + "/materials/" + code).then().statusCode(200)
                .body("contentType", equalTo("application/pdf"));
    }

    /** Uploads a PDF for every required item of the filing's checklist. */
    public static void uploadRequired(String user, String id) {
        List<String> codes = as(user, "GET", "/api/filings/" + id + "/materials", null).statusCode(200)
                .extract().jsonPath().getList("findAll { it.required }.code");
        for (String code : codes) {
            upload(user, id, code, PDF);
        }
    }

    public static void submit(String user, String id) {
        as(user, "POST", "/api/filings/" + id + "/submit", null).statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    /** A submitted filing with all required materials. */
    public static String submitted(String user, Map<String, Object> body) {
        String id = draft(user, body);
        uploadRequired(user, id);
        submit(user, id);
        return id;
    }

    public static String approved(String user, String reviewer, Map<String, Object> body) {
        String id = submitted(user, body);
        as(reviewer, "POST", "/api/filings/" + id + "/accept", null).statusCode(200).body("status", equalTo("ACCEPTED"));
        as(reviewer, "POST", "/api/filings/" + id + "/approve", Map.of("comment", "材料齐全")).statusCode(200)
                .body("status", equalTo("APPROVED"));
        return id;
    }

    /** Makes sure the institution has a current 备案 (tests share one database, so it may or may not). */
    public static void ensureFiled(String user, String reviewer, Map<String, Object> newFiling) {
        String id = draft(user, newFiling);
        uploadRequired(user, id);
        int status = as(user, "POST", "/api/filings/" + id + "/submit", null).extract().statusCode();
        if (status == 409) {
            as(user, "POST", "/api/filings/" + id + "/withdraw", null).statusCode(200);
            return;
        }
        as(reviewer, "POST", "/api/filings/" + id + "/accept", null).statusCode(200);
        as(reviewer, "POST", "/api/filings/" + id + "/approve", null).statusCode(200);
    }

    /**
     * Every filing-events record of an outcome (approved, returned, rejected, withdrawn) about any of these filings,
     * once at least {@code expected} have arrived. 受理 (FilingAccepted) is a step on the way, left out: {@link #all}.
     */
    public static List<ConsumerRecord<String, String>> events(Collection<String> filingIds, int expected) {
        return all(filingIds, expected).stream().filter(r -> !r.value().contains("\"type\":\"FilingAccepted\""))
                .toList();
    }

    /** Every filing-events record about any of these filings, once at least {@code expected} have arrived. */
    public static List<ConsumerRecord<String, String>> all(Collection<String> filingIds, int expected) {
        List<ConsumerRecord<String, String>> found = List.of();
        for (int attempt = 0; attempt < 5 && found.size() < expected; attempt++) {
            found = TestTopics.read("filing-events", Duration.ofSeconds(20), r -> filingIds.stream()
                    .anyMatch(id -> r.value().contains(id)));
        }
        return found;
    }
}
