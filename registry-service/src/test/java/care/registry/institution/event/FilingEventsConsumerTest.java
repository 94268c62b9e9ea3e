package care.registry.institution.event;

import care.contracts.validation.Identifiers;
import care.deploy.CareTestResource;
import care.deploy.TestTopics;
import care.registry.support.Db;
import care.registry.support.EndedAtCommit;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class FilingEventsConsumerTest {

    @Inject
    Db db;

    static String filingApproved(UUID eventId, String uscc, String name, String receipt) {
        return """
                {"eventId":"%s","type":"FilingApproved","schemaVersion":1,"occurredAt":"2026-11-20T02:00:00Z",
                 "aggregateId":"%s","cityCode":"530100","divisionCode":"530103",
                 "payload":{"filingId":"%s","filingType":"NEW","receiptNumber":"%s","approvedOn":"%s",
                   "institution":{"uscc":"%s","name":"%s","sector":"ELDERLY","kind":"PRIVATE_CARE_HOME",
                     "ownership":"PRIVATE","cityCode":"530100","divisionCode":"530103","address":"昆明市盘龙区北京路9号",
                     "legalRepresentative":"李强","contactPhone":"0871-63330000","capacity":80}}}
                """.formatted(eventId, uscc, UUID.randomUUID(), receipt, LocalDate.of(2026, 11, 20), uscc, name);
    }

    @Test
    void aRedeliveredFilingApprovedIsAppliedOnceAndRegistersOnce() {
        String uscc = "52530103MJB000020W";
        UUID eventId = UUID.randomUUID();
        String event = filingApproved(eventId, uscc, "盘龙区颐养苑", "530103-2026-000007");
        TestTopics.publish("filing-events", uscc, event);
        TestTopics.publish("filing-events", uscc, event); // the broker may deliver twice; the inbox must not

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().queryParam("q", "颐养苑").get("/api/directory/institutions").then()
                        .statusCode(200).body("total", equalTo(1)));
        given().queryParam("q", "颐养苑").queryParam("county", "530103").get("/api/directory/institutions").then()
                .body("items[0].filingStatus", equalTo("已备案"))
                .body("items[0].filingNumber", equalTo("530103-2026-000007"))
                .body("items[0].divisionName", equalTo("盘龙区"))
                .body("items[0]", not(hasKey("legalRepresentative")))
                .body("items[0]", not(hasKey("contactPhone")));

        var registered = TestTopics.read("registry-events", Duration.ofSeconds(15),
                r -> r.value().contains(uscc) && r.value().contains("InstitutionRegistered"));
        assertEquals(1, registered.size());
        assertTrue(registered.get(0).value().contains("\"totalCapacity\":80"), registered.get(0).value());
    }

    @Test
    void theTraceOfTheApprovalGoesOnThroughTheRegistrysOwnEvent() {
        String uscc = Identifiers.completeUscc("52530103MJB000060");
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String filingSpan = "b7ad6b7169203331";
        TestTopics.publish("filing-events", uscc, filingApproved(UUID.randomUUID(), uscc, "追踪颐养院", "530103-2026-000011"),
                Map.of("traceparent", "00-" + traceId + "-" + filingSpan + "-01"));

        var registered = TestTopics.read("registry-events", Duration.ofSeconds(20),
                r -> r.value().contains(uscc) && r.value().contains("InstitutionRegistered"));
        assertEquals(1, registered.size());
        String traceParent = new String(registered.get(0).headers().lastHeader("traceparent").value(),
                StandardCharsets.UTF_8);
        assertTrue(traceParent.startsWith("00-" + traceId + "-") && !traceParent.contains(filingSpan),
                "the same trace, under a span of the registry's own: " + traceParent);
        assertTrue(registered.get(0).value().contains("\"requestId\":\"" + traceId + "\""), registered.get(0).value());
    }

    @Test
    void aRecordTheRegisterCannotHoldGoesToTheDeadLetterTopicAloneWhileTheOthersOfItsPollAreApplied() {
        String before = Identifiers.completeUscc("52530103MJB000030");
        String refused = Identifiers.completeUscc("52530103MJB000040");
        String after = Identifiers.completeUscc("52530103MJB000050");
        String bad = filingApproved(UUID.randomUUID(), refused, "批处理乙养老院", "530103-2026-000009")
                .replace("\"kind\":\"PRIVATE_CARE_HOME\"", "\"kind\":\"FULL_DAYCARE\""); // not a 养老 kind
        // one key, sent together: most likely one poll, so one batch whose transaction the bad record fails
        TestTopics.publish("filing-events", "batch-with-a-bad-record", List.of(
                filingApproved(UUID.randomUUID(), before, "批处理甲养老院", "530103-2026-000008"), bad,
                filingApproved(UUID.randomUUID(), after, "批处理丙养老院", "530103-2026-000010")));

        for (String name : List.of("批处理甲养老院", "批处理丙养老院")) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    given().queryParam("q", name).get("/api/directory/institutions").then()
                            .statusCode(200).body("total", equalTo(1)));
        }
        given().queryParam("q", "批处理乙养老院").get("/api/directory/institutions").then().body("total", equalTo(0));
        var dead = TestTopics.read("dead-letter-topic-filing-events", Duration.ofSeconds(15),
                r -> r.value().contains(refused));
        assertEquals(1, dead.size());
        assertEquals(0, TestTopics.read("dead-letter-topic-filing-events", Duration.ofSeconds(1),
                r -> r.value().contains(before) || r.value().contains(after)).size());
    }

    /**
     * The database ends the consumer's connection at each commit of a new institution ({@link EndedAtCommit}) until
     * it is back: not the record's fault, so the record is applied once the database is, and never dead-lettered.
     */
    @Test
    void aCommitTheDatabaseEndsIsTriedAgainNotDeadLettered() throws Exception {
        String uscc = Identifiers.completeUscc("52530103MJB000070");
        try (var ended = EndedAtCommit.inserting(db, "institution")) {
            TestTopics.publish("filing-events", uscc,
                    filingApproved(UUID.randomUUID(), uscc, "提交断开重试养老院", "530103-2026-000012"));
            Thread.sleep(3_000); // the consumer's first tries, each ended at its commit
            given().queryParam("q", "提交断开重试养老院").get("/api/directory/institutions").then().statusCode(200)
                    .body("total", equalTo(0));
        }
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                given().queryParam("q", "提交断开重试养老院").get("/api/directory/institutions").then()
                        .statusCode(200).body("total", equalTo(1)));
        assertEquals(0, TestTopics.read("dead-letter-topic-filing-events", Duration.ofSeconds(2),
                r -> r.value().contains(uscc)).size());
    }

    @Test
    void directoryFiltersAndRefusesBadQueriesAsProblems() {
        given().queryParam("sector", "BOATS").get("/api/directory/institutions").then().statusCode(400)
                .body("violations[0].field", equalTo("sector"));
        given().queryParam("size", 1000).get("/api/directory/institutions").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("size"));
        given().get("/api/directory/institutions/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
    }
}
