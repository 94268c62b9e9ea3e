package care.subsidy.benchmark;

import care.deploy.CareTestResource;
import care.deploy.Tokens;
import care.subsidy.Api;
import care.subsidy.support.Periods;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Not part of verify (no *Test suffix). Run it alone:
 * <pre>./mvnw -B -o -pl deploy/runtime,subsidy-service -am verify -Dtest=SubsidyBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 *     [-Dbench.caregivers=100000 -Dbench.results=5000 -Dbench.clients=16
 *      -Dbench.bulkResults=20000 -Dbench.bulkSize=500 -Dbench.bulkClients=2]</pre>
 * Seeds the read model with N caregivers in 500 filed private institutions of Kunming, times the generation of
 * the month's batch through the API (request → GENERATED), releases it and times finance result posting over
 * HTTP with the real finance token: one result per request (one Idempotency-Key each, C concurrent clients), then
 * other instructions through the bulk endpoint (a key per item). Checks that a repeated bulk request only replays,
 * that the ledger and the outbox hold exactly one entry and one event per result, and that the batch reconciles.
 * Prints the figures, with the CPU time this JVM (service and load generator together) spent per result, which
 * says more than results/s when other builds share the machine. It reports; it does not pass or fail on speed.
 */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "subsidy"))
class SubsidyBenchmark {

    static final int CAREGIVERS = Integer.getInteger("bench.caregivers", 100_000);
    static final int RESULTS = Integer.getInteger("bench.results", 5_000);
    static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    static final int BULK_RESULTS = Integer.getInteger("bench.bulkResults", 20_000);
    static final int BULK_SIZE = Integer.getInteger("bench.bulkSize", 500);
    static final int BULK_CLIENTS = Integer.getInteger("bench.bulkClients", 2);
    static final String PERIOD = "2026-10";

    @Inject
    EntityManager em;

    @BeforeEach
    void kunmingNursingExtendedBeyond2025() {
        Api.extended("admin-530100", "KM-NURSING");
    }

    @Test
    void generationAndFinanceResults() throws Exception {
        long t0 = System.nanoTime();
        seed();
        long seedMs = (System.nanoTime() - t0) / 1_000_000;

        String admin = Tokens.of("admin-530100"); // fetched outside the timed part
        long t1 = System.nanoTime();
        String id = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("programmeCode", "KM-NURSING", "period", PERIOD))
                .post("/api/subsidy/batches").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() ->
                !"GENERATING".equals(Api.batch("admin-530100", id).getString("status")));
        long generateMs = (System.nanoTime() - t1) / 1_000_000;
        JsonPath batch = Api.batch("admin-530100", id);
        assertEquals("GENERATED", batch.getString("status"));
        // every 4th caregiver holds a certificate that expired before the month's end (see seed)
        int expected = CAREGIVERS - CAREGIVERS / 4;
        assertEquals(expected, batch.getInt("lineCount"));

        long t2 = System.nanoTime();
        Api.approveAndRelease("mz-530100", "admin2-530100", id);
        long releaseMs = (System.nanoTime() - t2) / 1_000_000;

        List<Map<String, Object>> todo = new ArrayList<>();
        for (int page = 0; todo.size() < RESULTS + BULK_RESULTS; page++) {
            List<Map<String, Object>> items = given().auth().oauth2(Tokens.finance()).queryParam("page", page)
                    .queryParam("size", 5000).get("/api/subsidy/finance/batches/" + id + "/instructions")
                    .then().statusCode(200).extract().jsonPath().getList("items");
            if (items.isEmpty()) {
                break;
            }
            todo.addAll(items);
        }
        List<Map<String, Object>> forBulk = todo.subList(Math.min(RESULTS, todo.size()),
                Math.min(RESULTS + BULK_RESULTS, todo.size()));
        todo = todo.subList(0, Math.min(RESULTS, todo.size()));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        String token = Tokens.finance();
        String today = Periods.today().toString();
        ConcurrentLinkedQueue<Map<String, Object>> queue = new ConcurrentLinkedQueue<>(todo);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long cpu3 = cpuNanos();
        long t3 = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            pool.execute(() -> {
                Map<String, Object> item;
                while ((item = queue.poll()) != null) {
                    String body = "{\"outcome\":\"PAID\",\"amountFen\":" + item.get("amountFen")
                            + ",\"bankReference\":\"B" + item.get("instructionId").toString().substring(0, 8)
                            + "\",\"paidOn\":\"" + today + "\"}";
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/subsidy/finance/instructions/"
                                    + item.get("instructionId") + "/result"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .header("Idempotency-Key", "bench-" + item.get("instructionId"))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == 200 ? ok : other).incrementAndGet();
                    } catch (Exception e) {
                        other.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.MINUTES));
        long resultsMs = (System.nanoTime() - t3) / 1_000_000;
        long resultsCpuMs = (cpuNanos() - cpu3) / 1_000_000;
        assertEquals(todo.size(), ok.get(), "non-200 answers: " + other.get());

        // the same instructions' results as a finance system would send a bank's day file: BULK_SIZE per request
        List<String> chunks = new ArrayList<>();
        for (int from = 0; from < forBulk.size(); from += BULK_SIZE) {
            chunks.add(bulkBody(forBulk.subList(from, Math.min(from + BULK_SIZE, forBulk.size())), today));
        }
        ConcurrentLinkedQueue<String> bulkQueue = new ConcurrentLinkedQueue<>(chunks);
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger bulkOther = new AtomicInteger();
        ExecutorService bulkPool = Executors.newFixedThreadPool(BULK_CLIENTS);
        long cpu4 = cpuNanos();
        long t4 = System.nanoTime();
        for (int c = 0; c < BULK_CLIENTS; c++) {
            bulkPool.execute(() -> {
                String chunk;
                while ((chunk = bulkQueue.poll()) != null) {
                    try {
                        HttpResponse<String> answer = http.send(bulkRequest(base, token, chunk),
                                HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 200) {
                            applied.addAndGet(JsonPath.from(answer.body()).getInt("applied"));
                        } else {
                            bulkOther.incrementAndGet();
                        }
                    } catch (Exception e) {
                        bulkOther.incrementAndGet();
                    }
                }
            });
        }
        bulkPool.shutdown();
        assertTrue(bulkPool.awaitTermination(10, TimeUnit.MINUTES));
        long bulkMs = Math.max(1, (System.nanoTime() - t4) / 1_000_000);
        long bulkCpuMs = (cpuNanos() - cpu4) / 1_000_000;
        assertEquals(0, bulkOther.get(), "bulk requests not answered 200");
        assertEquals(forBulk.size(), applied.get());
        if (!chunks.isEmpty()) { // a retried day file changes nothing: every item is the first answer replayed
            JsonPath again = JsonPath.from(http.send(bulkRequest(base, token, chunks.get(0)),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(0, again.getInt("applied"));
            assertEquals(again.getList("items").size(), again.getInt("replayed"));
        }
        int settled = ok.get() + applied.get();
        assertEquals(settled, count("select count(*) from ledger_entry where batch_id = cast(?1 as uuid) "
                + "and entry_type = 'PAID'", id));
        assertEquals(settled, count("select count(*) from outbox_event o join payment_instruction p "
                + "on cast(p.id as text) = o.aggregate_id where p.batch_id = cast(?1 as uuid) "
                + "and o.type = 'PaymentSettled'", id));

        JsonPath rec = given().auth().oauth2(Tokens.of("admin-530100"))
                .get("/api/subsidy/batches/" + id + "/reconciliation").then().statusCode(200).extract().jsonPath();
        assertTrue(rec.getBoolean("balanced"));

        System.out.printf("""

                ==== SubsidyBenchmark (%d cores, load average %.1f at the end) ====
                seed read model:        %,d caregivers in %,d ms
                generate batch:         %,d instructions (%,d processed) in %,d ms (request → GENERATED, via API)
                approve + release:      %,d ms (ledger ISSUED for every instruction)
                finance results:        %,d PAID in %,d ms with %d clients = %,.0f results/s, one per request (%.2f ms CPU of this JVM each)
                finance bulk results:   %,d PAID in %,d ms, %d per request, %d clients = %,.0f results/s (%.2f ms CPU each)
                reconciliation:         issued %,d fen, paid %,d fen, outstanding %,d fen, balanced=%s
                ====================================
                %n""", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), CAREGIVERS, seedMs, batch.getInt("lineCount"),
                batch.getInt("processed"), generateMs, releaseMs, ok.get(), resultsMs, CLIENTS,
                ok.get() * 1000.0 / resultsMs, (double) resultsCpuMs / Math.max(1, ok.get()), applied.get(), bulkMs,
                BULK_SIZE, BULK_CLIENTS, applied.get() * 1000.0 / bulkMs,
                (double) bulkCpuMs / Math.max(1, applied.get()), rec.getLong("issuedFen"), rec.getLong("paidFen"),
                rec.getLong("outstandingFen"), rec.getBoolean("balanced"));
    }

    private static String bulkBody(List<Map<String, Object>> items, String today) {
        StringBuilder body = new StringBuilder("{\"results\":[");
        for (Map<String, Object> item : items) {
            String instruction = item.get("instructionId").toString();
            body.append(body.charAt(body.length() - 1) == '[' ? "" : ",")
                    .append("{\"instructionId\":\"").append(instruction)
                    .append("\",\"idempotencyKey\":\"bulk-").append(instruction)
                    .append("\",\"outcome\":\"PAID\",\"amountFen\":").append(item.get("amountFen"))
                    .append(",\"bankReference\":\"B").append(instruction, 0, 8)
                    .append("\",\"paidOn\":\"").append(today).append("\"}");
        }
        return body.append("]}").toString();
    }

    private static HttpRequest bulkRequest(String base, String token, String body) {
        return HttpRequest.newBuilder(URI.create(base + "/api/subsidy/finance/results"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** CPU time of this JVM: the service and the load generator, not PostgreSQL or Kafka. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private int count(String sql, String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            return ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).intValue();
        });
    }

    /** 500 filed private institutions and N caregivers, written straight into the read model's tables. */
    private void seed() {
        QuarkusTransaction.requiringNew().timeout(600).run(() -> {
            em.createNativeQuery("""
                    insert into institution_view (institution_id, uscc, name, sector, kind, ownership, city_code,
                        division_code, filing_status, filing_number, filed_on, updated_at, total_capacity, effective_on)
                    select cast(md5('inst' || g) as uuid), '5253' || lpad(cast(g as text), 14, '0'), '基准养老院' || g, 'ELDERLY',
                           'PRIVATE_CARE_HOME', 'PRIVATE', '530100', '5301' || lpad(cast(2 + g % 12 as text), 2, '0'),
                           'FILED', 'BENCH-' || g, date '2020-01-01', now(), 100, date '2020-01-01'
                    from generate_series(1, 500) g""").executeUpdate();
            em.createNativeQuery("""
                    insert into institution_state (institution_id, effective_on, filing_status, ownership, sector,
                        city_code, division_code, total_capacity, kind)
                    select institution_id, effective_on, filing_status, ownership, sector, city_code, division_code,
                           total_capacity, kind from institution_view where filing_number like 'BENCH-%'""").executeUpdate();
            em.createNativeQuery("""
                    insert into caregiver (staff_id, institution_id, person_key, slice, name, masked_citizen_id,
                        role, city_code, division_code, employed_from, employed_until, updated_at)
                    select cast(md5('staff' || g) as uuid), cast(md5('inst' || (1 + g % 500)) as uuid), md5('person' || g),
                           (hashtext(md5('person' || g)) & 2147483647) % 16,
                           '护理员' || g, '5301**********' || lpad(cast(g % 10000 as text), 4, '0'), 'ELDERLY_CAREGIVER',
                           '530100', '5301' || lpad(cast(2 + (1 + g % 500) % 12 as text), 2, '0'), date '2022-01-01', null,
                           now()
                    from generate_series(1, :n) g""").setParameter("n", CAREGIVERS).executeUpdate();
            em.createNativeQuery("""
                    insert into caregiver_certificate (staff_id, issued_on, grade, certificate_number, valid_until,
                        certificate_type)
                    select cast(md5('staff' || g) as uuid), date '2022-01-01',
                           (array['LEVEL_5', 'LEVEL_4', 'LEVEL_3', 'LEVEL_2', 'LEVEL_1'])[1 + g % 5], 'C' || g,
                           case when g % 4 = 0 then date '2026-10-15' end, 'ELDERLY_CARE_SKILL'
                    from generate_series(1, :n) g""").setParameter("n", CAREGIVERS).executeUpdate();
            em.createNativeQuery("analyze").executeUpdate();
        });
    }
}
