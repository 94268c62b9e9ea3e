package care.subsidy.finance;

import care.contracts.event.Ownership;
import care.contracts.event.Sector;
import care.deploy.CareTestResource;
import care.deploy.TestTopics;
import care.deploy.Tokens;
import care.subsidy.Api;
import care.subsidy.Registry;
import care.subsidy.support.Periods;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static care.contracts.event.CertificateGrade.LEVEL_4;
import static care.contracts.event.CertificateGrade.LEVEL_5;
import static care.contracts.event.StaffRole.ELDERLY_CAREGIVER;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bank returns (退汇) through the finance client's real token: a paid instruction is reversed exactly once whatever
 * is retried or raced, bad input changes nothing, only a paid instruction of the client's city can be reversed, the
 * ledger and the reconciliation still balance to the fen, and the reversed entitlement is paid again by the next
 * batch, once.
 */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "subsidy"))
class ReversalApiTest {

    /** A month no other test class batches for KM-NURSING, so the month's reconciliation is this test's alone. */
    static final String PERIOD = "2026-05";
    static final LocalDate LONG_AGO = LocalDate.of(2024, 1, 1);
    static final String ADMIN = "admin-530100";

    @Inject
    EntityManager em;

    static Map<String, Object> reversal(Object amountFen, String reason, LocalDate returnedOn, String reference) {
        Map<String, Object> body = new HashMap<>();
        body.put("amountFen", amountFen);
        body.put("reason", reason);
        body.put("returnedOn", returnedOn == null ? null : returnedOn.toString());
        body.put("bankReference", reference);
        return body;
    }

    static Response reverse(String token, Object instructionId, String key, Map<String, Object> body) {
        return FinanceApiTest.post(token, instructionId, "reversal", key, body);
    }

    @BeforeEach
    void kunmingNursingExtendedBeyond2025() {
        Api.extended("admin-530100", "KM-NURSING");
    }

    @Test
    void aBankReturnReversesAPaymentOnceAndTheEntitlementIsPaidAgainOnce() throws Exception {
        Registry registry = new Registry();
        var home = registry.institution("530102", Ownership.PRIVATE, Sector.ELDERLY, LONG_AGO);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String key = Registry.person();
            registry.caregiver(home, key, ELDERLY_CAREGIVER, i % 2 == 0 ? LEVEL_4 : LEVEL_5, LONG_AGO, null, LONG_AGO,
                    null);
            people.add(key);
        }
        registry.awaitApplied(em);

        JsonPath batch = Api.generate(ADMIN, "KM-NURSING", PERIOD);
        String batchId = batch.getString("id");
        List<Map<String, Object>> all = Api.instructions(ADMIN, batchId);
        List<Map<String, Object>> mine = people.stream().map(p -> Api.of(all, p).get(0)).toList();
        Object a = mine.get(0).get("instructionId"); // paid, returned: the happy path
        Object b = mine.get(1).get("instructionId"); // released, never paid
        Object c = mine.get(2).get("instructionId"); // failed
        Object d = mine.get(3).get("instructionId"); // paid, reversals raced
        Object e = mine.get(4).get("instructionId"); // paid, bad reversals: stays paid
        Object f = mine.get(5).get("instructionId"); // paid
        long[] amount = mine.stream().mapToLong(i -> ((Number) i.get("amountFen")).longValue()).toArray();
        LocalDate today = Periods.today();

        // not released: nothing to reverse
        reverse(Tokens.finance(), a, "early", reversal(amount[0], "收款账户已冻结", today, null)).then()
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("NOT_PAID"));
        Api.approveAndRelease("mz-530100", "admin2-530100", batchId);
        for (int i : new int[]{0, 3, 4, 5}) {
            FinanceApiTest.post(Tokens.finance(), mine.get(i).get("instructionId"), "pay-" + i, FinanceApiTest.paid(amount[i], "BANK-" + i))
                    .then().statusCode(200).body("status", equalTo("PAID"));
        }
        FinanceApiTest.post(Tokens.finance(), c, "fail-2", Map.of("outcome", "FAILED", "amountFen", amount[2], "reason", "账户已销户"))
                .then().statusCode(200).body("status", equalTo("FAILED"));

        // a released or a failed instruction was not paid: 409, nothing stored
        reverse(Tokens.finance(), b, "rev-b", reversal(amount[1], "收款账户已冻结", today, null)).then()
                .statusCode(409).body("code", equalTo("NOT_PAID"));
        reverse(Tokens.finance(), c, "rev-c", reversal(amount[2], "收款账户已冻结", today, null)).then()
                .statusCode(409).body("code", equalTo("NOT_PAID"));

        // the happy path: the whole amount, a reason, the day it came back, the bank's reference of the return
        Map<String, Object> body = reversal(amount[0], "收款账户已冻结，资金退回", today, "RTN-0001");
        Response first = reverse(Tokens.finance(), a, "rev-a-1", body);
        first.then().statusCode(200).header("Idempotency-Replayed", "false")
                .body("status", equalTo("REVERSED")).body("amountFen", equalTo((int) amount[0]))
                .body("bankReference", equalTo("BANK-0")).body("paidOn", equalTo(today.toString()))
                .body("returnedOn", equalTo(today.toString())).body("reversalReason", equalTo("收款账户已冻结，资金退回"))
                .body("reversalReference", equalTo("RTN-0001"));
        // replayed, conflicting, doubled, and a key of a result is not a key of a reversal
        Response replay = reverse(Tokens.finance(), a, "rev-a-1", body);
        replay.then().statusCode(200).header("Idempotency-Replayed", "true");
        assertEquals(first.asString(), replay.asString());
        reverse(Tokens.finance(), a, "rev-a-1", reversal(amount[0], "户名不符", today, "RTN-0001")).then()
                .statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        reverse(Tokens.finance(), a, "pay-0", body).then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        reverse(Tokens.finance(), a, "rev-a-2", body).then().statusCode(409).body("code", equalTo("ALREADY_REVERSED"));
        FinanceApiTest.post(Tokens.finance(), a, "pay-a-again", FinanceApiTest.paid(amount[0], "BANK-0B")).then().statusCode(409)
                .body("code", equalTo("ALREADY_SETTLED"));
        given().auth().oauth2(Tokens.finance()).get("/api/subsidy/finance/instructions/" + a).then().statusCode(200)
                .body("status", equalTo("REVERSED")).body("reversalReference", equalTo("RTN-0001"));
        assertEquals(1L, ledgerRows(a, "REVERSED"));
        assertEquals(1L, ledgerRows(a, "PAID"));
        assertEquals(0L, ledgerRows(b, "REVERSED") + ledgerRows(c, "REVERSED"));
        assertEquals(0L, keys("rev-b", "rev-c", "rev-a-2", "early"));

        // bad input: 400 (or 422 for the amount, as for results) with the field, and nothing changed
        String eid = e.toString();
        reverse(Tokens.finance(), eid, "bad-e", reversal(amount[4] + 1, "收款账户已冻结", today, null)).then()
                .statusCode(422).contentType("application/problem+json").body("code", equalTo("AMOUNT_MISMATCH"))
                .body("violations[0].field", equalTo("amountFen"));
        reverse(Tokens.finance(), eid, "bad-e", reversal(amount[4] / 2, "收款账户已冻结", today, null)).then()
                .statusCode(422).body("code", equalTo("AMOUNT_MISMATCH")); // no partial reversals
        reverse(Tokens.finance(), eid, "bad-e", reversal(-5, "收款账户已冻结", today, null)).then()
                .statusCode(400).body("violations.field", hasItem("amountFen"));
        reverse(Tokens.finance(), eid, "bad-e", reversal(amount[4], "收款账户已冻结", today.plusDays(1), null)).then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("returnedOn"));
        reverse(Tokens.finance(), eid, "bad-e", reversal(amount[4], "收款账户已冻结", today.minusDays(1), null)).then()
                .statusCode(400).body("violations[0].field", equalTo("returnedOn"));
        reverse(Tokens.finance(), eid, "bad-e", reversal(amount[4], "收款账户已冻结", null, null)).then()
                .statusCode(400).body("violations.field", hasItem("returnedOn"));
        reverse(Tokens.finance(), eid, "bad-e", reversal(amount[4], null, today, null)).then()
                .statusCode(400).body("violations.field", hasItem("reason"));
        reverse(Tokens.finance(), eid, "bad-e", reversal(amount[4], "account frozen", today, null)).then()
                .statusCode(400).body("violations.field", hasItem("reason"));
        reverse(Tokens.finance(), eid, "bad-e", reversal(amount[4], "冻".repeat(201), today, null)).then()
                .statusCode(400).body("violations.field", hasItem("reason"));
        reverse(Tokens.finance(), eid, "bad-e", reversal(amount[4], "收款账户已冻结", today, "RTN 0001;")).then()
                .statusCode(400).body("violations.field", hasItem("bankReference"));
        reverse(Tokens.finance(), eid, null, reversal(amount[4], "收款账户已冻结", today, null)).then()
                .statusCode(400).body("violations[0].field", equalTo("Idempotency-Key"));
        reverse(Tokens.finance(), UUID.randomUUID(), "bad-x", reversal(amount[4], "收款账户已冻结", today, null)).then()
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
        // only the finance client of the batch's city: Qujing's does not see it, staff may not, nobody anonymous
        reverse(Api.qujingFinance(), eid, "qj-e", reversal(amount[4], "收款账户已冻结", today, null)).then()
                .statusCode(404);
        reverse(Tokens.of(ADMIN), eid, "adm-e", reversal(amount[4], "收款账户已冻结", today, null)).then()
                .statusCode(403);
        given().contentType(ContentType.JSON).header("Idempotency-Key", "anon-e")
                .body(reversal(amount[4], "收款账户已冻结", today, null))
                .post("/api/subsidy/finance/instructions/" + eid + "/reversal").then().statusCode(401);
        given().auth().oauth2(Tokens.finance()).get("/api/subsidy/finance/instructions/" + eid).then().statusCode(200)
                .body("status", equalTo("PAID")).body("returnedOn", nullValue());
        assertEquals(0L, ledgerRows(e, "REVERSED"));
        assertEquals(0L, keys("bad-e", "bad-x", "qj-e", "adm-e", "anon-e"));

        // reversals raced under different keys: exactly one; the same key raced: one applied, the rest replay it
        Map<String, Object> dBody = reversal(amount[3], "收款人账户已注销", today, null);
        List<Integer> raced = race(8, i -> reverse(Tokens.finance(), d, "race-d-" + i, dBody));
        assertEquals(1, raced.stream().filter(s -> s == 200).count(), raced.toString());
        assertEquals(7, raced.stream().filter(s -> s == 409).count(), raced.toString());
        assertEquals(1L, ledgerRows(d, "REVERSED"));
        Map<String, Object> fBody = reversal(amount[5], "收款人账户已注销", today, "RTN-F");
        List<Integer> twins = race(4, i -> reverse(Tokens.finance(), f, "twin-f", fBody));
        assertEquals(List.of(200, 200, 200, 200), twins);
        assertEquals(1L, ledgerRows(f, "REVERSED"));
        given().auth().oauth2(Tokens.finance()).queryParam("status", "REVERSED")
                .get("/api/subsidy/finance/batches/" + batchId + "/instructions").then().statusCode(200)
                .body("totalItems", equalTo(3)).body("items.instructionId", hasItems(a, d, f));

        // one PaymentReversed per reversal, through the outbox
        for (Object reversedId : List.of(a, d, f)) {
            assertEquals(1, TestTopics.read("subsidy-events", Duration.ofSeconds(20),
                    r -> r.key().equals(reversedId.toString()) && r.value().contains("\"PaymentReversed\"")).size());
        }
        assertTrue(TestTopics.read("subsidy-events", Duration.ofSeconds(20),
                        r -> r.key().equals(a.toString()) && r.value().contains("\"PaymentReversed\"")).get(0).value()
                .contains("RTN-0001"));

        // the batch balances to the fen: a reversal is not outstanding, it takes its payment off the net paid
        long reversedFen = amount[0] + amount[3] + amount[5];
        long paidFen = amount[0] + amount[3] + amount[4] + amount[5];
        JsonPath rec = given().auth().oauth2(Tokens.of("auditor-530100"))
                .get("/api/subsidy/batches/" + batchId + "/reconciliation").then().statusCode(200).extract().jsonPath();
        assertTrue(rec.getBoolean("balanced"), rec.prettify());
        assertEquals(batch.getLong("amountFen"), rec.getLong("issuedFen"));
        assertEquals(paidFen, rec.getLong("paidFen"));
        assertEquals(reversedFen, rec.getLong("reversedFen"));
        assertEquals(3, rec.getLong("reversedCount"));
        assertEquals(amount[4], rec.getLong("netPaidFen"));
        assertEquals(amount[4], rec.getLong("instructedPaidFen"));
        assertEquals(reversedFen, rec.getLong("instructedReversedFen"));
        assertEquals(amount[2], rec.getLong("failedFen"));
        assertEquals(rec.getLong("issuedFen") - paidFen - amount[2], rec.getLong("outstandingFen"));
        assertEquals(rec.getLong("instructedReleasedFen"), rec.getLong("outstandingFen"));
        JsonPath month = monthReconciliation();
        assertTrue(month.getBoolean("total.balanced"), month.prettify());
        assertEquals(reversedFen, month.getLong("total.reversedFen"));

        // the exports show the returns
        String batchCsv = csv("/api/subsidy/batches/" + batchId + "/export.csv", null);
        assertTrue(batchCsv.split("\r\n")[0].endsWith("退汇日期,退汇原因,退汇流水号"), batchCsv.split("\r\n")[0]);
        assertTrue(batchCsv.contains(",已退汇,BANK-0," + today + ",," + today + ",收款账户已冻结，资金退回,RTN-0001"),
                batchCsv);
        String ledgerCsv = csv("/api/subsidy/ledger/export.csv", PERIOD);
        assertTrue(ledgerCsv.contains(",冲销,KM-NURSING," + PERIOD + "," + batchId + "," + a + ","), ledgerCsv);
        assertTrue(ledgerCsv.contains("RTN-0001 收款账户已冻结，资金退回"), ledgerCsv);
        assertTrue(ledgerCsv.contains(",合计 冲销,," + PERIOD + ",,,,," + yuan(reversedFen) + "," + reversedFen),
                ledgerCsv);
        assertTrue(ledgerCsv.contains(",合计 净支付(已支付−冲销),," + PERIOD + ",,,,," + yuan(amount[4]) + ","
                + amount[4]), ledgerCsv);

        // the next batch pays the reversed (and the failed) entitlements again, attempt 2; never the paid or the
        // still released ones
        JsonPath next = Api.generate(ADMIN, "KM-NURSING", PERIOD);
        List<Map<String, Object>> again = Api.instructions(ADMIN, next.getString("id"));
        for (int i : new int[]{0, 2, 3, 5}) {
            List<Map<String, Object>> reissued = Api.of(again, people.get(i));
            assertEquals(1, reissued.size(), "re-issued once: " + i);
            assertEquals(2, reissued.get(0).get("attempt"));
            assertEquals(amount[i], ((Number) reissued.get(0).get("amountFen")).longValue());
        }
        for (int i : new int[]{1, 4}) {
            assertEquals(List.of(), Api.of(again, people.get(i)));
        }
        Api.approveAndRelease("mz-530100", "admin2-530100", next.getString("id"));
        Object a2 = Api.of(again, people.get(0)).get(0).get("instructionId");
        FinanceApiTest.post(Tokens.finance(), a2, "pay-a2", FinanceApiTest.paid(amount[0], "BANK-0-2")).then().statusCode(200)
                .body("status", equalTo("PAID")).body("attempt", equalTo(2));
        // the re-issued payment cannot be reversed with the first attempt's key, and the first attempt stays reversed
        reverse(Tokens.finance(), a2, "rev-a-1", body).then().statusCode(422);
        assertEquals(List.of("1 REVERSED", "2 PAID"), attempts(people.get(0)));

        // and only once: a third generation has nothing more for them (the re-issued ones are paid or in flight)
        JsonPath third = Api.generate(ADMIN, "KM-NURSING", PERIOD);
        List<Map<String, Object>> thirdLines = third.getInt("lineCount") == 0 ? List.of()
                : Api.instructions(ADMIN, third.getString("id"));
        for (String person : people) {
            assertEquals(List.of(), Api.of(thirdLines, person));
        }
        if (third.getInt("lineCount") > 0) {
            given().auth().oauth2(Tokens.of(ADMIN)).contentType(ContentType.JSON).body(Map.of("reason", "测试结束"))
                    .post("/api/subsidy/batches/" + third.getString("id") + "/reject").then().statusCode(200);
        }
        assertEquals(1L, paymentLines(people.get(0)));

        // both batches and the month still balance, with the re-issue counted where it was instructed
        for (String id : List.of(batchId, next.getString("id"))) {
            JsonPath r = given().auth().oauth2(Tokens.of(ADMIN)).get("/api/subsidy/batches/" + id + "/reconciliation")
                    .then().statusCode(200).extract().jsonPath();
            assertTrue(r.getBoolean("balanced"), r.prettify());
        }
        month = monthReconciliation();
        assertTrue(month.getBoolean("total.balanced"), month.prettify());
        assertEquals(reversedFen, month.getLong("total.reversedFen"));
        assertEquals(amount[4] + amount[0], month.getLong("total.netPaidFen"));
        assertEquals(month.getLong("total.issuedFen"), month.getLong("total.netPaidFen") + month.getLong("total.reversedFen")
                + month.getLong("total.failedFen") + month.getLong("total.outstandingFen"));
    }

    /** Yuan as the CSV writes them, for the expected closing lines. */
    private static String yuan(long fen) {
        return (fen / 100) + "." + String.format("%02d", fen % 100);
    }

    private JsonPath monthReconciliation() {
        return given().auth().oauth2(Tokens.finance()).queryParam("period", PERIOD)
                .get("/api/subsidy/ledger/reconciliation").then().statusCode(200).extract().jsonPath();
    }

    private static String csv(String path, String period) {
        var request = given().auth().oauth2(Tokens.of(ADMIN));
        if (period != null) {
            request = request.queryParam("period", period);
        }
        byte[] bytes = request.get(path).then().statusCode(200).contentType("text/csv").extract().asByteArray();
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }

    private long ledgerRows(Object instruction, String type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from ledger_entry where instruction_id = cast(?1 as uuid) and entry_type = ?2")
                .setParameter(1, instruction.toString()).setParameter(2, type).getSingleResult()).longValue());
    }

    /** Idempotency keys stored for these names (a refused request stores none). */
    private long keys(String... names) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from finance_idempotency where idempotency_key = any(cast(?1 as text[]))")
                .setParameter(1, "{" + String.join(",", names) + "}").getSingleResult()).longValue());
    }

    private long paymentLines(String person) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        select count(*) from payment_line
                        where programme_code = 'KM-NURSING' and period = ?1 and beneficiary_key = ?2""")
                .setParameter(1, PERIOD).setParameter(2, person).getSingleResult()).longValue());
    }

    /** "attempt STATUS" of a person's instructions for the month, oldest first. */
    @SuppressWarnings("unchecked")
    private List<String> attempts(String person) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object>) em.createNativeQuery("""
                        select p.attempt || ' ' || p.status from payment_instruction p
                        join payment_line l on l.id = p.line_id
                        where l.programme_code = 'KM-NURSING' and l.period = ?1 and l.beneficiary_key = ?2
                        order by p.attempt""")
                .setParameter(1, PERIOD).setParameter(2, person).getResultList()).stream().map(Object::toString)
                .toList());
    }

    interface Call {
        Response call(int i);
    }

    private static List<Integer> race(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                tasks.add(() -> call.call(k).statusCode());
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                codes.add(f.get());
            }
            return codes;
        } finally {
            pool.shutdown();
        }
    }
}
