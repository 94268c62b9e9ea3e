package care.registry.directory.rest;

import care.contracts.validation.Identifiers;
import care.deploy.CareTestResource;
import care.deploy.Tokens;
import care.registry.directory.service.DirectoryFeed;
import care.registry.institution.domain.Institution;
import care.registry.institution.domain.InstitutionRepository;
import care.registry.support.Register;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static care.registry.support.Register.approved;
import static care.registry.support.Register.site;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public directory's change feed: a mirror that only reads it ends up equal to the directory. */
@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class DirectoryChangesTest {

    static final String COUNTY = "530129"; // 寻甸县: no other test files institutions here (IndicatorsTest counts 富民县)

    @Inject
    Register register;

    @Inject
    InstitutionRepository institutions;

    @Inject
    DirectoryFeed feed;

    private static String uscc(int n) {
        return Identifiers.completeUscc("525301290000" + String.format("%04d", n) + "X");
    }

    private void file(String type, int n, String name, int capacity, LocalDate day) {
        String address = "寻甸县永定街" + n + "号";
        register.deliver(approved(UUID.randomUUID(), UUID.randomUUID(), type, COUNTY + "-2026-" + type.charAt(0) + n,
                day, uscc(n), name, "ELDERLY", "PRIVATE_CARE_HOME", "PRIVATE", COUNTY, address, capacity,
                type.equals("NEW") ? site(name, COUNTY, address, capacity) : null));
    }

    /** Reads the feed from {@code cursor} to its end, {@code limit} at a time, into the mirror; the cursor it ends on. */
    private static String follow(Map<String, Map<String, Object>> mirror, String cursor, int limit) {
        while (true) {
            JsonPath page = given().queryParam("since", cursor).queryParam("limit", limit)
                    .get("/api/directory/changes").then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> change : page.<Map<String, Object>>getList("changes")) {
                String id = (String) change.get("institutionId");
                if (change.get("kind").equals("REMOVED")) {
                    mirror.remove(id);
                } else {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> entry = (Map<String, Object>) change.get("entry");
                    mirror.put(id, entry);
                }
            }
            cursor = page.getString("next");
            if (!page.getBoolean("more")) {
                return cursor;
            }
        }
    }

    private static Map<String, Map<String, Object>> directoryOfTheCounty() {
        List<Map<String, Object>> items = given().queryParam("county", COUNTY).queryParam("size", 100)
                .get("/api/directory/institutions").then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, Map<String, Object>> directory = new HashMap<>();
        items.forEach(item -> directory.put((String) item.get("id"), item));
        return directory;
    }

    private static Map<String, Map<String, Object>> ofTheCounty(Map<String, Map<String, Object>> mirror) {
        Map<String, Map<String, Object>> county = new HashMap<>();
        mirror.forEach((id, entry) -> {
            if (COUNTY.equals(entry.get("divisionCode"))) {
                county.put(id, entry);
            }
        });
        return county;
    }

    @Test
    void aMirrorBuiltOnlyFromTheFeedEqualsTheDirectoryAfterApprovalsChangesAndClosures() {
        Map<String, Map<String, Object>> mirror = new HashMap<>();
        String cursor = follow(mirror, "", 7);

        LocalDate day = LocalDate.of(2026, 6, 1);
        for (int n = 1; n <= 6; n++) {
            file("NEW", n, "寻甸县第" + n + "养老院", 30 + n, day);
        }
        file("CHANGE", 2, "寻甸县永康颐养院", 32, day.plusDays(3));
        file("CLOSE", 3, "寻甸县第3养老院", 33, day.plusDays(4));
        file("CHANGE", 4, "寻甸县第4养老院", 60, day.plusDays(5)); // capacity only: still a change the directory shows
        // resumed after the burst with the cursor of before it, in small pages
        cursor = follow(mirror, cursor, 2);
        assertEquals(directoryOfTheCounty(), ofTheCounty(mirror));
        assertTrue(mirror.values().stream().noneMatch(entry -> entry.get("name").equals("寻甸县第3养老院")), "closed");
        assertTrue(mirror.values().stream().anyMatch(entry -> entry.get("name").equals("寻甸县永康颐养院")), "renamed");

        file("CLOSE", 5, "寻甸县第5养老院", 35, day.plusDays(6));
        file("NEW", 7, "寻甸县第7养老院", 37, day.plusDays(6));
        follow(mirror, cursor, 100);
        assertEquals(directoryOfTheCounty(), ofTheCounty(mirror));

        // and one started from the empty cursor, long after, ends up the same
        Map<String, Map<String, Object>> late = new HashMap<>();
        follow(late, null, 1000);
        assertEquals(directoryOfTheCounty(), ofTheCounty(late));
    }

    /**
     * What else moves the directory: a 普惠 designation (no filing), a 变更备案 that arrives before its 新设备案, a
     * 注销 of an institution never seen (held closed, never listed), and a 新设备案 after 注销 (listed again).
     */
    @Test
    void aMirrorFromTheEmptyCursorFollowsDesignationsLateEventsAndARefiling() {
        Map<String, Map<String, Object>> mirror = new HashMap<>();
        String cursor = follow(mirror, "", 1000);
        LocalDate day = LocalDate.of(2026, 10, 1);
        file("NEW", 50, "寻甸县仁和养老院", 50, day);
        String designated = register.find(uscc(50)).id.toString();
        given().auth().oauth2(Tokens.of("admin-530100")).contentType(ContentType.JSON)
                .body("{\"inclusive\":true,\"demonstration\":false}")
                .put("/api/institutions/{id}/designations", designated).then().statusCode(200);
        file("CHANGE", 51, "寻甸县颐和养老院", 51, day.plusDays(2)); // its 新设备案 comes after
        file("NEW", 51, "寻甸县第51养老院", 51, day);
        file("CLOSE", 52, "寻甸县第52养老院", 52, day);
        file("NEW", 53, "寻甸县第53养老院", 53, day);
        file("CLOSE", 53, "寻甸县第53养老院", 53, day.plusDays(1));
        file("NEW", 53, "寻甸县重开养老院", 53, day.plusDays(2)); // 新设备案 again after its 注销

        follow(mirror, cursor, 3);
        Map<String, Map<String, Object>> directory = directoryOfTheCounty();
        assertEquals(directory, ofTheCounty(mirror));
        assertEquals(true, mirror.get(designated).get("inclusive"));
        assertEquals(Set.of("寻甸县颐和养老院", "寻甸县重开养老院"), Set.of(
                mirror.get(register.find(uscc(51)).id.toString()).get("name"),
                mirror.get(register.find(uscc(53)).id.toString()).get("name")));
        assertFalse(directory.containsKey(register.find(uscc(52)).id.toString()), "closed before it was ever filed");

        Map<String, Map<String, Object>> late = new HashMap<>();
        follow(late, null, 1000);
        assertEquals(directoryOfTheCounty(), ofTheCounty(late));
    }

    @Test
    void aRemovalCarriesNoEntryAndARedeliveredApprovalAddsNoChange() {
        Map<String, Map<String, Object>> mirror = new HashMap<>();
        String cursor = follow(mirror, "", 1000);
        LocalDate day = LocalDate.of(2026, 7, 1);
        file("NEW", 20, "寻甸县松柏养老院", 40, day);
        // a 变更备案 with the same facts: an event of the registry, but nothing the directory shows changes
        file("CHANGE", 20, "寻甸县松柏养老院", 40, day.plusDays(1));
        file("CLOSE", 20, "寻甸县松柏养老院", 40, day.plusDays(2));

        JsonPath page = given().queryParam("since", cursor).get("/api/directory/changes").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("ENTERED", "REMOVED"), page.getList("changes.kind"));
        assertEquals("寻甸县松柏养老院", page.getString("changes[0].entry.name"));
        assertEquals("已备案", page.getString("changes[0].entry.filingStatus"));
        assertTrue(page.getMap("changes[1]").get("entry") == null);
        assertFalse(page.getBoolean("more"));

        // polling again with next: nothing new, and the same cursor to keep
        String next = page.getString("next");
        given().queryParam("since", next).get("/api/directory/changes").then().statusCode(200)
                .body("changes.size()", equalTo(0)).body("next", equalTo(next)).body("more", equalTo(false));
    }

    @Test
    void theFeedCarriesOnlyWhatTheDirectoryShows() {
        file("NEW", 30, "寻甸县安康养老院", 45, LocalDate.of(2026, 8, 1));
        JsonPath page = given().queryParam("limit", 1000).get("/api/directory/changes").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> entry = page.getMap("changes.find { it.entry?.name == '寻甸县安康养老院' }.entry");
        assertEquals(directoryOfTheCounty().get((String) entry.get("id")), entry, "the directory's entry, no field more");
        assertFalse(page.prettify().contains("李强"), "no legal representative or phone in the feed");
        assertFalse(page.prettify().contains("0871-63330000"));
    }

    /**
     * A writer still at work holds no other writer up (the feed's lock is taken as a transaction commits), and the
     * positions still follow the commits: the writer that committed first comes first, whichever started first.
     */
    @Test
    void aWriterStillAtWorkHoldsNoOtherUpAndPositionsFollowTheCommits() throws Exception {
        LocalDate day = LocalDate.of(2026, 11, 1);
        file("NEW", 60, "寻甸县第60养老院", 60, day);
        file("NEW", 61, "寻甸县第61养老院", 61, day);
        UUID slow = register.find(uscc(60)).id;
        UUID quick = register.find(uscc(61)).id;
        String cursor = follow(new HashMap<>(), "", 1000);

        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?> slowWriter = writers.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                growCapacity(slow);
                recorded.countDown();
                try {
                    finish.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertTrue(recorded.await(30, TimeUnit.SECONDS));
            writers.submit(() -> QuarkusTransaction.requiringNew().run(() -> growCapacity(quick)))
                    .get(30, TimeUnit.SECONDS); // committed while the slow writer's transaction is still open
            finish.countDown();
            slowWriter.get(30, TimeUnit.SECONDS);
        } finally {
            finish.countDown();
            writers.shutdownNow();
        }

        JsonPath page = given().queryParam("since", cursor).get("/api/directory/changes").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(quick.toString(), slow.toString()), page.getList("changes.institutionId"));
        assertEquals(List.of("CHANGED", "CHANGED"), page.getList("changes.kind"));
        assertEquals(List.of(62, 61), page.getList("changes.entry.capacity"));
    }

    private void growCapacity(UUID id) {
        Institution institution = institutions.findById(id);
        institution.capacity++;
        feed.record(institution);
    }

    @Test
    void aCursorThatIsNotOneIsA400AndTheJsonFeedListsTheNewestFirst() {
        given().queryParam("since", "not-a-cursor").get("/api/directory/changes").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("since"));
        given().queryParam("limit", 1001).get("/api/directory/changes").then().statusCode(400);

        file("NEW", 40, "寻甸县福寿养老院", 50, LocalDate.of(2026, 9, 1));
        given().get("/api/directory/changes/feed.json").then().statusCode(200)
                .contentType(startsWith("application/feed+json"))
                .body("version", equalTo("https://jsonfeed.org/version/1.1"))
                .body("items[0].title", equalTo("新备案：寻甸县福寿养老院"))
                .body("items[0].url", startsWith("/api/directory/institutions/"));
    }
}
