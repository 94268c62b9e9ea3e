package care.filing.material.rest;

import care.deploy.CareTestResource;
import care.deploy.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import static care.filing.filing.rest.FilingApi.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "filing"))
class MaterialsTest {

    @Test
    void submitIsRefusedWhileRequiredMaterialsAreMissingAndListsThem() {
        // a 托育 NEW needs six materials (materials.tsv); the optional food licence is not asked for
        String id = draft("inst-childcare", newChildcare("五华区材料测试托育园"));
        as("inst-childcare", "GET", "/api/filings/" + id + "/materials", null).statusCode(200)
                .body("code", containsInAnyOrder("REGISTRATION_CERT", "SITE_PROOF", "STAFF_QUALIFICATION",
                        "HEALTH_EVALUATION", "FIRE_SAFETY", "COMMITMENT", "FOOD_LICENCE"))
                .body("uploaded", everyItem(equalTo(false)));
        upload("inst-childcare", id, "REGISTRATION_CERT", PDF);
        upload("inst-childcare", id, "SITE_PROOF", PDF);
        as("inst-childcare", "POST", "/api/filings/" + id + "/submit", null).statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("MATERIALS_MISSING"))
                .body("violations.field", containsInAnyOrder("materials.STAFF_QUALIFICATION",
                        "materials.HEALTH_EVALUATION", "materials.FIRE_SAFETY", "materials.COMMITMENT"));
        as("inst-childcare", "GET", "/api/filings/" + id, null).body("status", equalTo("DRAFT"));
    }

    @Test
    void uploadsAreCheckedByContentSizeAndChecklist() throws Exception {
        String id = draft("inst-elderly", newElderly("五华区上传测试养老院"));
        byte[] fake = "这不是PDF，只是改了扩展名的文本".getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType("application/pdf")
                .queryParam("fileName", "登记证书.pdf").body(fake)
                .put("/api/filings/" + id + "/materials/REGISTRATION_CERT").then().statusCode(415)
                .contentType("application/problem+json").body("code", equalTo("UNSUPPORTED_MATERIAL_TYPE"));
        byte[] tooLarge = Arrays.copyOf(PDF, 1024 * 1024 + 1); // the test limit is 1 MiB
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType("application/octet-stream").body(tooLarge)
                .put("/api/filings/" + id + "/materials/REGISTRATION_CERT").then().statusCode(413)
                .body("code", equalTo("MATERIAL_TOO_LARGE"));
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType("application/pdf").body(PDF)
                .put("/api/filings/" + id + "/materials/HEALTH_EVALUATION").then().statusCode(400)
                .body("violations.field", containsInAnyOrder("code")); // a 托育 item, not on the 养老 list
        as("inst-elderly", "GET", "/api/filings/" + id + "/materials", null)
                .body("uploaded", everyItem(equalTo(false)));

        // a PNG named .pdf is stored as what it is
        byte[] png = HexFormat.of().parseHex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                + "1f15c4890000000d49444154789c6360000002000100ffff03000006000557bfabd40000000049454e44ae426082");
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType("application/pdf")
                .header("X-File-Name", "%E7%99%BB%E8%AE%B0%E8%AF%81%E4%B9%A6.pdf").body(png)
                .put("/api/filings/" + id + "/materials/REGISTRATION_CERT").then().statusCode(200)
                .body("contentType", equalTo("image/png")).body("fileName", equalTo("登记证书.pdf"))
                .body("sha256", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png))));

        byte[] back = given().auth().oauth2(Tokens.of("inst-elderly")).get("/api/filings/" + id
                + "/materials/REGISTRATION_CERT").then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        assertArrayEquals(png, back);
    }

    @Test
    void aFileNameThatCouldMisleadOrBreakTheDownloadHeaderIsRefusedOrEncoded() {
        String id = draft("inst-elderly", newElderly("五华区文件名测试养老院"));
        String path = "/api/filings/" + id + "/materials/COMMITMENT";
        // a malformed escape in X-File-Name is the client's error, not the server's
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType("application/pdf").header("X-File-Name", "%E7%zz.pdf")
                .body(PDF).put(path).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("fileName"));
        // a right-to-left override (U+202E) before "fdp.exe" makes it look like "exe.pdf"
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType("application/pdf")
                .queryParam("fileName", "承诺书\u202Efdp.exe").body(PDF).put(path).then().statusCode(400)
                .body("violations.field", hasItem("fileName"));
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType("application/pdf")
                .queryParam("fileName", "承诺书\u007F.pdf").body(PDF).put(path).then().statusCode(400);
        // quotes, a semicolon and a star reach the header percent-encoded only
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType("application/pdf")
                .queryParam("fileName", "a\"; filename=evil*.pdf").body(PDF).put(path).then().statusCode(200);
        given().auth().oauth2(Tokens.of("inst-elderly")).get(path).then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename*=UTF-8''a%22%3B%20filename%3Devil%2A.pdf"));
        as("inst-elderly", "POST", "/api/filings/" + id + "/withdraw", null).statusCode(200);
    }

    @Test
    void materialsAreForTheApplicantTheCompetentReviewerAndTheCitysAdminsOnly() {
        ensureFiled("inst-elderly", "mz-530102", newElderly("五华区下载测试养老院"));
        String id = submitted("inst-elderly", change(ELDERLY_USCC, "五华区下载测试养老院"));
        String path = "/api/filings/" + id + "/materials/CHANGE_PROOF";
        given().auth().oauth2(Tokens.of("inst-elderly")).get(path).then().statusCode(200);
        given().auth().oauth2(Tokens.of("mz-530102")).get(path).then().statusCode(200)
                .header("X-Content-SHA256", equalTo(HexFormat.of().formatHex(sha(PDF))));
        given().auth().oauth2(Tokens.of("admin-530100")).get(path).then().statusCode(200);
        given().auth().oauth2(Tokens.of("auditor-530100")).get(path).then().statusCode(403);
        given().auth().oauth2(Tokens.of("wj-530102")).get(path).then().statusCode(404);
        given().auth().oauth2(Tokens.of("mz-530103")).get(path).then().statusCode(404);
        given().auth().oauth2(Tokens.of("inst-childcare")).get(path).then().statusCode(404);
        given().auth().oauth2(Tokens.of("admin-530300")).get(path).then().statusCode(404);
        given().get(path).then().statusCode(401);
        // submitted: the materials are frozen until a return for correction
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType("application/pdf").body(PDF).put(path)
                .then().statusCode(409).body("code", equalTo("NOT_EDITABLE"));
    }

    private static byte[] sha(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
