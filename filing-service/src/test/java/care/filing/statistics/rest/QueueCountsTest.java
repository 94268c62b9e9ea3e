package care.filing.statistics.rest;

import care.contracts.ChinaTime;
import care.deploy.CareTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static care.filing.filing.rest.FilingApi.*;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 待办件数: each count moves with the filings of the caller's queue and with nothing outside it. The module's tests
 * share one database, so each case compares the counts before and after its own filings.
 */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "filing"))
class QueueCountsTest {

    @Inject
    EntityManager em;

    private static JsonPath counts(String user) {
        return as(user, "GET", "/api/filings/stats/queue", null).statusCode(200).extract().jsonPath();
    }

    private static long delta(JsonPath before, JsonPath after, String field) {
        return after.getLong(field) - before.getLong(field);
    }

    private void due(String filingId, LocalDate day) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update filing set due_on = ?1 where id = ?2")
                .setParameter(1, day).setParameter(2, UUID.fromString(filingId)).executeUpdate());
    }

    @Test
    void eachStepMovesItsCountForTheReviewerAndTheCityButNotForAnotherCountyOrSector() {
        ensureFiled("inst-elderly", "mz-530102", newElderly("五华区待办测试养老院"));
        List<String> users = List.of("mz-530102", "admin-530100", "auditor-530100", "mz-530103", "wj-530102");
        Map<String, JsonPath> before = new java.util.HashMap<>();
        users.forEach(u -> before.put(u, counts(u)));

        String waiting = submitted("inst-elderly", change(ELDERLY_USCC, "五华区待办测试养老院（待受理）"));
        String inReview = submitted("inst-elderly", change(ELDERLY_USCC, "五华区待办测试养老院（审查中）"));
        as("mz-530102", "POST", "/api/filings/" + inReview + "/accept", null).statusCode(200);
        String returned = submitted("inst-elderly", change(ELDERLY_USCC, "五华区待办测试养老院（补正）"));
        as("mz-530102", "POST", "/api/filings/" + returned + "/return", Map.of("items",
                List.of(Map.of("field", "address", "reason", "地址不详")))).statusCode(200);
        LocalDate today = ChinaTime.today();
        due(waiting, today.minusDays(1)); // past its deadline
        due(inReview, today); // due today: near

        for (String user : List.of("mz-530102", "admin-530100", "auditor-530100")) {
            JsonPath after = counts(user);
            assertEquals(1, delta(before.get(user), after, "awaitingAcceptance"), user);
            assertEquals(1, delta(before.get(user), after, "inReview"), user);
            assertEquals(1, delta(before.get(user), after, "returned"), user);
            assertEquals(2, delta(before.get(user), after, "waiting"), user);
            assertEquals(1, delta(before.get(user), after, "overdue"), user);
            assertEquals(1, delta(before.get(user), after, "dueSoon"), user);
            assertEquals(today.toString(), after.getString("today"));
        }
        for (String user : List.of("mz-530103", "wj-530102")) { // another county; the other sector
            JsonPath after = counts(user);
            for (String field : List.of("awaitingAcceptance", "inReview", "returned", "dueSoon", "overdue")) {
                assertEquals(0, delta(before.get(user), after, field), user + " " + field);
            }
        }
        // a returned filing waits for the institution, not against the reviewer's deadline
        due(returned, today.minusDays(3));
        assertEquals(1, delta(before.get("mz-530102"), counts("mz-530102"), "overdue"));

        as("inst-elderly", "POST", "/api/filings/" + waiting + "/withdraw", null).statusCode(200);
        as("inst-elderly", "POST", "/api/filings/" + inReview + "/withdraw", null).statusCode(200);
        as("inst-elderly", "POST", "/api/filings/" + returned + "/withdraw", null).statusCode(200);
        JsonPath after = counts("mz-530102");
        assertEquals(0, delta(before.get("mz-530102"), after, "waiting"));
        assertEquals(0, delta(before.get("mz-530102"), after, "returned"));
    }

    @Test
    void dueSoonReachesTheNextWorkingDayAndInstitutionsHaveNoQueue() {
        JsonPath counts = counts("mz-530102");
        LocalDate today = LocalDate.parse(counts.getString("today"));
        LocalDate by = LocalDate.parse(counts.getString("dueSoonBy"));
        // the next working day: after today, never more than the longest holiday (8 days) away
        assertEquals(true, by.isAfter(today) && !by.isAfter(today.plusDays(9)), by.toString());

        as("inst-elderly", "GET", "/api/filings/stats/queue", null).statusCode(403)
                .contentType("application/problem+json").body("title", org.hamcrest.Matchers.notNullValue());
        io.restassured.RestAssured.given().get("/api/filings/stats/queue").then().statusCode(401);
        as("mz-530102", "GET", "/api/filings/stats/queue", null).body("waiting",
                equalTo(counts("mz-530102").getInt("waiting")));
    }
}
