package care.subsidy;

import care.deploy.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** The staff steps of a batch through the real API with real tokens. */
public final class Api {

    private Api() {
    }

    /** Qujing's finance client (client credentials; city_code 530300). */
    public static String qujingFinance() {
        return care.deploy.CareTestResource.infra().keycloak.clientToken("finance-qujing", "finance-qujing-demo-secret");
    }

    /**
     * The seeded versions end with 2025 (the plans' target year): a city admin extends the programme's first version
     * to open before a test pays 2026 under it, as a city would, naming the decision. Does nothing once extended.
     */
    public static void extended(String admin, String programme) {
        JsonPath p = given().auth().oauth2(Tokens.of(admin)).get("/api/subsidy/programmes/" + programme).then()
                .statusCode(200).extract().jsonPath();
        if (p.get("versions[0].effectiveUntil") != null) {
            given().auth().oauth2(Tokens.of(admin)).contentType(ContentType.JSON)
                    .body("{\"effectiveUntil\":null,\"source\":\"测试：市政府决定方案期满后继续执行\"}")
                    .post("/api/subsidy/programmes/" + programme + "/versions/" + p.getLong("versions[0].id")
                            + "/extension").then().statusCode(200);
        }
    }

    /** Requests generation, then polls the batch until it leaves GENERATING; returns the batch. */
    public static JsonPath generate(String user, String programme, String period) {
        String id = given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .body(Map.of("programmeCode", programme, "period", period))
                .post("/api/subsidy/batches").then().statusCode(202).extract().path("id");
        return awaitGenerated(user, id);
    }

    public static JsonPath awaitGenerated(String user, String id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                !"GENERATING".equals(batch(user, id).getString("status")));
        return batch(user, id);
    }

    public static JsonPath batch(String user, String id) {
        return given().auth().oauth2(Tokens.of(user)).get("/api/subsidy/batches/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The checker approves, a third person releases: neither may be the batch's maker (subsidy README). */
    public static void approveAndRelease(String approver, String releaser, String id) {
        given().auth().oauth2(Tokens.of(approver)).contentType(ContentType.JSON).body(Map.of("note", "核对无误"))
                .post("/api/subsidy/batches/" + id + "/approve").then().statusCode(200);
        given().auth().oauth2(Tokens.of(releaser)).post("/api/subsidy/batches/" + id + "/release").then()
                .statusCode(200);
    }

    /** Every instruction of a batch as the user sees them, all pages. */
    public static List<Map<String, Object>> instructions(String user, String id) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath json = given().auth().oauth2(Tokens.of(user)).queryParam("page", page).queryParam("size", 1000)
                    .get("/api/subsidy/batches/" + id + "/instructions").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = json.getList("items");
            all.addAll(items);
            if (items.size() < 1000) {
                return all;
            }
        }
    }

    /** The instructions of one beneficiary in a list. */
    public static List<Map<String, Object>> of(List<Map<String, Object>> instructions, String beneficiaryKey) {
        return instructions.stream().filter(i -> beneficiaryKey.equals(i.get("beneficiaryKey"))).toList();
    }
}
