package care.filing.access;

import care.contracts.validation.Identifiers;
import care.deploy.CareTestResource;
import care.deploy.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static care.filing.filing.rest.FilingApi.*;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A self-registered institution not yet confirmed (role registrant, made by the registry with the claims of what it
 * registered) drafts and submits the NEW filing of its USCC, in its sector and county, and sees nothing else: not
 * another filing of that USCC, not another account's, and it cannot act as a reviewer.
 */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "filing"))
class RegistrantFilingTest {

    /** A registrant as the registry makes it: a fresh USCC of 五华区, 养老. */
    private static String registrant(String uscc) {
        String username = "reg-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        CareTestResource.infra().keycloak.addUser(username, "registrant", Map.of("uscc", uscc, "sector", "ELDERLY",
                "division_code", "530102", "city_code", "530100"));
        return username;
    }

    private static String freshUscc() {
        return Identifiers.completeUscc("52530102" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
    }

    private static String subject(String user) {
        String payload = new String(Base64.getUrlDecoder().decode(Tokens.of(user).split("\\.")[1]));
        return JsonPath.from(payload).getString("sub");
    }

    @Test
    void aRegistrantFilesTheNewFilingOfItsOwnUsccAndTheApprovalNamesItsAccount() {
        String uscc = freshUscc();
        String registrant = registrant(uscc);
        Map<String, Object> own = newFiling(uscc, "ELDERLY", "PRIVATE_CARE_HOME", "530102", "五华区注册人测试养老院");

        // only the NEW of its USCC, sector and county
        as(registrant, "POST", "/api/filings", change(uscc, "变更")).statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        as(registrant, "POST", "/api/filings", newElderly("别人的机构")).statusCode(403);
        as(registrant, "POST", "/api/filings", with(own, "divisionCode", "530103")).statusCode(403);
        as(registrant, "POST", "/api/filings", newFiling(uscc, "CHILDCARE", "FULL_DAYCARE", "530102", "托育"))
                .statusCode(403);

        String id = draft(registrant, own);
        as(registrant, "PUT", "/api/filings/" + id, with(own, "divisionCode", "530103")).statusCode(403);
        as(registrant, "PUT", "/api/filings/" + id, with(own, "capacity", 80)).statusCode(200)
                .body("capacity", equalTo(80));
        uploadRequired(registrant, id);
        submit(registrant, id);
        as(registrant, "GET", "/api/filings", null).statusCode(200).body("id", contains(id));
        as(registrant, "GET", "/api/filings/" + id + "/history", null).statusCode(200);

        // it decides nothing and sees no figures
        as(registrant, "POST", "/api/filings/" + id + "/accept", null).statusCode(403);
        as(registrant, "GET", "/api/filings/stats/decision-times", null).statusCode(403);

        as("mz-530102", "POST", "/api/filings/" + id + "/accept", null).statusCode(200);
        as("mz-530102", "POST", "/api/filings/" + id + "/approve", Map.of("comment", "材料齐全")).statusCode(200);
        as(registrant, "GET", "/api/filings/" + id + "/receipt", null).statusCode(200);

        List<ConsumerRecord<String, String>> events = events(List.of(id), 1);
        assertEquals(1, events.size());
        JsonPath approved = new JsonPath(events.get(0).value());
        assertEquals("FilingApproved", approved.getString("type"));
        // the registry confirms the registration whose account this is
        assertEquals(subject(registrant), approved.getString("payload.applicantId"));
    }

    @Test
    void aRegistrantSeesNoOtherFilingOfItsUsccNorAnotherAccountsDraft() {
        String uscc = freshUscc();
        // whoever already acts for the institution (an institution account of that USCC) has its own filings
        String institution = "inst-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        CareTestResource.infra().keycloak.addUser(institution, "institution", Map.of("uscc", uscc, "sector", "ELDERLY",
                "division_code", "530102", "city_code", "530100"));
        String theirs = draft(institution, newFiling(uscc, "ELDERLY", "PRIVATE_CARE_HOME", "530102", "真正的机构"));

        String registrant = registrant(uscc);
        String mine = draft(registrant, newFiling(uscc, "ELDERLY", "PRIVATE_CARE_HOME", "530102", "注册人的草稿"));
        as(registrant, "GET", "/api/filings/" + theirs, null).statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        as(registrant, "GET", "/api/filings/" + theirs + "/materials", null).statusCode(404);
        as(registrant, "POST", "/api/filings/" + theirs + "/submit", null).statusCode(404);
        as(registrant, "GET", "/api/filings?size=200", null).statusCode(200).body("id", contains(mine));
        ensureFiled("inst-elderly", "mz-530102", newElderly("五华区注册人可见性测试养老院"));
        String elsewhere = draft("inst-elderly", change(ELDERLY_USCC, "注册人不可见"));
        as(registrant, "GET", "/api/filings/" + elsewhere, null).statusCode(404);

        // another account bound to the same USCC (a later registrant, e.g. with a freed mobile number) sees neither
        String another = registrant(uscc);
        as(another, "GET", "/api/filings/" + mine, null).statusCode(404);
        as(another, "PUT", "/api/filings/" + mine, newFiling(uscc, "ELDERLY", "PRIVATE_CARE_HOME", "530102", "改"))
                .statusCode(404);
        as(another, "GET", "/api/filings", null).statusCode(200).body("size()", equalTo(0));
        // the institution itself sees every filing of its USCC
        as(institution, "GET", "/api/filings/" + mine, null).statusCode(200);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }
}
