package care.filing.rules;

import care.deploy.CareTestResource;
import care.deploy.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Conditions the plans state about what is filed: Qujing's 护理型床位 share for a 公办 养老机构 is shown to the reviewer
 * with the sentence (001 三（三）3), and a kind whose 举办性质 contradicts it is refused.
 */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "filing"))
class FilingRulesTest {

    /** The realm binds inst-elderly-530302 to this 统一社会信用代码 (曲靖市麒麟区). */
    static final String QUJING_USCC = "52530302MJA000030K";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    static Map<String, Object> publicHome(String uscc, String county, Integer beds, Integer nursingBeds) {
        Map<String, Object> m = new HashMap<>();
        m.put("type", "NEW");
        m.put("sector", "ELDERLY");
        m.put("uscc", uscc);
        m.put("institutionName", "麒麟区社会福利院");
        m.put("kind", "URBAN_PUBLIC_WELFARE");
        m.put("ownership", "PUBLIC");
        m.put("divisionCode", county);
        m.put("address", "曲靖市麒麟区南宁北路1号");
        m.put("legalRepresentative", "李华");
        m.put("contactPhone", "0874-3120001");
        m.put("capacity", beds);
        m.put("nursingBeds", nursingBeds);
        return m;
    }

    static ValidatableResponse as(String user, String method, String path, Object body) {
        var request = given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.request(method, path).then();
    }

    @Test
    void aQujing公办养老机构Filing40PercentNursingBedsShowsTheReviewerThe50PercentRule() {
        String id = as("inst-elderly-530302", "POST", "/api/filings", publicHome(QUJING_USCC, "530302", 40, 16))
                .statusCode(201).body("nursingBeds", equalTo(16))
                .body("reviewFlags[0].code", equalTo("NURSING_BED_SHARE"))
                .extract().path("id");
        for (String code : as("inst-elderly-530302", "GET", "/api/filings/" + id + "/materials", null).statusCode(200)
                .extract().jsonPath().<String>getList("findAll { it.required }.code")) {
            given().auth().oauth2(Tokens.of("inst-elderly-530302")).contentType("application/pdf")
                    .queryParam("fileName", code + ".pdf").body(PDF)
                    .put("/api/filings/" + id + "/materials/" + code).then().statusCode(200);
        }
        as("inst-elderly-530302", "POST", "/api/filings/" + id + "/submit", null).statusCode(200);

        // a flag for the reviewer to weigh, with the sentence quoted: the filing goes on as any other
        as("mz-530302", "GET", "/api/filings/" + id, null).statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("reviewFlags.size()", equalTo(1))
                .body("reviewFlags[0].code", equalTo("NURSING_BED_SHARE"))
                .body("reviewFlags[0].message", containsString("护理型床位 16 张，占床位 40 张的 40%，低于 50%"))
                .body("reviewFlags[0].document", equalTo("曲靖市“一老一小”整体解决方案"))
                .body("reviewFlags[0].section", equalTo("三（三）3"))
                .body("reviewFlags[0].sentence", equalTo("凡新建、改扩建的公办养老机构，其护理型床位数不少于50%。"));
        as("mz-530302", "GET", "/api/filings?size=200", null).statusCode(200)
                .body("find { it.id == '" + id + "' }.reviewFlags[0].section", equalTo("三（三）3"));
        as("mz-530302", "POST", "/api/filings/" + id + "/accept", null).statusCode(200);
        as("mz-530302", "POST", "/api/filings/" + id + "/reject", Map.of("comment", "测试结束：护理型床位不足50%"))
                .statusCode(200);
    }

    @Test
    void theShareIsMetOrNotStatedOrNotQujings() {
        // half the beds: no flag
        as("inst-elderly-530302", "POST", "/api/filings", publicHome(QUJING_USCC, "530302", 40, 20)).statusCode(201)
                .body("reviewFlags", empty());
        // not stated: the reviewer cannot check the share, and is told so
        as("inst-elderly-530302", "POST", "/api/filings", publicHome(QUJING_USCC, "530302", 40, null)).statusCode(201)
                .body("reviewFlags[0].message", containsString("未填写护理型床位数"));
        // a 民办 养老机构, or one in Kunming: the sentence is about Qujing's 公办 ones
        Map<String, Object> privateHome = publicHome(QUJING_USCC, "530302", 40, 10);
        privateHome.put("kind", "PRIVATE_CARE_HOME");
        privateHome.put("ownership", "PRIVATE");
        as("inst-elderly-530302", "POST", "/api/filings", privateHome).statusCode(201).body("reviewFlags", empty());
        as("inst-elderly", "POST", "/api/filings", publicHome("52530102MJA00001X1", "530102", 40, 10)).statusCode(201)
                .body("reviewFlags", empty());
    }

    @Test
    void aKindThatContradictsItsOwnershipIsRefused() {
        Map<String, Object> privateRuralHome = publicHome(QUJING_USCC, "530302", 40, 20);
        privateRuralHome.put("kind", "RURAL_NURSING_HOME");
        privateRuralHome.put("ownership", "PRIVATE");
        as("inst-elderly-530302", "POST", "/api/filings", privateRuralHome).statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItem("ownership"))
                .body("violations.find { it.field == 'ownership' }.message",
                        containsString("机构类型“农村敬老院”的举办性质只能是公办、公建民营，不能是民办"));
        Map<String, Object> publicPrivateHome = publicHome(QUJING_USCC, "530302", 40, 20);
        publicPrivateHome.put("kind", "PRIVATE_CARE_HOME");
        as("inst-elderly-530302", "POST", "/api/filings", publicPrivateHome).statusCode(400)
                .body("violations.field", hasItem("ownership"));
        Map<String, Object> tooMany = publicHome(QUJING_USCC, "530302", 40, 41);
        as("inst-elderly-530302", "POST", "/api/filings", tooMany).statusCode(400)
                .body("violations.field", hasItem("nursingBeds"));
        Map<String, Object> nursery = publicHome("91530102MA6K0000BY", "530102", 40, 10);
        nursery.put("sector", "CHILDCARE");
        nursery.put("kind", "FULL_DAYCARE");
        nursery.put("ownership", "PRIVATE");
        as("inst-childcare", "POST", "/api/filings", nursery).statusCode(400)
                .body("violations.field", hasItem("nursingBeds"));
    }
}
