package care.filing.access;

import care.deploy.CareTestResource;
import care.deploy.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static care.filing.filing.rest.FilingApi.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "filing"))
class FilingAccessTest {

    @Test
    void childcareFilingsGoToHealthAndCountyFilingsStayInTheirCounty() {
        ensureFiled("inst-childcare", "wj-530102", newChildcare("五华区路由测试托育园"));
        String childcare = submitted("inst-childcare", change(CHILDCARE_USCC, "五华区路由测试托育园"));
        as("mz-530102", "GET", "/api/filings/" + childcare, null).statusCode(404);     // 民政 does not review 托育
        as("mz-530102", "POST", "/api/filings/" + childcare + "/accept", null).statusCode(404);
        as("mz-530102", "GET", "/api/filings", null).statusCode(200).body("id", not(hasItem(childcare)));
        as("wj-530102", "GET", "/api/filings?type=CHANGE", null).statusCode(200).body("id", hasItem(childcare))
                .body("type", everyItem(equalTo("CHANGE"))).body("sector", everyItem(equalTo("CHILDCARE")));

        ensureFiled("inst-elderly", "mz-530102", newElderly("五华区可见性测试养老院"));
        String elderly = submitted("inst-elderly", change(ELDERLY_USCC, "五华区可见性测试养老院"));
        as("mz-530103", "GET", "/api/filings/" + elderly, null).statusCode(404);       // 盘龙区 reviewer
        as("mz-530103", "POST", "/api/filings/" + elderly + "/approve", null).statusCode(404);
        as("mz-530103", "GET", "/api/filings/" + elderly + "/history", null).statusCode(404);
        as("mz-530103", "GET", "/api/filings", null).statusCode(200).body("id", not(hasItem(elderly)));
        as("mz-530302", "GET", "/api/filings/" + elderly, null).statusCode(404);       // 曲靖 麒麟区
        as("inst-childcare", "GET", "/api/filings/" + elderly, null).statusCode(404);  // another institution
        as("admin-530100", "GET", "/api/filings/" + elderly, null).statusCode(200);
        as("admin-530300", "GET", "/api/filings/" + elderly, null).statusCode(404);
        as("admin-530100", "POST", "/api/filings/" + elderly + "/accept", null).statusCode(403);
        // city admins and auditors follow every open filing of their city, both sectors
        as("admin-530100", "GET", "/api/filings?size=200", null).statusCode(200)
                .body("id", hasItem(elderly)).body("id", hasItem(childcare)).body("id", not(hasItem(draft("inst-elderly",
                        change(ELDERLY_USCC, "草稿不给管理员")))));
        as("auditor-530100", "GET", "/api/filings?size=200&type=CHANGE", null).statusCode(200).body("id", hasItem(elderly));
        as("admin-530300", "GET", "/api/filings?size=200", null).statusCode(200).body("id", not(hasItem(elderly)));
        as("inst-elderly", "POST", "/api/filings/" + elderly + "/accept", null).statusCode(403);

        // a draft is the applicant's own until submitted
        String draft = draft("inst-elderly", change(ELDERLY_USCC, "草稿"));
        as("mz-530102", "GET", "/api/filings/" + draft, null).statusCode(404);
    }

    @Test
    void aDraftWithdrawnBeforeSubmissionIsSeenByNoOneButTheApplicant() {
        ensureFiled("inst-elderly", "mz-530102", newElderly("五华区撤回测试养老院"));
        String draft = draft("inst-elderly", change(ELDERLY_USCC, "从未提交就撤回"));
        upload("inst-elderly", draft, "COMMITMENT", PDF);
        as("inst-elderly", "POST", "/api/filings/" + draft + "/withdraw", null).statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        String afterSubmission = submitted("inst-elderly", change(ELDERLY_USCC, "提交后撤回"));
        as("inst-elderly", "POST", "/api/filings/" + afterSubmission + "/withdraw", null).statusCode(200);

        as("inst-elderly", "GET", "/api/filings?status=WITHDRAWN&size=200", null).statusCode(200)
                .body("id", hasItem(draft)).body("id", hasItem(afterSubmission));
        as("inst-elderly", "GET", "/api/filings/" + draft + "/history", null).statusCode(200);
        for (String staff : List.of("mz-530102", "admin-530100", "auditor-530100")) {
            // a filing withdrawn after submission is part of the record; the draft never was
            as(staff, "GET", "/api/filings?status=WITHDRAWN&size=200", null).statusCode(200)
                    .body("id", not(hasItem(draft))).body("id", hasItem(afterSubmission));
            as(staff, "GET", "/api/filings?status=WITHDRAWN&type=CHANGE&size=200", null).statusCode(200)
                    .body("id", not(hasItem(draft)));
            as(staff, "GET", "/api/filings/" + afterSubmission, null).statusCode(200);
            for (String read : List.of("", "/history", "/materials", "/materials/COMMITMENT", "/receipt",
                    "/receipt.pdf")) {
                as(staff, "GET", "/api/filings/" + draft + read, null).statusCode(404);
            }
        }
    }

    @Test
    void aPageNumberPastAnyPossibleOffsetIsRefusedAtThePageField() {
        for (String user : List.of("inst-elderly", "mz-530102", "admin-530100")) {
            // 21474837 × 100 overflows an int: the offset must never be computed from it
            as(user, "GET", "/api/filings?page=21474837&size=100", null).statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                    .body("violations.field", hasItem("page"));
            as(user, "GET", "/api/filings?page=10001", null).statusCode(400).body("violations.field", hasItem("page"));
            as(user, "GET", "/api/filings?page=99999999999", null).statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem("page"));
            as(user, "GET", "/api/filings?page=-1", null).statusCode(400).body("violations.field", hasItem("page"));
            as(user, "GET", "/api/filings?size=201", null).statusCode(400).body("violations.field", hasItem("size"));
            as(user, "GET", "/api/filings?page=10000&size=200", null).statusCode(200);
        }
    }

    @Test
    void datesFarOutsideTheCalendarAreRefusedAtTheirField() {
        // the day after year 999999999's last, or an instant of year -999999999, cannot be computed or stored
        stats("+999999999-12-31", null).statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED")).body("violations.field", hasItem("to"));
        stats("-999999999-01-02", "-999999999-01-01").statusCode(400).body("violations.field", hasItem("to"));
        stats("2026-12-31", "1999-12-31").statusCode(400).body("violations.field", hasItem("from"));
        stats("2026-12-31", "2026-01-01").statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse stats(String to, String from) {
        var request = given().auth().oauth2(Tokens.of("admin-530100")).queryParam("to", to);
        if (from != null) {
            request.queryParam("from", from);
        }
        return request.get("/api/filings/stats/decision-times").then();
    }

    @Test
    void theQueueIsSortedByDeadlineAndFilterable() {
        ensureFiled("inst-elderly", "mz-530102", newElderly("五华区队列测试养老院"));
        String first = submitted("inst-elderly", change(ELDERLY_USCC, "队列一"));
        String second = submitted("inst-elderly", change(ELDERLY_USCC, "队列二"));
        List<String> due = as("mz-530102", "GET", "/api/filings?size=200", null).statusCode(200)
                .body("status", everyItem(org.hamcrest.Matchers.oneOf("SUBMITTED", "ACCEPTED")))
                .body("id", hasItem(first)).body("id", hasItem(second))
                .extract().jsonPath().getList("dueOn");
        for (int i = 1; i < due.size(); i++) {
            assertTrue(due.get(i - 1).compareTo(due.get(i)) <= 0, "sorted by deadline: " + due);
        }
        as("mz-530102", "GET", "/api/filings/" + first, null).body("overdue", equalTo(false));
        as("mz-530102", "GET", "/api/filings?overdue=true", null).statusCode(200).body("id", not(hasItem(first)));
        as("mz-530102", "GET", "/api/filings?status=APPROVED&type=NEW", null).statusCode(200)
                .body("status", everyItem(equalTo("APPROVED"))).body("type", everyItem(equalTo("NEW")));
        as("mz-530102", "GET", "/api/filings?status=NOPE", null).statusCode(400).body("violations.field", hasItem("status"));
    }

    @Test
    void theQueueIsSearchedByNameUsccAndCountyAndTellsHowManyItHolds() {
        ensureFiled("inst-elderly", "mz-530102", newElderly("五华区队列测试养老院"));
        String named = submitted("inst-elderly", change(ELDERLY_USCC, "队列搜索测试院"));
        as("mz-530102", "GET", "/api/filings?size=200&q=队列搜索测试", null).statusCode(200)
                .body("id", hasItem(named)).body("institutionName", everyItem(containsString("队列搜索测试")));
        as("mz-530102", "GET", "/api/filings?size=200&q=" + ELDERLY_USCC.toLowerCase(), null).statusCode(200)
                .body("id", hasItem(named)).body("uscc", everyItem(equalTo(ELDERLY_USCC)));
        as("admin-530100", "GET", "/api/filings?size=200&county=530102&q=队列搜索测试", null).statusCode(200)
                .body("id", hasItem(named));
        as("admin-530100", "GET", "/api/filings?size=200&county=530103&q=队列搜索测试", null).statusCode(200)
                .body("id", not(hasItem(named)));
        as("admin-530100", "GET", "/api/filings?county=5301", null).statusCode(400)
                .body("violations.field", hasItem("county"));

        int open = as("mz-530102", "GET", "/api/filings?size=200", null).statusCode(200)
                .extract().jsonPath().getList("id").size();
        as("mz-530102", "GET", "/api/filings?size=200", null).header("X-Total-Count", String.valueOf(open));
        as("mz-530102", "GET", "/api/filings?size=1&page=1", null).statusCode(200).body("size()", equalTo(1))
                .header("X-Total-Count", String.valueOf(open));
    }

    @Test
    void adminsSeeTimeToDecisionPerTypeAndCounty() {
        ensureFiled("inst-elderly", "mz-530102", newElderly("五华区统计测试养老院"));
        as("admin-530100", "GET", "/api/filings/stats/decision-times", null).statusCode(200)
                .body("cityCode", equalTo("530100"))
                .body("rows.find { it.type == 'NEW' && it.divisionCode == '530102' }.decided", greaterThanOrEqualTo(1))
                .body("rows.find { it.type == 'NEW' && it.divisionCode == '530102' }.divisionName", equalTo("五华区"))
                .body("rows.find { it.type == 'NEW' && it.divisionCode == '530102' }.medianWorkingDays",
                        greaterThanOrEqualTo(0));
        as("admin-530300", "GET", "/api/filings/stats/decision-times", null).statusCode(200)
                .body("rows.divisionCode", not(hasItem("530102")));
        as("auditor-530100", "GET", "/api/filings/stats/decision-times?from=2025-01-01", null).statusCode(200);
        as("mz-530102", "GET", "/api/filings/stats/decision-times", null).statusCode(403);
        as("admin-530100", "GET", "/api/filings/stats/decision-times?from=yesterday", null).statusCode(400)
                .body("violations.field", hasItem("from"));
    }

    @Test
    void requestsWithoutTokenOrWithTheWrongRoleAreProblems() {
        given().contentType(ContentType.JSON).body(newElderly("x")).post("/api/filings").then()
                .statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        as("mz-530102", "POST", "/api/filings", newElderly("x")).statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        Map<String, Object> otherInstitution = newElderly("冒名");
        otherInstitution.put("uscc", CHILDCARE_USCC);
        as("inst-elderly", "POST", "/api/filings", otherInstitution).statusCode(403);
    }

    @Test
    void invalidInputIsRefusedFieldByFieldAndNothingIsStored() {
        int before = as("inst-elderly", "GET", "/api/filings?size=200", null).extract().jsonPath().getList("id").size();
        Map<String, Object> bad = newElderly(" ");
        bad.put("uscc", "52530102MJA00001X2");        // wrong check character
        bad.put("divisionCode", "530199");             // not a county in GB/T 2260
        bad.put("capacity", -3);
        as("inst-elderly", "POST", "/api/filings", bad).statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", containsInAnyOrder("capacity", "divisionCode", "institutionName", "uscc"));

        Map<String, Object> wrongKind = newElderly("错误类型");
        wrongKind.put("kind", "FULL_DAYCARE");
        as("inst-elderly", "POST", "/api/filings", wrongKind).statusCode(400).body("violations[0].field", equalTo("kind"));

        Map<String, Object> siteOnNew = newElderly("新设带场所");
        siteOnNew.put("siteAddress", "别处");
        as("inst-elderly", "POST", "/api/filings", siteOnNew).statusCode(400).body("violations.field", hasItem("siteAddress"));
        as("inst-elderly", "POST", "/api/filings", Map.of("uscc", ELDERLY_USCC)).statusCode(400)
                .body("violations.field", hasItem("type"));
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON).body("{\"type\":")
                .post("/api/filings").then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> addSite = new HashMap<>(Map.of("type", "ADD_SITE", "uscc", ELDERLY_USCC));
        as("inst-elderly", "POST", "/api/filings", addSite).statusCode(400);

        int after = as("inst-elderly", "GET", "/api/filings?size=200", null).extract().jsonPath().getList("id").size();
        assertEquals(before, after, "nothing stored");
    }

    @Test
    void staleIfMatchIsAConflict() {
        String id = as("inst-elderly", "POST", "/api/filings", newElderly("五华区版本测试养老院"))
                .statusCode(201).header("ETag", "\"0\"").extract().path("id");
        given().auth().oauth2(Tokens.of("inst-elderly")).header("If-Match", "\"7\"").contentType(ContentType.JSON)
                .body(newElderly("改名")).put("/api/filings/" + id).then().statusCode(409)
                .body("code", equalTo("VERSION_MISMATCH"));
        given().auth().oauth2(Tokens.of("inst-elderly")).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(newElderly("改名")).put("/api/filings/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("institutionName", equalTo("改名"));
    }
}
