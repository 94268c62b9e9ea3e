package care.registry.staff.rest;

import care.deploy.CareTestResource;
import care.deploy.Tokens;
import care.registry.institution.domain.Institution;
import care.registry.support.Db;
import care.registry.support.Register;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static care.registry.staff.rest.StaffRosterTest.newCitizenId;
import static care.registry.staff.rest.StaffRosterTest.staff;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two institutions claim one person for overlapping times: the later claim is recorded and goes to the county's
 * competent reviewer, neither claim pays the allowance meanwhile, and no institution learns about the other.
 */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class StaffDisputesTest {

    static final String DISPUTES = "/api/institutions/staff-disputes";

    @Inject
    Register register;
    @Inject
    Db db;

    /** 盘龙区's home puts the person on its roster first, open-ended from 2020; returns the staff id. */
    private String squat(Institution squatter, String citizenId) {
        return given().auth().oauth2(Tokens.of("inst-elderly-530103")).contentType(ContentType.JSON)
                .body(staff("陈芳", citizenId, "LEVEL_5", "S53010320200001", "2020-01-01", null))
                .post("/api/institutions/{id}/staff", squatter.id).then().statusCode(201).extract().path("id");
    }

    @Test
    void theRealEmployerIsNotToldWhereOrSinceWhenTheSquatterEmploysThePerson() {
        Institution squatter = register.elderly530103();
        Institution employer = register.elderly530102();
        String citizenId = newCitizenId();
        String squatted = squat(squatter, citizenId);

        String answer = given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON)
                .body(staff("陈芳", citizenId, "LEVEL_4", "S53010220240007", "2024-03-01", null))
                .post("/api/institutions/{id}/staff", employer.id).then().statusCode(202)
                .body("status", equalTo("DISPUTED"))
                .body("notice", containsString("县（区）主管部门核实"))
                .body("institutionId", equalTo(employer.id.toString()))
                .extract().asString();
        for (String secret : List.of("2020-01-01", squatter.id.toString(), squatter.uscc, squatter.facts.name, "530103",
                squatted, "S53010320200001", citizenId)) {
            assertFalse(answer.contains(secret), "the answer tells " + secret + ": " + answer);
        }
        // the claim is recorded on the employer's roster, waiting for the county
        given().auth().oauth2(Tokens.of("inst-elderly")).get("/api/institutions/{id}/staff", employer.id).then()
                .statusCode(200).body("items.find { it.id == '" + idOf(answer) + "' }.status", equalTo("DISPUTED"));
    }

    @Test
    void theCountyReviewerSeesBothClaimsAndDecidesAndEachInstitutionLearnsOnlyItsOwnOutcome() {
        Institution squatter = register.elderly530103();
        Institution employer = register.elderly530102();
        String citizenId = newCitizenId();
        String squatted = squat(squatter, citizenId);
        String claimed = given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON)
                .body(staff("陈芳", citizenId, "LEVEL_4", "S53010220240008", "2024-03-01", null))
                .post("/api/institutions/{id}/staff", employer.id).then().statusCode(202).extract().path("id");

        // while the dispute is open, both entries are published as disputed (no allowance for either)
        assertTrue(last(db.events("CaregiverChanged", squatted)).contains("\"disputed\":true"));
        assertTrue(last(db.events("CaregiverChanged", claimed)).contains("\"disputed\":true"));
        // and the squatter's entry is frozen until the county decides
        given().auth().oauth2(Tokens.of("inst-elderly-530103")).get("/api/institutions/{id}/staff/{s}", squatter.id, squatted)
                .then().statusCode(200).body("status", equalTo("DISPUTED"))
                .body(not(containsString(employer.facts.name))).body(not(containsString("2024-03-01")));
        given().auth().oauth2(Tokens.of("inst-elderly-530103")).contentType(ContentType.JSON)
                .body(staff("陈芳", null, "LEVEL_5", "S53010320200001", "2019-01-01", null))
                .put("/api/institutions/{id}/staff/{s}", squatter.id, squatted).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("EMPLOYMENT_DISPUTED"));

        // the reviewer of the county of the disputing claim finds it in the queue with both claims
        String dispute = given().auth().oauth2(Tokens.of("mz-530102")).queryParam("size", 200).get(DISPUTES).then()
                .statusCode(200).extract().path("items.find { it.claims.any { c -> c.staffId == '" + claimed + "' } }.id");
        Map<String, Object> shown = given().auth().oauth2(Tokens.of("mz-530102")).get(DISPUTES + "/{id}", dispute)
                .then().statusCode(200).body("status", equalTo("OPEN"))
                .body("maskedCitizenId", equalTo(citizenId.substring(0, 6) + "********" + citizenId.substring(14)))
                .body("decidingDivisionCode", equalTo("530102")).body("decidable", equalTo(true))
                .body("claims.size()", equalTo(2))
                .body("claims.find { it.staffId == '" + squatted + "' }.institutionName", equalTo(squatter.facts.name))
                .body("claims.find { it.staffId == '" + squatted + "' }.employedFrom", equalTo("2020-01-01"))
                .body("claims.find { it.staffId == '" + squatted + "' }.employedUntil", nullValue())
                .body("claims.find { it.staffId == '" + squatted + "' }.certificateGrade", equalTo("LEVEL_5"))
                .body("claims.find { it.staffId == '" + claimed + "' }.institutionName", equalTo(employer.facts.name))
                .body("claims.find { it.staffId == '" + claimed + "' }.roleLabel", equalTo("养老护理员"))
                .body("claims.find { it.staffId == '" + claimed + "' }.certificateNumber", equalTo("S53010220240008"))
                .extract().as(Map.class);
        assertFalse(shown.toString().contains(citizenId));
        @SuppressWarnings("unchecked")
        var claims = (List<Map<String, Object>>) shown.get("claims");
        claims.forEach(c -> assertTrue(c.get("claimedAt") != null, "when the claim was made"));

        // the other county's reviewer and the city see it; another sector, another city and institutions do not
        given().auth().oauth2(Tokens.of("mz-530103")).get(DISPUTES + "/{id}", dispute).then().statusCode(200)
                .body("decidable", equalTo(false));
        given().auth().oauth2(Tokens.of("admin-530100")).get(DISPUTES + "/{id}", dispute).then().statusCode(200);
        given().auth().oauth2(Tokens.of("auditor-530100")).get(DISPUTES + "/{id}", dispute).then().statusCode(200);
        given().auth().oauth2(Tokens.of("wj-530102")).get(DISPUTES + "/{id}", dispute).then().statusCode(404);
        given().auth().oauth2(Tokens.of("admin-530300")).get(DISPUTES + "/{id}", dispute).then().statusCode(404);
        given().auth().oauth2(Tokens.of("wj-530102")).queryParam("size", 200).get(DISPUTES).then().statusCode(200)
                .body("items.id", not(hasItem(dispute)));
        given().auth().oauth2(Tokens.of("inst-elderly")).get(DISPUTES + "/{id}", dispute).then().statusCode(403);
        given().auth().oauth2(Tokens.of("inst-elderly-530103")).get(DISPUTES).then().statusCode(403);

        // only the competent reviewer decides, with a reason and a claim of this dispute
        String decision = "{\"standingStaffId\":\"%s\",\"reason\":\"%s\"}";
        for (String notAllowed : List.of("mz-530103", "admin-530100", "auditor-530100")) {
            given().auth().oauth2(Tokens.of(notAllowed)).contentType(ContentType.JSON)
                    .body(decision.formatted(claimed, "核实劳动合同与社保缴纳记录"))
                    .post(DISPUTES + "/{id}/decision", dispute).then().statusCode(403);
        }
        given().auth().oauth2(Tokens.of("mz-530102")).contentType(ContentType.JSON)
                .body(decision.formatted(claimed, " "))
                .post(DISPUTES + "/{id}/decision", dispute).then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        given().auth().oauth2(Tokens.of("mz-530102")).contentType(ContentType.JSON)
                .body(decision.formatted(java.util.UUID.randomUUID(), "核实"))
                .post(DISPUTES + "/{id}/decision", dispute).then().statusCode(400)
                .body("violations.field", hasItem("standingStaffId"));
        given().auth().oauth2(Tokens.of("mz-530102")).contentType(ContentType.JSON)
                .body(decision.formatted(claimed, "核实劳动合同与社保缴纳记录：该人员自2024年3月起在五华区康乐养老院工作"))
                .post(DISPUTES + "/{id}/decision", dispute).then().statusCode(200)
                .body("status", equalTo("DECIDED")).body("decidedBy", equalTo("mz-530102"))
                .body("standingStaffId", equalTo(claimed))
                .body("claims.find { it.staffId == '" + squatted + "' }.outcome", equalTo("ENDED"))
                .body("claims.find { it.staffId == '" + claimed + "' }.outcome", equalTo("STANDS"));
        given().auth().oauth2(Tokens.of("mz-530102")).contentType(ContentType.JSON)
                .body(decision.formatted(squatted, "再议"))
                .post(DISPUTES + "/{id}/decision", dispute).then().statusCode(409)
                .body("code", equalTo("DISPUTE_DECIDED"));

        // each institution sees its own claim's outcome, nothing of the other's or of the reason
        given().auth().oauth2(Tokens.of("inst-elderly")).get("/api/institutions/{id}/staff/{s}", employer.id, claimed)
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("disputeOutcome", equalTo("STANDS"))
                .body(not(containsString(squatter.facts.name))).body(not(containsString("社保")));
        given().auth().oauth2(Tokens.of("inst-elderly-530103")).get("/api/institutions/{id}/staff/{s}", squatter.id, squatted)
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("disputeOutcome", equalTo("ENDED"))
                .body("employedUntil", equalTo("2024-02-29"))
                .body(not(containsString(employer.facts.name))).body(not(containsString("社保")));

        // the allowance follows the decision: the winner's entry published normally, the loser's ended
        String won = last(db.events("CaregiverChanged", claimed));
        assertTrue(won.contains("\"disputed\":false") && won.contains("\"employedUntil\":null"), won);
        String lost = last(db.events("CaregiverChanged", squatted));
        assertTrue(lost.contains("\"disputed\":false") && lost.contains("\"employedUntil\":\"2024-02-29\""), lost);

        // who, when and why, in the audit trail of both institutions' city
        given().auth().oauth2(Tokens.of("auditor-530100")).queryParam("institutionId", squatter.id)
                .get("/api/institutions/audit").then().statusCode(200)
                .body("find { it.entityId == '" + squatted + "' && it.action == 'STAFF_DISPUTE_DECIDED' }.actor",
                        equalTo("mz-530102"))
                .body("find { it.entityId == '" + squatted + "' && it.action == 'STAFF_DISPUTE_DECIDED' }.detail",
                        containsString("社保缴纳记录"));
    }

    @Test
    void whenTheEarlierEntryStandsTheLaterClaimIsRefusedAndNeverCounts() {
        Institution first = register.elderly530103();
        Institution second = register.elderly530102();
        String citizenId = newCitizenId();
        String held = squat(first, citizenId);
        String claimed = given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON)
                .body(staff("陈芳", citizenId, null, null, "2025-06-01", null))
                .post("/api/institutions/{id}/staff", second.id).then().statusCode(202).extract().path("id");
        String dispute = given().auth().oauth2(Tokens.of("mz-530102")).queryParam("size", 200).get(DISPUTES).then()
                .statusCode(200).extract().path("items.find { it.claims.any { c -> c.staffId == '" + claimed + "' } }.id");
        given().auth().oauth2(Tokens.of("mz-530102")).contentType(ContentType.JSON)
                .body("{\"standingStaffId\":\"" + held + "\",\"reason\":\"该人员仍在盘龙区机构工作\"}")
                .post(DISPUTES + "/{id}/decision", dispute).then().statusCode(200)
                .body("claims.find { it.staffId == '" + claimed + "' }.outcome", equalTo("REFUSED"));

        given().auth().oauth2(Tokens.of("inst-elderly")).get("/api/institutions/{id}/staff/{s}", second.id, claimed)
                .then().statusCode(200).body("status", equalTo("REFUSED")).body("disputeOutcome", equalTo("REFUSED"))
                .body("employed", equalTo(false));
        given().auth().oauth2(Tokens.of("inst-elderly")).queryParam("current", true)
                .get("/api/institutions/{id}/staff", second.id).then().statusCode(200)
                .body("items.id", not(hasItem(claimed)));
        // a refused claim is sent as an employment that ended before it began: no month counts it
        String refused = last(db.events("CaregiverChanged", claimed));
        assertTrue(refused.contains("\"employedFrom\":\"2025-06-01\"") && refused.contains("\"employedUntil\":\"2025-05-31\"")
                && refused.contains("\"disputed\":false"), refused);
        assertTrue(last(db.events("CaregiverChanged", held)).contains("\"disputed\":false"));
        assertEquals(1, db.count("select count(*) from staff where id = cast(?1 as uuid) and status = 'ACTIVE'"
                + " and employed_until is null", held));
        // the refused claim is final: the institution enters a new one if it has a new case
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON)
                .body(staff("陈芳", null, null, null, "2025-06-01", "2025-06-30"))
                .put("/api/institutions/{id}/staff/{s}", second.id, claimed).then().statusCode(409)
                .body("code", equalTo("CLAIM_REFUSED"));
    }

    private static String last(List<String> events) {
        assertFalse(events.isEmpty(), "no event");
        return events.get(events.size() - 1);
    }

    private static String idOf(String json) {
        return io.restassured.path.json.JsonPath.from(json).getString("id");
    }
}
