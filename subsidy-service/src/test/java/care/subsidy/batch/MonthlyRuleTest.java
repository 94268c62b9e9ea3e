package care.subsidy.batch;

import care.contracts.event.CertificateGrade;
import care.contracts.event.Ownership;
import care.contracts.event.Sector;
import care.contracts.event.StaffRole;
import care.deploy.CareTestResource;
import care.deploy.Tokens;
import care.subsidy.Api;
import care.subsidy.Registry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static care.contracts.event.CertificateGrade.LEVEL_3;
import static care.contracts.event.CertificateGrade.LEVEL_4;
import static care.contracts.event.CertificateGrade.LEVEL_5;
import static care.contracts.event.StaffRole.ELDERLY_CAREGIVER;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;

/**
 * The monthly rule, edge by edge, for September 2026 (last day 2026-09-30), through events on the real broker and
 * a batch generated through the API: who is paid, how much, through which institution, and only once.
 */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "subsidy"))
class MonthlyRuleTest {

    static final String PERIOD = "2026-09";
    static final LocalDate LONG_AGO = LocalDate.of(2024, 1, 1);

    @Inject
    EntityManager em;

    @BeforeEach
    void kunmingNursingExtendedBeyond2025() {
        Api.extended("admin-530100", "KM-NURSING");
    }

    @Test
    void septemberIsPaidToExactlyThePeopleTheRuleNamesAtTheGradeHeldOnItsLastDay() {
        Registry registry = new Registry();
        var privateHome = registry.institution("530102", Ownership.PRIVATE, Sector.ELDERLY, LONG_AGO);
        var aided = registry.institution("530103", Ownership.PRIVATE_WITH_PUBLIC_AID, Sector.ELDERLY, LONG_AGO);
        var publicHome = registry.institution("530102", Ownership.PUBLIC, Sector.ELDERLY, LONG_AGO);
        var publicBuilt = registry.institution("530102", Ownership.PUBLIC_BUILT_PRIVATE_RUN, Sector.ELDERLY, LONG_AGO);
        var closedMidMonth = registry.institution("530102", Ownership.PRIVATE, Sector.ELDERLY, LONG_AGO);
        registry.changed(closedMidMonth, "DEREGISTERED", LocalDate.of(2026, 9, 15), 40);
        var closedAfter = registry.institution("530102", Ownership.PRIVATE, Sector.ELDERLY, LONG_AGO);
        registry.changed(closedAfter, "DEREGISTERED", LocalDate.of(2026, 10, 10), 40);
        var filedLate = registry.institution("530102", Ownership.PRIVATE, Sector.ELDERLY, LocalDate.of(2026, 10, 8));

        String paid4 = person(registry, privateHome, LEVEL_4, LONG_AGO, null, LONG_AGO, null);
        String expiredMid = person(registry, privateHome, LEVEL_4, LONG_AGO, LocalDate.of(2026, 9, 20), LONG_AGO, null);
        String expiresLastDay = person(registry, privateHome, LEVEL_5, LONG_AGO, LocalDate.of(2026, 9, 30), LONG_AGO, null);
        String atClosed = person(registry, closedMidMonth, LEVEL_4, LONG_AGO, null, LONG_AGO, null);
        String atClosedAfter = person(registry, closedAfter, LEVEL_4, LONG_AGO, null, LONG_AGO, null);
        String atPublic = person(registry, publicHome, LEVEL_4, LONG_AGO, null, LONG_AGO, null);
        String atPublicBuilt = person(registry, publicBuilt, LEVEL_4, LONG_AGO, null, LONG_AGO, null);
        String atAided = person(registry, aided, LEVEL_5, LONG_AGO, null, LONG_AGO, null);
        String atFiledLate = person(registry, filedLate, LEVEL_4, LONG_AGO, null, LONG_AGO, null);
        String uncertified = person(registry, privateHome, null, null, null, LONG_AGO, null);
        String startsInOctober = person(registry, privateHome, LEVEL_4, LONG_AGO, null, LocalDate.of(2026, 10, 1), null);
        String leftMidMonth = person(registry, privateHome, LEVEL_4, LONG_AGO, null, LONG_AGO, LocalDate.of(2026, 9, 29));
        String nurse = Registry.person();
        registry.caregiver(privateHome, nurse, StaffRole.NURSE, LEVEL_3, LONG_AGO, null, LONG_AGO, null);

        // grade raised mid-month: the grade held on the last day counts
        String raisedMid = Registry.person();
        UUID raisedMidStaff = registry.caregiver(privateHome, raisedMid, ELDERLY_CAREGIVER, LEVEL_5, LONG_AGO, null,
                LONG_AGO, null);
        registry.roster(raisedMidStaff, privateHome, raisedMid, ELDERLY_CAREGIVER, LEVEL_3, LocalDate.of(2026, 9, 10),
                null, LONG_AGO, null);
        // grade raised after the month (reported before the batch runs): September keeps the old grade
        String raisedAfter = Registry.person();
        UUID raisedAfterStaff = registry.caregiver(privateHome, raisedAfter, ELDERLY_CAREGIVER, LEVEL_5, LONG_AGO, null,
                LONG_AGO, null);
        registry.roster(raisedAfterStaff, privateHome, raisedAfter, ELDERLY_CAREGIVER, LEVEL_4,
                LocalDate.of(2026, 10, 5), null, LONG_AGO, null);
        // moved from one institution to another mid-month: paid once, by the one employing them on the last day
        String moved = Registry.person();
        registry.caregiver(privateHome, moved, ELDERLY_CAREGIVER, LEVEL_4, LONG_AGO, null, LONG_AGO,
                LocalDate.of(2026, 9, 14));
        registry.caregiver(aided, moved, ELDERLY_CAREGIVER, LEVEL_4, LONG_AGO, null, LocalDate.of(2026, 9, 15), null);
        // on two rosters on the last day (the old one not yet closed): paid once, through the later employment
        String twoRosters = Registry.person();
        registry.caregiver(privateHome, twoRosters, ELDERLY_CAREGIVER, LEVEL_4, LONG_AGO, null, LONG_AGO, null);
        registry.caregiver(closedAfter, twoRosters, ELDERLY_CAREGIVER, LEVEL_5, LONG_AGO, null,
                LocalDate.of(2026, 9, 20), null);

        registry.awaitApplied(em);
        registry.redeliverAll(); // the inbox drops every duplicate
        registry.awaitApplied(em);

        JsonPath batch = Api.generate("admin-530100", "KM-NURSING", PERIOD);
        assertEquals("GENERATED", batch.getString("status"));
        assertEquals(batch.getInt("total"), batch.getInt("processed"));
        assertTrue(batch.getInt("total") > 0);
        String batchId = batch.getString("id");
        List<Map<String, Object>> lines = Api.instructions("admin-530100", batchId);

        assertPaid(lines, paid4, 10000, privateHome.id());
        assertPaid(lines, expiresLastDay, 5000, privateHome.id());
        assertPaid(lines, atClosedAfter, 10000, closedAfter.id());
        assertPaid(lines, atAided, 5000, aided.id());
        assertPaid(lines, raisedMid, 15000, privateHome.id());
        assertPaid(lines, raisedAfter, 5000, privateHome.id());
        assertPaid(lines, moved, 10000, aided.id());
        assertPaid(lines, twoRosters, 5000, closedAfter.id());
        for (String unpaid : List.of(expiredMid, atClosed, atPublic, atPublicBuilt, atFiledLate, uncertified,
                startsInOctober, leftMidMonth, nurse)) {
            assertEquals(List.of(), Api.of(lines, unpaid), "not eligible: " + unpaid);
        }
        assertEquals(lines.stream().mapToLong(l -> ((Number) l.get("amountFen")).longValue()).sum(),
                batch.getLong("amountFen"));
        assertEquals(lines.size(), batch.getInt("lineCount"));
        // the batch's tables were analysed with it: the planner's row count includes this batch's instructions
        assertEquals(QuarkusTransactionCount.number(em, "select count(*) from payment_instruction").longValue(),
                QuarkusTransactionCount.number(em, "select reltuples from pg_class where oid = 'payment_instruction'"
                        + "::regclass").longValue());

        // only one batch of a programme in flight
        given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON)
                .body(Map.of("programmeCode", "KM-NURSING", "period", PERIOD))
                .post("/api/subsidy/batches").then().statusCode(409).body("code", equalTo("BATCH_OPEN"));
        // a county reviewer reads its county's lines only and cannot approve the city's batch
        List<Map<String, Object>> county = Api.instructions("mz-530102", batchId);
        assertFalse(county.isEmpty());
        county.forEach(l -> assertEquals("530102", l.get("divisionCode")));
        assertEquals(List.of(), Api.of(county, atAided));
        given().auth().oauth2(Tokens.of("mz-530102")).contentType(ContentType.JSON).body(Map.of())
                .post("/api/subsidy/batches/" + batchId + "/approve").then().statusCode(403)
                .contentType("application/problem+json");
        // Qujing does not see Kunming's batch; finance does not see it before release
        given().auth().oauth2(Tokens.of("admin-530300")).get("/api/subsidy/batches/" + batchId).then().statusCode(404);
        given().auth().oauth2(Tokens.finance()).get("/api/subsidy/finance/batches/" + batchId + "/instructions")
                .then().statusCode(404);

        Api.approveAndRelease("mz-530100", "admin2-530100", batchId);

        // generating the month again pays nobody twice
        JsonPath again = Api.generate("admin-530100", "KM-NURSING", PERIOD);
        assertEquals(2, again.getInt("seq"));
        if (again.getInt("lineCount") > 0) {
            List<Map<String, Object>> second = Api.instructions("admin-530100", again.getString("id"));
            for (String p : List.of(paid4, raisedMid, moved, twoRosters)) {
                assertEquals(List.of(), Api.of(second, p));
            }
            given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON)
                    .body(Map.of("reason", "重复生成核对")).post("/api/subsidy/batches/" + again.getString("id") + "/reject")
                    .then().statusCode(200);
        }
        int lines4Person = ((Number) QuarkusTransactionCount.count(em, "KM-NURSING", PERIOD, paid4)).intValue();
        assertEquals(1, lines4Person);
    }

    @Test
    void aPersonTwoInstitutionsClaimIsPaidThroughNeitherUntilTheCountyDecidesThenOnceThroughTheOneThatStands() {
        String april = "2026-04";
        Registry registry = new Registry();
        var squatter = registry.institution("530103", Ownership.PRIVATE, Sector.ELDERLY, LONG_AGO);
        var employer = registry.institution("530102", Ownership.PRIVATE, Sector.ELDERLY, LONG_AGO);
        String person = Registry.person();
        UUID squatted = registry.caregiver(squatter, person, ELDERLY_CAREGIVER, LEVEL_4, LONG_AGO, null,
                LocalDate.of(2020, 1, 1), null);
        String control = person(registry, employer, LEVEL_5, LONG_AGO, null, LONG_AGO, null);
        registry.awaitApplied(em);

        // the employer claims the person too: the registry reports both entries as disputed
        UUID claimed = UUID.randomUUID();
        List<UUID> sent = new java.util.ArrayList<>();
        sent.add(caregiver(squatted, squatter, person, LEVEL_4, LocalDate.of(2020, 1, 1), null, true));
        sent.add(caregiver(claimed, employer, person, LEVEL_3, LocalDate.of(2024, 3, 1), null, true));
        awaitApplied(sent);

        JsonPath waiting = Api.generate("admin-530100", "KM-NURSING", april);
        List<Map<String, Object>> waitingLines = Api.instructions("admin-530100", waiting.getString("id"));
        assertEquals(List.of(), Api.of(waitingLines, person), "no allowance while the dispute is open");
        assertEquals(1, Api.of(waitingLines, control).size(), "the rest of the roster is paid");
        Api.approveAndRelease("mz-530100", "admin2-530100", waiting.getString("id"));

        // the county decides for the employer: the squatter's entry ends before it, the employer's stands
        sent.add(caregiver(squatted, squatter, person, LEVEL_4, LocalDate.of(2020, 1, 1), LocalDate.of(2024, 2, 29), false));
        sent.add(caregiver(claimed, employer, person, LEVEL_3, LocalDate.of(2024, 3, 1), null, false));
        awaitApplied(sent);

        JsonPath decided = Api.generate("admin-530100", "KM-NURSING", april);
        assertPaid(Api.instructions("admin-530100", decided.getString("id")), person, 15000, employer.id());
        Api.approveAndRelease("mz-530100", "admin2-530100", decided.getString("id"));

        JsonPath again = Api.generate("admin-530100", "KM-NURSING", april);
        if (again.getInt("lineCount") > 0) {
            assertEquals(List.of(), Api.of(Api.instructions("admin-530100", again.getString("id")), person));
            given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON)
                    .body(Map.of("reason", "重复生成核对")).post("/api/subsidy/batches/" + again.getString("id") + "/reject")
                    .then().statusCode(200);
        }
        assertEquals(1, QuarkusTransactionCount.count(em, "KM-NURSING", april, person).intValue(), "paid once");
    }

    /** A CaregiverChanged as the registry sends it since roster disputes, with {@code disputed}; returns the event id. */
    private static UUID caregiver(UUID staffId, Registry.Institution at, String personKey, CertificateGrade grade,
                                  LocalDate from, LocalDate until, boolean disputed) {
        var json = new com.fasterxml.jackson.databind.ObjectMapper()
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        var payload = new care.contracts.event.CaregiverChangedV1(staffId, at.id(), at.uscc(), at.cityCode(),
                at.divisionCode(), personKey, "护理员" + personKey.substring(0, 4), "5301**********123X", ELDERLY_CAREGIVER,
                grade, "CERT-" + personKey.substring(0, 8), LONG_AGO, null, from, until, disputed,
                care.contracts.event.CertificateType.ELDERLY_CARE_SKILL);
        UUID eventId = UUID.randomUUID();
        var envelope = new care.contracts.event.EventEnvelope(eventId, care.contracts.event.CaregiverChangedV1.TYPE, 1,
                java.time.Instant.now(), staffId.toString(), at.cityCode(), at.divisionCode(), json.valueToTree(payload));
        try {
            care.deploy.TestTopics.publish("registry-events", staffId.toString(), json.writeValueAsString(envelope));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    private void awaitApplied(List<UUID> events) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                                "select count(*) from inbox_event where event_id in (:ids)")
                        .setParameter("ids", events).getSingleResult()).intValue()) == events.size());
    }

    @Test
    void aMonthNotYetEndedOrMalformedIsRefusedAndNothingIsCreated() {
        String thisMonth = care.subsidy.support.Periods.today().toString().substring(0, 7);
        given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON)
                .body(Map.of("programmeCode", "KM-NURSING", "period", thisMonth))
                .post("/api/subsidy/batches").then().statusCode(422).body("code", equalTo("PERIOD_NOT_ENDED"));
        given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON)
                .body(Map.of("programmeCode", "KM-NURSING", "period", "2026-13"))
                .post("/api/subsidy/batches").then().statusCode(400).body("violations[0].field", equalTo("period"));
        given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON)
                .body(Map.of("programmeCode", "QJ-NURSING", "period", "2026-01"))
                .post("/api/subsidy/batches").then().statusCode(404);
        given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON)
                .body(Map.of("programmeCode", "KM-NURSING", "period", "2022-10"))
                .post("/api/subsidy/batches").then().statusCode(422).body("code", equalTo("NO_PARAMETERS"));
        given().auth().oauth2(Tokens.of("inst-elderly")).contentType(ContentType.JSON)
                .body(Map.of("programmeCode", "KM-NURSING", "period", "2026-01"))
                .post("/api/subsidy/batches").then().statusCode(403);
        given().auth().oauth2(Tokens.of("admin-530100")).queryParam("period", "2026-01")
                .get("/api/subsidy/batches").then().statusCode(200).body("size()", equalTo(0));
    }

    private static String person(Registry registry, Registry.Institution at, CertificateGrade grade, LocalDate issued,
                                 LocalDate validUntil, LocalDate from, LocalDate until) {
        String key = Registry.person();
        registry.caregiver(at, key, ELDERLY_CAREGIVER, grade, grade == null ? null : issued, validUntil, from, until);
        return key;
    }

    private static void assertPaid(List<Map<String, Object>> lines, String person, long fen, UUID institution) {
        List<Map<String, Object>> mine = Api.of(lines, person);
        assertEquals(1, mine.size(), "paid once: " + person);
        assertEquals(fen, ((Number) mine.get(0).get("amountFen")).longValue(), "amount of " + person);
        assertEquals(institution.toString(), mine.get(0).get("institutionId"), "paid through");
        assertEquals("PENDING", mine.get(0).get("status"));
    }

    /** Reads the database directly, in a transaction of its own: what is stored, not the API's view of it. */
    static final class QuarkusTransactionCount {
        /** A single number; {@code params} bind ?1, ?2, … in order. */
        static Number number(EntityManager em, String sql, Object... params) {
            return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
                var query = em.createNativeQuery(sql);
                for (int i = 0; i < params.length; i++) {
                    query.setParameter(i + 1, params[i]);
                }
                return (Number) query.getSingleResult();
            });
        }

        /** A person's entitlement rows of a programme and period: the unique constraint's effect. */
        static Number count(EntityManager em, String programme, String period, String person) {
            return number(em, "select count(*) from payment_line where programme_code = ?1 and period = ?2 "
                    + "and beneficiary_key = ?3", programme, period, person);
        }
    }
}
