package care.filing.filing.rest;

import care.deploy.CareTestResource;
import care.deploy.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static care.filing.filing.rest.FilingApi.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "filing"))
class FilingWorkflowTest {

    @ParameterizedTest
    @CsvSource({
            "inst-elderly,   mz-530102, ELDERLY,   PRIVATE_CARE_HOME, 52530102MJA00001X1",
            "inst-childcare, wj-530102, CHILDCARE, FULL_DAYCARE,      91530102MA6K0000BY"})
    void everyTypeGoesFromDraftToApprovalWithItsEvent(String user, String reviewer, String sector, String kind,
                                                       String uscc) {
        // start from an institution without a current 备案: file it if needed, then close it
        ensureFiled(user, reviewer, newFiling(uscc, sector, kind, "530102", "五华区链条测试机构"));
        approved(user, reviewer, close(uscc, "测试前注销"));

        // CHANGE is refused while nothing is filed
        as(user, "POST", "/api/filings", change(uscc, "不存在")).statusCode(400)
                .body("violations.field", hasItem("uscc"));

        String created = approved(user, reviewer, newFiling(uscc, sector, kind, "530102", "五华区阳光" + sector));
        String duplicate = draft(user, newFiling(uscc, sector, kind, "530102", "重复新设"));
        uploadRequired(user, duplicate);
        as(user, "POST", "/api/filings/" + duplicate + "/submit", null).statusCode(409)
                .body("code", equalTo("ALREADY_FILED"));
        String changed = approved(user, reviewer, change(uscc, "五华区阳光" + sector + "（更名）"));
        Map<String, Object> site = new HashMap<>(Map.of("type", "ADD_SITE", "uscc", uscc,
                "siteName", "学府路分点", "siteAddress", "昆明市五华区学府路88号", "siteCapacity", 30));
        String added = approved(user, reviewer, site);
        String closed = approved(user, reviewer, close(uscc, "经营期满，不再经营"));

        as(user, "GET", "/api/filings/" + closed, null).statusCode(200)
                .body("receiptNumber", matchesPattern("530102-\\d{4}-\\d{6}"))
                .body("institutionName", equalTo("五华区阳光" + sector + "（更名）"))
                .body("capacity", equalTo(150));

        List<ConsumerRecord<String, String>> events = events(List.of(created, changed, added, closed), 4);
        assertEquals(4, events.size(), "one FilingApproved per filing");
        for (ConsumerRecord<String, String> record : events) {
            assertEquals(uscc, record.key());
            JsonPath event = new JsonPath(record.value());
            assertEquals("FilingApproved", event.getString("type"));
            assertEquals("530102", event.getString("divisionCode"));
            String id = event.getString("payload.filingId");
            String type = event.getString("payload.filingType");
            assertEquals(uscc, event.getString("payload.institution.uscc"));
            assertNotNull(event.getString("payload.receiptNumber"));
            if (id.equals(created)) {
                assertEquals("NEW", type);
                assertEquals("五华区阳光" + sector, event.getString("payload.site.name"));
            } else if (id.equals(changed)) {
                assertEquals("CHANGE", type);
                assertEquals("五华区阳光" + sector + "（更名）", event.getString("payload.institution.name"));
                assertNull(event.get("payload.site"));
            } else if (id.equals(added)) {
                assertEquals("ADD_SITE", type);
                assertEquals("昆明市五华区学府路88号", event.getString("payload.site.address"));
                assertEquals(30, event.getInt("payload.site.capacity"));
                assertEquals(150, event.getInt("payload.institution.capacity"));
            } else {
                assertEquals("CLOSE", type);
                assertNull(event.get("payload.site"));
            }
        }

        // closed: CHANGE and ADD_SITE are refused again, a NEW is possible
        as(user, "POST", "/api/filings", change(uscc, "注销后变更")).statusCode(400);
        ensureFiled(user, reviewer, newFiling(uscc, sector, kind, "530102", "五华区阳光" + sector));
    }

    @Test
    void returnForCorrectionThenResubmitAndApprove() throws Exception {
        ensureFiled("inst-elderly", "mz-530102", newElderly("五华区补正测试养老院"));
        String id = submitted("inst-elderly", change(ELDERLY_USCC, "五华区补正后养老院"));

        // approval needs 受理 first
        as("mz-530102", "POST", "/api/filings/" + id + "/approve", null).statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("ILLEGAL_TRANSITION"));
        as("mz-530102", "POST", "/api/filings/" + id + "/accept", Map.of("comment", "已受理")).statusCode(200);

        // a return must say what and why, item by item
        as("mz-530102", "POST", "/api/filings/" + id + "/return", Map.of("items", List.of())).statusCode(400);
        as("mz-530102", "POST", "/api/filings/" + id + "/return", Map.of("items",
                List.of(Map.of("material", "NO_SUCH", "reason", "x")))).statusCode(400)
                .body("violations.field", hasItem("items[0].material"));
        as("mz-530102", "POST", "/api/filings/" + id + "/return", Map.of("comment", "请补正后重新提交", "items", List.of(
                Map.of("material", "CHANGE_PROOF", "reason", "变更后的登记证书未盖章"),
                Map.of("field", "contactPhone", "reason", "联系电话无法接通")))).statusCode(200)
                .body("status", equalTo("RETURNED"));

        as("inst-elderly", "GET", "/api/filings/" + id, null).statusCode(200)
                .body("returnItems.material", hasItem("CHANGE_PROOF"))
                .body("returnItems.field", hasItem("contactPhone"));
        as("mz-530102", "POST", "/api/filings/" + id + "/approve", null).statusCode(409);

        // the applicant corrects the field and the material, then resubmits
        String etag = as("inst-elderly", "GET", "/api/filings/" + id, null).extract().header("ETag");
        Map<String, Object> corrected = change(ELDERLY_USCC, "五华区补正后养老院");
        corrected.put("contactPhone", "0871-65550199");
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType("application/json").header("If-Match", etag)
                .body(corrected).put("/api/filings/" + id).then().statusCode(200)
                .body("contactPhone", equalTo("0871-65550199"));
        upload("inst-elderly", id, "CHANGE_PROOF", PDF);
        submit("inst-elderly", id);
        as("mz-530102", "POST", "/api/filings/" + id + "/accept", null).statusCode(200);
        as("mz-530102", "POST", "/api/filings/" + id + "/approve", null).statusCode(200)
                .body("receiptNumber", notNullValue()).body("dueOn", notNullValue());

        as("inst-elderly", "GET", "/api/filings/" + id + "/history", null).statusCode(200)
                .body("action", contains("CREATE", "MATERIAL_UPLOAD", "MATERIAL_UPLOAD", "MATERIAL_UPLOAD", "SUBMIT",
                        "ACCEPT", "RETURN", "EDIT", "MATERIAL_UPLOAD", "RESUBMIT", "ACCEPT", "APPROVE"))
                .body("find { it.action == 'RETURN' }.actor", equalTo("mz-530102"))
                .body("find { it.action == 'RETURN' }.comment", containsString("未盖章"))
                .body("find { it.action == 'APPROVE' }.toStatus", equalTo("APPROVED"))
                .body("at", hasItem(notNullValue()));

        List<ConsumerRecord<String, String>> events = all(List.of(id), 4);
        assertEquals(List.of("FilingAccepted", "FilingReturned", "FilingAccepted", "FilingApproved"),
                events.stream().map(r -> new JsonPath(r.value()).getString("type")).toList());
        // 受理 and 补正 tell the applicant (registry-service's messages): which filing, its deadline, whose it is
        JsonPath accepted = new JsonPath(events.get(0).value());
        assertEquals(ELDERLY_USCC, accepted.getString("payload.uscc"));
        assertEquals("五华区补正后养老院", accepted.getString("payload.institutionName"));
        assertNotNull(accepted.getString("payload.dueOn"));
        assertNotNull(accepted.getString("payload.applicantId"));
        JsonPath returned = new JsonPath(events.get(1).value());
        assertEquals(accepted.getString("payload.applicantId"), returned.getString("payload.applicantId"));
        assertEquals("请补正后重新提交", returned.getString("payload.comment"));

        // the receipt: printable HTML with the Chinese text in it
        given().auth().oauth2(Tokens.of("inst-elderly")).accept("text/html").get("/api/filings/" + id + "/receipt")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("养老机构备案回执"), containsString("五华区补正后养老院"),
                        containsString("五华区民政局"), containsString("<meta charset=\"UTF-8\">"),
                        containsString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")); // a phone shows it at its width
        // and as a PDF whose Chinese text is really there: embedded font subset, extractable text
        byte[] pdf = given().auth().oauth2(Tokens.of("inst-elderly")).get("/api/filings/" + id + "/receipt.pdf")
                .then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", containsString(".pdf")).extract().asByteArray();
        Files.createDirectories(Path.of("target/receipts"));
        Files.write(Path.of("target/receipts/returned-then-approved.pdf"), pdf); // to look at
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s", "");
            String receipt = as("inst-elderly", "GET", "/api/filings/" + id, null).extract().path("receiptNumber");
            assertTrue(text.contains("养老机构备案回执") && text.contains("五华区补正后养老院")
                    && text.contains("五华区民政局") && text.contains(receipt), text);
            PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
            assertTrue(font.isEmbedded() && font.getName().matches("[A-Z]{6}\\+.*"), "a subset of the font is embedded");
        }
        // not for another institution, and not before approval
        given().auth().oauth2(Tokens.of("inst-elderly-530103")).get("/api/filings/" + id + "/receipt.pdf").then()
                .statusCode(404);
        String draft = draft("inst-elderly", change(ELDERLY_USCC, "未批准的变更"));
        as("inst-elderly", "GET", "/api/filings/" + draft + "/receipt.pdf", null).statusCode(409)
                .body("code", equalTo("NO_RECEIPT"));
        as("inst-elderly", "POST", "/api/filings/" + draft + "/withdraw", null).statusCode(200);
    }

    @Test
    void onlyItsApplicantDeletesADraftNeverSubmitted() {
        ensureFiled("inst-childcare", "wj-530102", newChildcare("五华区删除草稿测试托育园"));
        String draft = draft("inst-childcare", change(CHILDCARE_USCC, "要删除的草稿"));
        upload("inst-childcare", draft, "CHANGE_PROOF", PDF);
        as("inst-elderly", "DELETE", "/api/filings/" + draft, null).statusCode(404); // another institution's: unseen
        as("wj-530102", "DELETE", "/api/filings/" + draft, null).statusCode(403);
        as("inst-childcare", "DELETE", "/api/filings/" + draft, null).statusCode(204);
        as("inst-childcare", "GET", "/api/filings/" + draft, null).statusCode(404);
        as("inst-childcare", "GET", "/api/filings/" + draft + "/materials/CHANGE_PROOF", null).statusCode(404);

        // once submitted it is on record, even withdrawn; a draft withdrawn unsubmitted is no longer a draft either
        String submitted = submitted("inst-childcare", change(CHILDCARE_USCC, "已提交的不能删除"));
        as("inst-childcare", "DELETE", "/api/filings/" + submitted, null).statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("NOT_A_DRAFT"))
                .body("title", equalTo("只有未提交过的草稿可以删除"));
        as("inst-childcare", "POST", "/api/filings/" + submitted + "/withdraw", null).statusCode(200);
        as("inst-childcare", "DELETE", "/api/filings/" + submitted, null).statusCode(409);
        as("inst-childcare", "GET", "/api/filings/" + submitted, null).statusCode(200);
    }

    @Test
    void rejectionNeedsAReasonAndWithdrawalEndsAFiling() {
        ensureFiled("inst-childcare", "wj-530102", newChildcare("五华区驳回测试托育园"));
        String rejected = submitted("inst-childcare", change(CHILDCARE_USCC, "驳回测试"));
        as("wj-530102", "POST", "/api/filings/" + rejected + "/reject", Map.of("comment", " ")).statusCode(400)
                .body("violations.field", hasItem("comment"));
        as("wj-530102", "POST", "/api/filings/" + rejected + "/reject", Map.of("comment", "变更事项与证明材料不符"))
                .statusCode(200).body("status", equalTo("REJECTED")).body("receiptNumber", nullValue());
        as("inst-childcare", "GET", "/api/filings/" + rejected + "/receipt", null).statusCode(409)
                .body("code", equalTo("NO_RECEIPT"));

        // withdrawn before it was ever submitted: the institution's own business, so no event tells anyone
        String draft = draft("inst-childcare", change(CHILDCARE_USCC, "撤回的草稿"));
        as("inst-childcare", "POST", "/api/filings/" + draft + "/withdraw", null).statusCode(200);
        String withdrawn = submitted("inst-childcare", change(CHILDCARE_USCC, "撤回测试"));
        as("wj-530102", "POST", "/api/filings/" + withdrawn + "/withdraw", null).statusCode(403);
        as("inst-childcare", "POST", "/api/filings/" + withdrawn + "/withdraw", Map.of("comment", "信息填错"))
                .statusCode(200).body("status", equalTo("WITHDRAWN"));
        as("inst-childcare", "POST", "/api/filings/" + withdrawn + "/submit", null).statusCode(409)
                .body("code", equalTo("ILLEGAL_TRANSITION"));
        as("inst-childcare", "POST", "/api/filings/" + rejected + "/withdraw", null).statusCode(409)
                .body("code", equalTo("ILLEGAL_TRANSITION"));

        List<String> types = new ArrayList<>();
        for (ConsumerRecord<String, String> r : events(List.of(rejected, withdrawn, draft), 2)) {
            types.add(new JsonPath(r.value()).getString("type"));
        }
        assertEquals(2, types.size(), types.toString());
        org.hamcrest.MatcherAssert.assertThat(types, hasItems("FilingRejected", "FilingWithdrawn"));
    }

    static Map<String, Object> close(String uscc, String reason) {
        return new HashMap<>(Map.of("type", "CLOSE", "uscc", uscc, "closeReason", reason));
    }
}
