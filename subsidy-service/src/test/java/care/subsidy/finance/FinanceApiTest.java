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
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The finance bureau's side, with its real client-credentials token: results are applied once whatever is retried
 * or raced, bad input changes nothing, another city's client sees nothing, and the ledger balances to the fen.
 */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "subsidy"))
class FinanceApiTest {

    static final String PERIOD = "2026-08";
    static final LocalDate LONG_AGO = LocalDate.of(2024, 1, 1);

    @Inject
    EntityManager em;

    static Map<String, Object> paid(Object amountFen, String reference) {
        Map<String, Object> body = new HashMap<>();
        body.put("outcome", "PAID");
        body.put("amountFen", amountFen);
        body.put("bankReference", reference);
        body.put("paidOn", Periods.today().toString());
        return body;
    }

    static Response post(String token, Object instructionId, String key, Map<String, Object> body) {
        return post(token, instructionId, "result", key, body);
    }

    /** POST …/instructions/{id}/{action} (result, reversal) with an optional Idempotency-Key. */
    static Response post(String token, Object instructionId, String action, String key, Map<String, Object> body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/api/subsidy/finance/instructions/" + instructionId + "/" + action);
    }

    @BeforeEach
    void kunmingNursingExtendedBeyond2025() {
        Api.extended("admin-530100", "KM-NURSING");
    }

    @Test
    void eachInstructionIsSettledOnceAndTheLedgerBalances() throws Exception {
        Registry registry = new Registry();
        var home = registry.institution("530102", Ownership.PRIVATE, Sector.ELDERLY, LONG_AGO);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String key = Registry.person();
            registry.caregiver(home, key, ELDERLY_CAREGIVER, i % 2 == 0 ? LEVEL_4 : LEVEL_5, LONG_AGO, null, LONG_AGO,
                    null);
            people.add(key);
        }
        registry.awaitApplied(em);

        JsonPath batch = Api.generate("admin-530100", "KM-NURSING", PERIOD);
        String batchId = batch.getString("id");
        List<Map<String, Object>> all = Api.instructions("admin-530100", batchId);
        List<Map<String, Object>> mine = people.stream().map(p -> Api.of(all, p).get(0)).toList();
        Object a = mine.get(0).get("instructionId");
        Object b = mine.get(1).get("instructionId");
        Object c = mine.get(2).get("instructionId");
        Object d = mine.get(3).get("instructionId");
        long amountA = ((Number) mine.get(0).get("amountFen")).longValue();
        long amountD = ((Number) mine.get(3).get("amountFen")).longValue();

        // not released yet: finance cannot settle it
        post(Tokens.finance(), a, "early", paid(amountA, "BANK-0")).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("NOT_RELEASED"));
        Api.approveAndRelease("mz-530100", "admin2-530100", batchId);

        given().auth().oauth2(Tokens.finance()).get("/api/subsidy/finance/batches").then().statusCode(200)
                .body("id", hasItem(batchId));
        given().auth().oauth2(Tokens.finance()).queryParam("size", 2)
                .get("/api/subsidy/finance/batches/" + batchId + "/instructions").then().statusCode(200)
                .body("totalItems", equalTo(batch.getInt("lineCount"))).body("items.size()", equalTo(2));
        // another city's finance client and non-finance callers
        given().auth().oauth2(Api.qujingFinance()).get("/api/subsidy/finance/batches/" + batchId + "/instructions")
                .then().statusCode(404);
        post(Api.qujingFinance(), a, "qj-1", paid(amountA, "BANK-QJ")).then().statusCode(404);
        post(Tokens.of("admin-530100"), a, "adm-1", paid(amountA, "BANK-ADM")).then().statusCode(403);
        given().contentType(ContentType.JSON).header("Idempotency-Key", "anon").body(paid(amountA, "X"))
                .post("/api/subsidy/finance/instructions/" + a + "/result").then().statusCode(401);

        // paid, replayed, conflicting, doubled
        Response first = post(Tokens.finance(), a, "pay-a-1", paid(amountA, "BANK-001"));
        first.then().statusCode(200).body("status", equalTo("PAID")).body("bankReference", equalTo("BANK-001"))
                .header("Idempotency-Replayed", "false");
        Response replay = post(Tokens.finance(), a, "pay-a-1", paid(amountA, "BANK-001"));
        replay.then().statusCode(200).header("Idempotency-Replayed", "true");
        assertEquals(first.asString(), replay.asString());
        post(Tokens.finance(), a, "pay-a-1", paid(amountA, "BANK-002")).then().statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        post(Tokens.finance(), a, "pay-a-2", paid(amountA, "BANK-003")).then().statusCode(409)
                .body("code", equalTo("ALREADY_SETTLED"));

        // bad input changes nothing
        post(Tokens.finance(), b, "bad-1", paid(-100, "BANK-X")).then().statusCode(400)
                .body("violations.field", hasItem("amountFen"));
        post(Tokens.finance(), b, "bad-2", paid(amountA * 1000, "BANK-X")).then().statusCode(422)
                .body("code", equalTo("AMOUNT_MISMATCH"));
        post(Tokens.finance(), b, null, paid(amountA, "BANK-X")).then().statusCode(400);
        post(Tokens.finance(), java.util.UUID.randomUUID(), "bad-3", paid(amountA, "BANK-X")).then().statusCode(404);
        Map<String, Object> future = paid(((Number) mine.get(1).get("amountFen")).longValue(), "BANK-X");
        future.put("paidOn", Periods.today().plusDays(3).toString());
        post(Tokens.finance(), b, "bad-4", future).then().statusCode(400).body("violations[0].field", equalTo("paidOn"));
        Map<String, Object> noRef = paid(((Number) mine.get(1).get("amountFen")).longValue(), null);
        post(Tokens.finance(), b, "bad-5", noRef).then().statusCode(400);
        given().auth().oauth2(Tokens.finance()).get("/api/subsidy/finance/instructions/" + b).then()
                .statusCode(200).body("status", equalTo("RELEASED"));

        // a refused request stored nothing: its key may be used again for a valid body
        long amountB = ((Number) mine.get(1).get("amountFen")).longValue();
        // racing results with different keys: exactly one wins
        List<Integer> raced = race(8, i -> post(Tokens.finance(), b, "race-b-" + i, paid(amountB, "BANK-B" + i))
                .statusCode());
        assertEquals(1, raced.stream().filter(s -> s == 200).count(), raced.toString());
        assertEquals(7, raced.stream().filter(s -> s == 409).count(), raced.toString());
        // the same key sent concurrently: one applies, the others replay it
        long amountC = ((Number) mine.get(2).get("amountFen")).longValue();
        List<Integer> twins = race(6, i -> post(Tokens.finance(), c, "bad-1", paid(amountC, "BANK-C")).statusCode());
        assertEquals(List.of(200, 200, 200, 200, 200, 200), twins);

        // failed: the entitlement stays open for a later batch
        Map<String, Object> failed = Map.of("outcome", "FAILED", "amountFen", amountD, "reason", "账户已销户");
        post(Tokens.finance(), d, "fail-d", failed).then().statusCode(200).body("status", equalTo("FAILED"));

        // many results in one request (a bank's day file): each item applied or refused on its own
        Object e = mine.get(4).get("instructionId");
        Object f = mine.get(5).get("instructionId");
        long amountE = ((Number) mine.get(4).get("amountFen")).longValue();
        long amountF = ((Number) mine.get(5).get("amountFen")).longValue();
        // a malformed item or a key used twice refuses the whole request, and nothing of it is stored
        bulk(Tokens.finance(), item(f, "bulk-f", paid(amountF, "BANK-F")), item(e, "bulk-e", paid(-1, "BANK-E")))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("results[1].amountFen"));
        bulk(Tokens.finance(), item(f, "bulk-f", paid(amountF, "BANK-F")), item(e, "bulk-f", paid(amountE, "BANK-E")))
                .then().statusCode(400).body("violations[0].field", equalTo("results[1].idempotencyKey"));
        given().auth().oauth2(Tokens.finance()).get("/api/subsidy/finance/instructions/" + f).then()
                .statusCode(200).body("status", equalTo("RELEASED"));
        bulk(Tokens.of("admin-530100"), item(e, "bulk-e", paid(amountE, "BANK-E"))).then().statusCode(403);
        bulk(Api.qujingFinance(), item(e, "bulk-e", paid(amountE, "BANK-E"))).then().statusCode(200)
                .body("items[0].status", equalTo(404)).body("refused", equalTo(1));

        bulk(Tokens.finance(), item(f, "bulk-f", paid(amountF, "BANK-F")), item(f, "bulk-f0", paid(amountF, "BANK-F")))
                .then().statusCode(400).body("violations[0].field", equalTo("results[1].instructionId"));
        Map<String, Object> noReason = new HashMap<>(failed);
        noReason.remove("reason");
        noReason.put("amountFen", amountF);
        bulk(Tokens.finance(), item(f, "bulk-f2", noReason)).then().statusCode(200)
                .body("items[0].status", equalTo(400)).body("items[0].problem.violations[0].field", equalTo("reason"));

        JsonPath day = bulk(Tokens.finance(),
                item(e, "bulk-e", paid(amountE, "BANK-E")),           // applied
                item(d, "fail-d", failed),                            // the same key and body: replayed
                item(a, "pay-a-1", paid(amountA, "BANK-009")),        // the key with another body
                item(c, "bulk-c", paid(amountC, "BANK-010")),         // a second result
                item(f, "bulk-f1", paid(amountF + 1, "BANK-F")),      // not the instruction's amount
                item(java.util.UUID.randomUUID(), "bulk-x", paid(amountA, "BANK-X")))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(200, 200, 422, 409, 422, 404), day.getList("items.status"));
        assertEquals(List.of("IDEMPOTENCY_KEY_REUSED", "ALREADY_SETTLED", "AMOUNT_MISMATCH", "NOT_FOUND"),
                day.getList("items.problem.code").stream().filter(java.util.Objects::nonNull).toList());
        assertNull(day.getMap("items[0].problem"));
        assertEquals(1, day.getInt("applied"));
        assertEquals(1, day.getInt("replayed"));
        assertEquals(4, day.getInt("refused"));
        assertEquals("PAID", day.getString("items[0].instruction.status"));
        assertEquals("BANK-E", day.getString("items[0].instruction.bankReference"));
        assertEquals(true, day.getBoolean("items[1].replayed"));
        assertEquals("FAILED", day.getString("items[1].instruction.status"));
        assertEquals("该支付指令已有结果", day.getString("items[3].problem.title"));
        // a retried day file replays what was applied, and a single post with a bulk item's key replays it too
        JsonPath retried = bulk(Tokens.finance(), item(e, "bulk-e", paid(amountE, "BANK-E"))).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(0, retried.getInt("applied"));
        assertEquals(true, retried.getBoolean("items[0].replayed"));
        post(Tokens.finance(), e, "bulk-e", paid(amountE, "BANK-E")).then().statusCode(200)
                .header("Idempotency-Replayed", "true").body("bankReference", equalTo("BANK-E"));
        given().auth().oauth2(Tokens.finance()).get("/api/subsidy/finance/instructions/" + f).then()
                .statusCode(200).body("status", equalTo("RELEASED"));
        assertEquals(1L, ledgerRows(e, "PAID"));
        assertEquals(0L, ledgerRows(f, "PAID") + ledgerRows(f, "FAILED"));
        // refused items kept no key: bulk-f1 may now carry a valid result, and that one is stored
        // with two more results of the day: each file's events are recorded in the file's order
        Object g = mine.get(6).get("instructionId");
        Object h = mine.get(7).get("instructionId");
        long amountG = ((Number) mine.get(6).get("amountFen")).longValue();
        long amountH = ((Number) mine.get(7).get("amountFen")).longValue();
        bulk(Tokens.finance(), item(h, "bulk-h", paid(amountH, "BANK-H")), item(f, "bulk-f1", paid(amountF, "BANK-F")),
                item(g, "bulk-g", Map.of("outcome", "FAILED", "amountFen", amountG, "reason", "账户已冻结")))
                .then().statusCode(200).body("applied", equalTo(3));
        assertEquals(1L, ledgerRows(f, "PAID"));
        // day files racing for one instruction under different keys: the first to lock it settles it, the others
        // read it settled once they get the lock
        Object k = mine.get(8).get("instructionId");
        long amountK = ((Number) mine.get(8).get("amountFen")).longValue();
        List<Integer> files = race(6, i -> bulk(Tokens.finance(), item(k, "race-k-" + i, paid(amountK, "BANK-K" + i)))
                .then().statusCode(200).extract().jsonPath().getInt("items[0].status"));
        assertEquals(1, files.stream().filter(s -> s == 200).count(), files.toString());
        assertEquals(5, files.stream().filter(s -> s == 409).count(), files.toString());
        assertEquals(1L, ledgerRows(k, "PAID"));
        assertEquals(List.of(h.toString() + " PaymentSettled", f + " PaymentSettled", g + " PaymentFailed"),
                QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select aggregate_id || ' ' || type from outbox_event
                        where aggregate_id in (?1, ?2, ?3) order by seq""", String.class)
                        .setParameter(1, f.toString()).setParameter(2, g.toString()).setParameter(3, h.toString())
                        .getResultList()));

        // events through the outbox
        assertEquals(1, TestTopics.read("subsidy-events", Duration.ofSeconds(20),
                r -> r.key().equals(a.toString()) && r.value().contains("\"PaymentSettled\"")).size());
        assertEquals(1, TestTopics.read("subsidy-events", Duration.ofSeconds(20),
                r -> r.key().equals(d.toString()) && r.value().contains("\"PaymentFailed\"")).size());
        assertEquals(1, TestTopics.read("subsidy-events", Duration.ofSeconds(20),
                r -> r.key().equals(e.toString()) && r.value().contains("\"PaymentSettled\"")).size());
        assertEquals(1, TestTopics.read("subsidy-events", Duration.ofSeconds(20),
                r -> r.key().equals(g.toString()) && r.value().contains("\"PaymentFailed\"")
                        && r.value().contains("\"amountFen\":" + amountG)).size());

        // the ledger balances to the fen and is append-only
        JsonPath rec = given().auth().oauth2(Tokens.of("auditor-530100"))
                .get("/api/subsidy/batches/" + batchId + "/reconciliation").then().statusCode(200).extract().jsonPath();
        assertTrue(rec.getBoolean("balanced"), rec.prettify());
        assertEquals(batch.getLong("amountFen"), rec.getLong("issuedFen"));
        assertEquals(amountA + amountB + amountC + amountE + amountF + amountH + amountK, rec.getLong("paidFen"));
        assertEquals(amountD + amountG, rec.getLong("failedFen"));
        assertEquals(rec.getLong("issuedFen") - rec.getLong("paidFen") - rec.getLong("failedFen"),
                rec.getLong("outstandingFen"));
        assertEquals(1L, ledgerRows(a, "PAID"));
        assertEquals(1L, ledgerRows(b, "PAID"));
        assertEquals(1L, ledgerRows(a, "ISSUED"));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update ledger_entry set amount_fen = 1 where instruction_id = cast(?1 as uuid)")
                .setParameter(1, a.toString()).executeUpdate()));
        JsonPath month = given().auth().oauth2(Tokens.finance()).queryParam("period", PERIOD)
                .get("/api/subsidy/ledger/reconciliation").then().statusCode(200).extract().jsonPath();
        assertTrue(month.getBoolean("total.balanced"), month.prettify());

        // a clerk's CSV: UTF-8 with BOM, Chinese headers, one row per instruction
        byte[] csv = given().auth().oauth2(Tokens.finance()).get("/api/subsidy/batches/" + batchId + "/export.csv")
                .then().statusCode(200).contentType("text/csv").extract().asByteArray();
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(csv, 3));
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("支付指令号,补贴项目"), text.substring(0, 40));
        assertEquals(batch.getInt("lineCount") + 1, text.split("\r\n").length);
        byte[] ledgerCsv = given().auth().oauth2(Tokens.of("admin-530100")).queryParam("period", PERIOD)
                .get("/api/subsidy/ledger/export.csv").then().statusCode(200).extract().asByteArray();
        assertTrue(new String(ledgerCsv, StandardCharsets.UTF_8).contains("合计 已支付"));

        // the failed payment is issued again by the next batch, the paid ones never
        JsonPath next = Api.generate("admin-530100", "KM-NURSING", PERIOD);
        List<Map<String, Object>> again = Api.instructions("admin-530100", next.getString("id"));
        List<Map<String, Object>> reissued = Api.of(again, people.get(3));
        assertEquals(1, reissued.size());
        assertEquals(2, reissued.get(0).get("attempt"));
        for (int i : new int[]{0, 1, 2, 4, 5, 8}) { // paid, or still released: never instructed twice
            assertEquals(List.of(), Api.of(again, people.get(i)));
        }
        given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON)
                .body(Map.of("reason", "测试结束")).post("/api/subsidy/batches/" + next.getString("id") + "/reject")
                .then().statusCode(200);
    }

    static Map<String, Object> item(Object instructionId, String key, Map<String, Object> result) {
        Map<String, Object> item = new HashMap<>(result);
        item.put("instructionId", instructionId);
        item.put("idempotencyKey", key);
        return item;
    }

    @SafeVarargs
    static Response bulk(String token, Map<String, Object>... items) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("results", List.of(items)))
                .post("/api/subsidy/finance/results");
    }

    private long ledgerRows(Object instruction, String type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from ledger_entry where instruction_id = cast(?1 as uuid) and entry_type = ?2")
                .setParameter(1, instruction.toString()).setParameter(2, type).getSingleResult()).longValue());
    }

    /** One of the racing calls: the status it was answered. */
    interface Call {
        int call(int i);
    }

    private static List<Integer> race(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                tasks.add(() -> call.call(k));
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
