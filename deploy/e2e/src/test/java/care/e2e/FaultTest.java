package care.e2e;

import care.deploy.Stack;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static care.e2e.Faults.await;
import static care.e2e.Faults.count;
import static care.e2e.Faults.envelope;
import static care.e2e.Faults.pause;
import static care.e2e.Faults.publish;
import static care.e2e.Faults.rows;
import static care.e2e.Faults.uscc;
import static care.e2e.Platform.as;
import static care.e2e.Platform.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults as tests: the broker, a service and the database die in the middle of the platform's flows, and each
 * scenario counts what was sent, what was applied, what was applied twice, what was lost and what went to a
 * dead-letter topic. Real processes throughout: {@code kill -9} of the Kafka broker and of a service, a fast shutdown
 * of PostgreSQL, each started again on its port and data ({@link Stack#startAgain}).
 * <p>
 * Its own accounts and areas, so no other test sees them: institutions and a 民政 reviewer of 官渡区 (530111, made in
 * Keycloak here), registered institutions of 马龙区 (530304) and a roster of 沾益区 (530303) sent as the services'
 * outboxes would. Its roster entries are nurses (护士), whom no allowance pays, and its caregivers are in Qujing, whose
 * nursing allowance no other test batches: a city admin of its own ({@value #RATE_SETTER}) enters that allowance's rates
 * for the month it generates, so that neither the maker nor the approver of the batch set them.
 * <p>
 * Sized to run in about three minutes besides the platform's start, within {@code ./mvnw verify}; larger bursts and
 * longer outages: {@code -Dfaults.soak=true}.
 */
class FaultTest {

    static final boolean SOAK = Boolean.getBoolean("faults.soak");
    static final String REVIEWER = "fault-mz-530111";
    static final String RATE_SETTER = "fault-admin-530300";
    static final int INSTITUTIONS = 3;
    static final AtomicInteger STAFF = new AtomicInteger();
    static final AtomicInteger NUMBERS = new AtomicInteger(1000);
    static Stack stack;
    static final List<String> institutionUsers = new ArrayList<>();
    static final Map<String, String> usccOf = new HashMap<>();
    static final Map<String, String> institutionOf = new HashMap<>();

    @BeforeAll
    static void platform() {
        stack = Platform.stack();
        stack.infra.keycloak.addUser(REVIEWER, "civil-affairs-reviewer",
                Map.of("sector", "ELDERLY", "division_code", "530111", "city_code", "530100"));
        stack.infra.keycloak.addUser(RATE_SETTER, "city-admin", Map.of("city_code", "530300"));
        for (int i = 1; i <= INSTITUTIONS; i++) {
            String user = "fault-inst-" + i;
            String uscc = uscc("530111", i);
            stack.infra.keycloak.addUser(user, "institution", Map.of("uscc", uscc, "sector", "ELDERLY",
                    "division_code", "530111", "city_code", "530100"));
            institutionUsers.add(user);
            usccOf.put(user, uscc);
            approve(accepted(user, newFiling(user, i)));
        }
        for (String user : institutionUsers) {
            institutionOf.put(user, Platform.eventually(() -> as(user, "GET", "/api/institutions", null)
                    .statusCode(200).extract().path("items.find { it.uscc == '" + usccOf.get(user) + "' }.id")));
        }
    }

    // --- 1. the broker dies in the middle of a burst of approvals and of a roster import ---

    @Test
    void theBrokerKilledMidBurstLosesAndDoublesNothing() {
        int changes = SOAK ? 10 : 3;
        // every 变更备案 accepted and waiting for its approval, so the burst is approvals only
        List<String[]> burst = new ArrayList<>(); // {user, filing, name}
        for (int k = 1; k <= changes; k++) {
            for (String user : institutionUsers) {
                String name = "官渡区故障测试养老院" + user.substring(user.length() - 1) + "（第" + k + "次变更）";
                burst.add(new String[]{user, accepted(user, Map.of("type", "CHANGE", "uscc", usccOf.get(user),
                        "institutionName", name)), name});
            }
        }
        Instant started = Instant.now();
        long slowest = 0;
        Instant killed = null;
        for (int i = 0; i < burst.size(); i++) {
            if (i == burst.size() / 3) {
                stack.part("kafka").kill();
                killed = Instant.now();
            }
            long t = System.nanoTime();
            approve(burst.get(i)[1]); // 200 while the broker is dead: the event waits in the outbox
            slowest = Math.max(slowest, (System.nanoTime() - t) / 1_000_000);
        }
        // a roster import while the broker is still down: every entry answered, its event in the outbox
        List<String> staff = new ArrayList<>();
        for (String user : institutionUsers) {
            for (int n = 0; n < (SOAK ? 20 : 3); n++) {
                staff.add(addNurse(user, UUID.randomUUID().toString()));
            }
        }
        Duration brokerDown = Duration.between(killed, Instant.now());
        Duration restart = stack.startAgain("kafka");
        Map<String, String> lastName = new LinkedHashMap<>();
        burst.forEach(b -> lastName.put(b[0], b[2]));
        Duration converged = await("every outcome in the registry and the subsidy read model", Duration.ofSeconds(120),
                () -> lastName.entrySet().stream().allMatch(e -> e.getValue().equals(subsidyName(e.getKey())))
                        && count("subsidy", "select count(*) from caregiver where staff_id = any(?)",
                        (Object) uuids(staff)) == staff.size());

        List<String> ids = institutionUsers.stream().map(institutionOf::get).toList();
        List<String> filings = burst.stream().map(b -> b[1]).toList();
        long applications = count("registry", "select count(*) from audit_entry where action = 'FILING_CHANGE_APPLIED'"
                + " and (detail::json->>'filingId') = any(?)", (Object) filings.toArray(String[]::new));
        long applied = count("registry", "select count(distinct detail::json->>'filingId') from audit_entry"
                + " where action = 'FILING_CHANGE_APPLIED' and (detail::json->>'filingId') = any(?)",
                (Object) filings.toArray(String[]::new));
        // in order per institution: the register and the read model hold each institution's last change
        for (String user : institutionUsers) {
            as(user, "GET", "/api/institutions/" + institutionOf.get(user), null).statusCode(200)
                    .body("name", equalTo(lastName.get(user)));
            assertEquals(lastName.get(user), subsidyName(user));
            assertEquals(changes, receiptsInOrder(institutionOf.get(user)), "changes applied in approval order");
        }
        // each fact the registry announced is one state in the read model, each roster entry one caregiver
        long announced = count("registry", "select count(*) from outbox_event where aggregate_id = any(?)"
                + " and type in ('InstitutionRegistered', 'InstitutionChanged')", (Object) ids.toArray(String[]::new));
        long states = count("subsidy", "select count(*) from institution_state where institution_id = any(?)",
                (Object) uuids(ids));
        long caregivers = count("subsidy", "select count(*) from caregiver where staff_id = any(?)", (Object) uuids(staff));
        long sent = filings.size() + announced + staff.size();
        long dead = Faults.deadLettered(usccOf.values());
        new Faults.Tally("broker kill -9 mid-burst", sent, applied + Math.min(states, announced) + caregivers,
                (applications - applied) + Math.max(0, states - announced),
                (filings.size() - applied) + Math.max(0, announced - states) + (staff.size() - caregivers), dead,
                measured("approvals", filings.size(), "roster", staff.size(), "slowestApprovalMs", slowest,
                        "brokerDownS", brokerDown.toSeconds(), "brokerRestartS", restart.toSeconds(),
                        "caughtUpAfterRestartS", converged.toSeconds(),
                        "burstToConsistentS", Duration.between(started, Instant.now()).toSeconds())).check();
    }

    // --- 2. registry-service dies while it applies a poll of filing events ---

    @Test
    void theRegistryKilledWhileApplyingAPollAppliesEachEventOnce() {
        int n = SOAK ? 3000 : 300;
        List<ObjectNode> events = new ArrayList<>();
        List<String> usccs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String uscc = uscc("530304", NUMBERS.incrementAndGet());
            usccs.add(uscc);
            events.add(filingApproved(uscc, "NEW", "马龙区故障测试养老院" + uscc.substring(10, 17),
                    "530304-2026-" + uscc.substring(11, 17), LocalDate.of(2026, 11, 2)));
        }
        List<String> eventIds = events.stream().map(e -> e.get("eventId").asText()).toList();
        publish("filing-events", events);
        long atKill;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            atKill = applied(eventIds);
            if (atKill > 0 || System.nanoTime() > deadline) {
                break;
            }
            pause(10);
        }
        stack.part("registry-service").kill();
        long committedAtKill = applied(eventIds);
        assertTrue(committedAtKill < n, "killed while it applied the events (" + committedAtKill + " of " + n + ")");
        Duration restart = stack.startAgain("registry-service");
        Duration caughtUp = await("every filing applied after the restart", Duration.ofSeconds(120),
                () -> applied(eventIds) == n);
        String[] filingIds = events.stream().map(e -> e.get("payload").get("filingId").asText()).toArray(String[]::new);
        long applications = count("registry", "select count(*) from audit_entry where action = 'FILING_NEW_APPLIED'"
                + " and (detail::json->>'filingId') = any(?)", (Object) filingIds);
        long institutions = count("registry", "select count(*) from institution where uscc = any(?)",
                (Object) usccs.toArray(String[]::new));
        long announced = count("registry", "select count(*) from outbox_event o join institution i"
                + " on o.aggregate_id = i.id::text where i.uscc = any(?) and o.type = 'InstitutionRegistered'",
                (Object) usccs.toArray(String[]::new));
        await("every registration in the subsidy read model", Duration.ofSeconds(120), () -> count("subsidy",
                "select count(*) from institution_view where uscc = any(?)", (Object) usccs.toArray(String[]::new)) == n);
        long states = count("subsidy", "select count(*) from institution_state s join institution_view v"
                + " using (institution_id) where v.uscc = any(?)", (Object) usccs.toArray(String[]::new));
        new Faults.Tally("registry kill -9 mid-poll", n, institutions,
                (applications - n) + (announced - n) + (states - n), n - institutions,
                Faults.deadLettered(usccs), measured("appliedWhenKilled", committedAtKill,
                "registryRestartS", restart.toSeconds(), "caughtUpAfterRestartS", caughtUp.toSeconds())).check();
    }

    // --- 3. subsidy-service dies during a batch generation ---

    @Test
    void theSubsidyServiceKilledMidGenerationResumesAndPaysEachPersonOnce() {
        int people = SOAK ? 40000 : 3000;
        String period = "2026-09";
        String institution = Faults.careHomeWithCaregivers("530303", "沾益区故障测试养老院", "fault-person", people,
                100000, Duration.ofSeconds(240));

        // the allowance ships without rates: a city admin who neither makes nor approves the batch enters them
        as(RATE_SETTER, "POST", "/api/subsidy/programmes/QJ-NURSING/versions", Map.of("effectiveFrom",
                period + "-01", "effectiveUntil", "2026-09-30", "eligibleRole", "ELDERLY_CAREGIVER",
                "eligibleOwnerships", List.of("PRIVATE"), "eligibleKinds", List.of("PRIVATE_CARE_HOME"),
                "eligibleCertificateTypes", List.of("ELDERLY_CARE_SKILL"),
                "ratesFen", Map.of("LEVEL_5", 5000, "LEVEL_4", 10000, "LEVEL_3", 15000, "LEVEL_2", 15000,
                        "LEVEL_1", 15000),
                "source", "故障测试：曲靖市护理补助的测试参数，仅用于" + period)).statusCode(201);
        String location = as("admin-530300", "POST", "/api/subsidy/batches",
                Map.of("programmeCode", "QJ-NURSING", "period", period)).statusCode(202).extract().header("Location");
        String batch = location.substring(location.lastIndexOf('/') + 1);
        long[] progress;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            progress = batchProgress(batch);
        } while (progress[0] == 0 && progress[2] == 1 && System.nanoTime() < deadline);
        stack.part("subsidy-service").kill();
        long[] atKill = batchProgress(batch);
        assertEquals(1, atKill[2], "killed while GENERATING (processed " + atKill[0] + " of " + atKill[1] + ")");
        long instructedAtKill = count("subsidy", "select count(*) from payment_instruction where batch_id = ?::uuid", batch);

        Duration restart = stack.startAgain("subsidy-service");
        // half a batch is nobody's to act on: not approvable, not listed for finance
        String financeToken = stack.infra.keycloak.clientToken("finance-qujing", "finance-qujing-demo-secret");
        if (batchProgress(batch)[2] == 1) {
            as("mz-530300", "POST", "/api/subsidy/batches/" + batch + "/approve", Map.of("note", "核对")).statusCode(409);
            given().auth().oauth2(financeToken).get("/api/subsidy/finance/batches").then().statusCode(200)
                    .body("findAll { it.id == '" + batch + "' }.size()", equalTo(0));
        }
        Duration resumed = await("the generation resumed and finished", Duration.ofSeconds(90),
                () -> batchProgress(batch)[2] == 0);
        as("admin-530300", "GET", "/api/subsidy/batches/" + batch, null).statusCode(200)
                .body("status", equalTo("GENERATED"));
        long lines = count("subsidy", "select count(*) from payment_line where programme_code = 'QJ-NURSING'"
                + " and period = ? and institution_id = ?::uuid", period, institution);
        long beneficiaries = count("subsidy", "select count(distinct beneficiary_key) from payment_line"
                + " where programme_code = 'QJ-NURSING' and period = ? and institution_id = ?::uuid", period, institution);
        long instructions = count("subsidy", "select count(*) from payment_instruction p join payment_line l"
                + " on l.id = p.line_id where p.batch_id = ?::uuid and l.institution_id = ?::uuid", batch, institution);
        long doubled = count("subsidy", "select count(*) from (select line_id from payment_instruction"
                + " where status in ('PENDING', 'RELEASED', 'PAID') group by line_id having count(*) > 1) d");

        as("mz-530300", "POST", "/api/subsidy/batches/" + batch + "/approve", Map.of("note", "核对无误")).statusCode(200);
        as("admin2-530300", "POST", "/api/subsidy/batches/" + batch + "/release", null).statusCode(200);
        as("admin-530300", "GET", "/api/subsidy/batches/" + batch + "/reconciliation", null).statusCode(200)
                .body("balanced", equalTo(true));
        given().auth().oauth2(financeToken).get("/api/subsidy/finance/batches/" + batch + "/instructions?size=1")
                .then().statusCode(200).body("totalItems", equalTo(people));
        new Faults.Tally("subsidy kill -9 mid-generation", people, Math.min(beneficiaries, instructions),
                (lines - beneficiaries) + (instructions - lines) + doubled, people - Math.min(beneficiaries, instructions),
                Faults.deadLettered(List.of(institution)), measured("processedWhenKilled", atKill[0] + "/" + atKill[1],
                "instructedWhenKilled", instructedAtKill, "subsidyRestartS", restart.toSeconds(),
                "generatedAfterRestartS", resumed.toSeconds())).check();
    }

    // --- 4. PostgreSQL stopped for a few seconds under load ---

    @Test
    void theDatabaseStoppedUnderLoadAnswers503AndEverythingResumes() throws Exception {
        int seconds = SOAK ? 30 : 5;
        // work for both consumers to be in the middle of when the database goes
        List<ObjectNode> filings = new ArrayList<>();
        List<String> usccs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String uscc = uscc("530304", NUMBERS.incrementAndGet());
            usccs.add(uscc);
            filings.add(filingApproved(uscc, "NEW", "马龙区停库测试养老院" + uscc.substring(10, 17),
                    "530304-2026-" + uscc.substring(11, 17), LocalDate.of(2026, 11, 3)));
        }
        List<String> eventIds = filings.stream().map(e -> e.get("eventId").asText()).toList();

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, List<long[]>> answers = new ConcurrentHashMap<>(); // {status, ms, problem+json, at}
        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, String> readers = Map.of(
                "directory", "/api/directory/institutions?city=530300",
                "filings", "/api/filings",
                "subsidy", "/api/subsidy/institutions");
        Map<String, String> readerUser = Map.of("directory", "", "filings", REVIEWER, "subsidy", "admin-530100");
        List<Thread> load = new ArrayList<>();
        for (var reader : readers.entrySet()) {
            List<long[]> seen = Collections.synchronizedList(new ArrayList<>());
            answers.put(reader.getKey(), seen);
            load.add(started(() -> {
                while (running.get()) {
                    seen.add(call(http, "GET", reader.getValue(), readerUser.get(reader.getKey()), null, null));
                    pause(50);
                }
            }));
        }
        // a clerk entering a roster: retried with the same Idempotency-Key until it is taken
        List<String> staff = Collections.synchronizedList(new ArrayList<>());
        List<long[]> writes = Collections.synchronizedList(new ArrayList<>());
        answers.put("roster", writes);
        String user = institutionUsers.get(0);
        load.add(started(() -> {
            while (running.get()) {
                String key = UUID.randomUUID().toString();
                String body = nurse();
                while (true) {
                    long[] answer = call(http, "POST", "/api/institutions/" + institutionOf.get(user) + "/staff",
                            user, key, body);
                    writes.add(answer);
                    if (answer[0] == 201) {
                        staff.add(key);
                        break;
                    }
                    pause(200);
                }
                pause(100);
            }
        }));
        Instant stopped;
        Instant startedAgain;
        Duration caughtUp;
        try {
            pause(2000);
            publish("filing-events", filings);
            pause(300);
            stopped = Instant.now();
            stack.infra.postgres.stop();
            pause(seconds * 1000L);
            startedAgain = Instant.now();
            stack.infra.postgres.startAgain();
            caughtUp = await("every filing applied after the database came back", Duration.ofSeconds(120),
                    () -> applied(eventIds) == filings.size());
            pause(1000);
        } finally {
            running.set(false);
        }
        for (Thread thread : load) {
            thread.join(30_000);
        }

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("databaseDownS", Duration.between(stopped, startedAgain).toSeconds());
        for (var entry : answers.entrySet()) {
            List<long[]> seen = List.copyOf(entry.getValue());
            long failed = seen.stream().filter(a -> a[0] != 200 && a[0] != 201).count();
            long slowest = seen.stream().mapToLong(a -> a[1]).max().orElse(0);
            long lastFailure = seen.stream().filter(a -> a[0] == 503).mapToLong(a -> a[3]).max().orElse(0);
            figures.put(entry.getKey(), "%d calls, %d answered 503, slowest %d ms, last 503 %d ms after the start"
                    .formatted(seen.size(), failed, slowest,
                            lastFailure == 0 ? 0 : lastFailure - startedAgain.toEpochMilli()));
            for (long[] a : seen) {
                assertTrue(a[0] == 200 || a[0] == 201 || a[0] == 503, entry.getKey() + " answered " + a[0]);
                if (a[0] == 503) {
                    assertEquals(1, a[2], entry.getKey() + ": a 503 as problem+json");
                }
                assertTrue(a[1] < 10_000, entry.getKey() + " held a request " + a[1] + " ms");
            }
            assertTrue(seen.stream().anyMatch(a -> a[0] == 503), entry.getKey() + " saw the outage");
            assertTrue(seen.stream().anyMatch(a -> a[3] > startedAgain.toEpochMilli() && a[0] / 100 == 2),
                    entry.getKey() + " answered again after the restart");
        }
        figures.put("consumersCaughtUpS", caughtUp.toSeconds());
        await("the roster in the read model", Duration.ofSeconds(60), () -> count("subsidy",
                "select count(*) from caregiver where institution_id = ?::uuid", institutionOf.get(user))
                == count("registry", "select count(*) from staff where institution_id = ?::uuid", institutionOf.get(user)));
        String[] filingIds = filings.stream().map(e -> e.get("payload").get("filingId").asText()).toArray(String[]::new);
        long applications = count("registry", "select count(*) from audit_entry where action = 'FILING_NEW_APPLIED'"
                + " and (detail::json->>'filingId') = any(?)", (Object) filingIds);
        long keysTaken = count("registry", "select count(*) from idempotent_post where idempotency_key = any(?)",
                (Object) staff.toArray(String[]::new));
        List<String> markers = new ArrayList<>(usccs);
        markers.add(institutionOf.get(user));
        new Faults.Tally("postgres stopped " + seconds + " s", filings.size() + staff.size(),
                applied(eventIds) + keysTaken, applications - filings.size(),
                filings.size() - applied(eventIds) + staff.size() - keysTaken, Faults.deadLettered(markers), figures)
                .check();
    }

    // --- 5. a duplicate and an out-of-order delivery, on purpose ---

    @Test
    void aDuplicateAndAnOlderChangeHaveNoEffectBeyondTheFirst() {
        String uscc = uscc("530304", NUMBERS.incrementAndGet());
        ObjectNode registered = filingApproved(uscc, "NEW", "马龙区重复投递测试养老院", "530304-2026-800001",
                LocalDate.of(2026, 10, 1));
        ObjectNode newer = filingApproved(uscc, "CHANGE", "马龙区乱序测试养老院（新）", "530304-2026-800003",
                LocalDate.of(2026, 11, 20));
        ObjectNode older = filingApproved(uscc, "CHANGE", "马龙区乱序测试养老院（旧）", "530304-2026-800002",
                LocalDate.of(2026, 11, 10));
        publish("filing-events", List.of(registered, registered, newer, older, newer));
        String id = Platform.eventually(() -> rows("registry", "select id::text from institution where uscc = ?"
                + " and name like '%（新）'", uscc).stream().findFirst().map(r -> (String) r.get(0)).orElse(null));
        // the registry's announcements: the registration delivered twice, and a change older than the one it
        // announced delivered after it (as a replay would: a new event id, occurred just before, an earlier day)
        await("announced", Duration.ofSeconds(30), () -> count("registry", "select count(*) from outbox_event"
                + " where aggregate_id = ? and sent_at is not null", id) >= 2);
        ObjectNode first = announcement(id, "InstitutionRegistered");
        ObjectNode change = announcement(id, "InstitutionChanged");
        ObjectNode olderChange = change.deepCopy();
        olderChange.put("eventId", UUID.randomUUID().toString()).put("occurredAt",
                Instant.parse(change.get("occurredAt").asText()).minusMillis(1).toString());
        ((ObjectNode) olderChange.get("payload")).put("name", "马龙区乱序测试养老院（旧）").put("effectiveOn", "2026-11-10");
        publish("registry-events", List.of(first, olderChange));
        String injected = olderChange.get("eventId").asText();
        await("the older change delivered to the subsidy service", Duration.ofSeconds(30), () -> count("subsidy",
                "select count(*) from inbox_event where event_id = ?::uuid", injected) == 1);
        pause(SOAK ? 3000 : 1000); // time for the duplicate to show, if it did anything

        long applications = count("registry", "select count(*) from audit_entry where institution_id = ?::uuid"
                + " and action like 'FILING_%_APPLIED'", id);
        long announced = count("registry", "select count(*) from outbox_event where aggregate_id = ?", id);
        long states = count("subsidy", "select count(*) from institution_state where institution_id = ?::uuid", id);
        assertEquals("马龙区乱序测试养老院（新）", rows("registry", "select name from institution where id = ?::uuid", id)
                .get(0).get(0), "no older fact over a newer one in the register");
        assertEquals(List.of("马龙区乱序测试养老院（新）", "2026-11-20"), rows("subsidy", "select name, effective_on::text"
                + " from institution_view where institution_id = ?::uuid", id).get(0), "no older fact over a newer one"
                + " in the subsidy read model");
        assertEquals(2, announced, "registered once, changed once (the older change changes nothing)");
        // sent: three filings (NEW, newer and older CHANGE), the registry's two announcements and the older change;
        // each announced fact is one state of the read model (the older change's as the history before the newer)
        long facts = announced + 1;
        new Faults.Tally("duplicate and out-of-order", 3 + facts, 3 + Math.min(states, facts),
                (applications - 3) + Math.max(0, states - facts), Math.max(0, facts - states),
                Faults.deadLettered(List.of(uscc)), measured("deliveries", 7, "registryEvents", announced)).check();
    }

    /** The envelope of {@code type} the registry's outbox sent for {@code institution}. */
    private static ObjectNode announcement(String institution, String type) {
        String envelope = (String) rows("registry", "select envelope from outbox_event where aggregate_id = ?"
                + " and type = ?", institution, type).get(0).get(0);
        try {
            return (ObjectNode) Faults.JSON.readTree(envelope);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- helpers ---

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work, "fault-load");
        thread.setDaemon(true); // a failed scenario leaves no load running behind it
        thread.start();
        return thread;
    }

    private static Map<String, Object> measured(Object... pairs) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            figures.put((String) pairs[i], pairs[i + 1]);
        }
        return figures;
    }

    /** {status, milliseconds, 1 if problem+json, epoch ms at the answer}; a refused connection counts as 0. */
    private static long[] call(HttpClient http, String method, String path, String user, String key, String body) {
        long started = System.nanoTime();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (!user.isEmpty()) {
                request.header("Authorization", "Bearer " + token(user));
            }
            if (body != null) {
                request.header("Content-Type", "application/json").header("Idempotency-Key", key);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new long[]{response.statusCode(), (System.nanoTime() - started) / 1_000_000,
                    response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                            ? 1 : 0, System.currentTimeMillis()};
        } catch (Exception e) {
            return new long[]{0, (System.nanoTime() - started) / 1_000_000, 0, System.currentTimeMillis()};
        }
    }

    private static Map<String, Object> newFiling(String user, int i) {
        return Map.ofEntries(Map.entry("type", "NEW"), Map.entry("sector", "ELDERLY"),
                Map.entry("uscc", usccOf.get(user)), Map.entry("institutionName", "官渡区故障测试养老院" + i),
                Map.entry("kind", "PRIVATE_CARE_HOME"), Map.entry("ownership", "PRIVATE"),
                Map.entry("divisionCode", "530111"), Map.entry("address", "昆明市官渡区测试路" + i + "号"),
                Map.entry("legalRepresentative", "王测"), Map.entry("contactPhone", "0871-6555020" + i),
                Map.entry("capacity", 50));
    }

    /** A filing of {@code user} with every required material, submitted and accepted (受理) by the reviewer. */
    private static String accepted(String user, Map<String, Object> body) {
        String filing = as(user, "POST", "/api/filings", body).statusCode(201).extract().path("id");
        List<String> required = as(user, "GET", "/api/filings/" + filing + "/materials", null).statusCode(200)
                .extract().jsonPath().getList("findAll { it.required }.code");
        for (String code : required) {
            given().auth().oauth2(token(user)).contentType("application/pdf").body(Fixtures.PDF)
                    .queryParam("fileName", code.toLowerCase() + ".pdf")
                    .put("/api/filings/" + filing + "/materials/" + code).then().statusCode(200);
        }
        as(user, "POST", "/api/filings/" + filing + "/submit", null).statusCode(200);
        as(REVIEWER, "POST", "/api/filings/" + filing + "/accept", null).statusCode(200);
        return filing;
    }

    private static void approve(String filing) {
        as(REVIEWER, "POST", "/api/filings/" + filing + "/approve", Map.of("comment", "准予备案")).statusCode(200)
                .body("status", equalTo("APPROVED"));
    }

    private static String nurse() {
        int n = STAFF.incrementAndGet();
        String citizenId = PersonalDataTest.withCheckDigit("5301111985" + String.format("%02d%02d%03d",
                1 + n / 28000 % 12, 1 + n / 1000 % 28, n % 1000));
        return "{\"name\":\"测试护士\",\"role\":\"NURSE\",\"citizenId\":\"" + citizenId
                + "\",\"employedFrom\":\"2024-02-01\"}";
    }

    /** A nurse entered on the roster of {@code user}'s institution; returns the entry's id. */
    private static String addNurse(String user, String key) {
        return given().auth().oauth2(token(user)).header("Idempotency-Key", key).contentType("application/json")
                .body(nurse()).post("/api/institutions/" + institutionOf.get(user) + "/staff").then().statusCode(201)
                .extract().path("id");
    }

    /** A FilingApproved as filing-service's outbox publishes it (key = USCC). */
    private static ObjectNode filingApproved(String uscc, String type, String name, String receipt, LocalDate day) {
        Map<String, Object> snapshot = new HashMap<>(Map.of("uscc", uscc, "name", name, "sector", "ELDERLY",
                "kind", "PRIVATE_CARE_HOME", "ownership", "PRIVATE", "cityCode", "530300", "divisionCode", "530304",
                "address", "曲靖市马龙区测试路1号", "legalRepresentative", "李测", "contactPhone", "0874-5550101"));
        snapshot.put("capacity", 40);
        Map<String, Object> payload = new HashMap<>(Map.of("filingId", UUID.randomUUID().toString(),
                "filingType", type, "receiptNumber", receipt, "approvedOn", day.toString(), "institution", snapshot));
        if (type.equals("NEW")) {
            payload.put("site", Map.of("name", name, "divisionCode", "530304", "address", "曲靖市马龙区测试路1号",
                    "capacity", 40));
        }
        return envelope("FilingApproved", uscc, "530300", "530304", payload, Instant.now());
    }

    private static long applied(List<String> eventIds) {
        return count("registry", "select count(*) from inbox_event where event_id = any(?)", (Object) uuids(eventIds));
    }

    private static String subsidyName(String user) {
        return subsidyNameById(institutionOf.get(user));
    }

    private static String subsidyNameById(String id) {
        return rows("subsidy", "select name from institution_view where institution_id = ?::uuid", id).stream()
                .findFirst().map(r -> (String) r.get(0)).orElse(null);
    }

    /** How many CHANGE filings the registry applied to {@code institution}, checking their receipts ascend. */
    private static int receiptsInOrder(String institution) {
        List<String> receipts = rows("registry", "select detail::json->>'receiptNumber' from audit_entry"
                + " where institution_id = ?::uuid and action = 'FILING_CHANGE_APPLIED' order by id", institution)
                .stream().map(r -> (String) r.get(0)).toList();
        List<String> sorted = receipts.stream().sorted().toList();
        assertEquals(sorted, receipts, "applied in the order they were approved");
        return receipts.size();
    }

    /** {processed, total, 1 while GENERATING} of a batch, from the subsidy database. */
    private static long[] batchProgress(String batch) {
        List<Object> row = rows("subsidy", "select processed, total, status from payment_batch where id = ?::uuid",
                batch).get(0);
        return new long[]{((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue(),
                "GENERATING".equals(row.get(2)) ? 1 : 0};
    }

    private static UUID[] uuids(List<String> ids) {
        return ids.stream().map(UUID::fromString).toArray(UUID[]::new);
    }
}
