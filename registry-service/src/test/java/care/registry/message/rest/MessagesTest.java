package care.registry.message.rest;

import care.deploy.CareTestResource;
import care.deploy.Tokens;
import care.registry.support.Db;
import care.registry.support.Register;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 消息中心: filing events become messages once each, read only by the institution they concern, and delivered by the
 * notifier after they are recorded — here the SMS adapter, against an SMS gateway of the test's own that fails until
 * it is told to answer.
 */
@QuarkusTest
@TestProfile(MessagesTest.SmsChannel.class)
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class MessagesTest {

    static final int SMS_PORT = freePort();
    static final AtomicInteger SMS_ANSWER = new AtomicInteger(503);
    static final List<String> SMS_RECEIVED = new CopyOnWriteArrayList<>();
    /** An SMS whose text holds this is kept waiting at the gateway until {@link #SMS_RELEASE} opens. */
    static volatile String smsHeldFor = "";
    static final CountDownLatch SMS_ARRIVED = new CountDownLatch(1);
    static final CountDownLatch SMS_RELEASE = new CountDownLatch(1);
    static HttpServer sms;

    /**
     * The SMS channel, to the test's gateway; retried after a second so that the test need not wait long, and waited
     * for long enough that a held SMS is not given up meanwhile.
     */
    public static class SmsChannel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("care.notify.channel", "sms", "care.notify.sms.url", "http://127.0.0.1:" + SMS_PORT + "/sms",
                    "care.notify.sms.token", "sms-test-token", "care.notify.retry-after", "1s",
                    "care.notify.sweep", "1s", "care.notify.sms.timeout", "30s");
        }
    }

    @Inject
    Register register;
    @Inject
    Db db;

    @BeforeAll
    static void smsGateway() throws IOException {
        sms = HttpServer.create(new InetSocketAddress("127.0.0.1", SMS_PORT), 0);
        sms.createContext("/sms", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!smsHeldFor.isEmpty() && body.contains(smsHeldFor)) {
                SMS_ARRIVED.countDown();
                try {
                    SMS_RELEASE.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = SMS_ANSWER.get();
            if (status == 200 && "Bearer sms-test-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                SMS_RECEIVED.add(body);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        sms.start();
    }

    @AfterAll
    static void stopSmsGateway() {
        if (sms != null) {
            sms.stop(0);
        }
    }

    @BeforeEach
    void institutions() {
        register.elderly530102();
        register.elderly530103();
    }

    static String returned(UUID eventId, UUID filingId, String uscc, String applicantId) {
        return returned(eventId, filingId, uscc, applicantId, "承诺书未盖章");
    }

    static String returned(UUID eventId, UUID filingId, String uscc, String applicantId, String comment) {
        return """
                {"eventId":"%s","type":"FilingReturned","schemaVersion":1,"occurredAt":"2026-11-20T02:00:00Z",
                 "aggregateId":"%s","cityCode":"530100","divisionCode":"530102",
                 "payload":{"filingId":"%s","filingType":"CHANGE","uscc":"%s","comment":"%s",
                   "items":[{"material":"COMMITMENT","field":null,"reason":"请加盖公章"}],"applicantId":%s}}
                """.formatted(eventId, uscc, filingId, uscc, comment,
                applicantId == null ? "null" : "\"" + applicantId + "\"");
    }

    static String rejected(UUID eventId, UUID filingId, String uscc) {
        return """
                {"eventId":"%s","type":"FilingRejected","schemaVersion":1,"occurredAt":"2026-11-20T02:00:00Z",
                 "aggregateId":"%s","cityCode":"530100","divisionCode":"530102",
                 "payload":{"filingId":"%s","filingType":"CHANGE","uscc":"%s","reason":"场所不符合消防要求"}}
                """.formatted(eventId, uscc, filingId, uscc);
    }

    private static io.restassured.response.ValidatableResponse messages(String user) {
        return given().auth().oauth2(Tokens.of(user)).queryParam("size", 100).get("/api/messages").then();
    }

    @Test
    void theSameEventDeliveredTwiceIsOneMessageInPlainChinese() {
        UUID filing = UUID.randomUUID();
        String event = returned(UUID.randomUUID(), filing, Register.ELDERLY_530102, null);
        register.deliver(event);
        register.deliver(event); // a redelivery: the inbox has its id

        assertEquals(1, db.count("select count(*) from message where filing_id = ?1", filing));
        messages("inst-elderly").statusCode(200)
                .body("items.findAll { it.filingId == '" + filing + "' }.size()", equalTo(1))
                .body("items.find { it.filingId == '" + filing + "' }.title", equalTo("备案退回补正"))
                .body("items.find { it.filingId == '" + filing + "' }.body",
                        equalTo("您提交的变更备案被退回补正，共1项需要补正。审核意见：承诺书未盖章。请按要求修改后重新提交。"))
                .body("items.find { it.filingId == '" + filing + "' }.read", equalTo(false));
    }

    @Test
    void anotherInstitutionAndAReviewerGetNothing() {
        UUID filing = UUID.randomUUID();
        register.deliver(returned(UUID.randomUUID(), filing, Register.ELDERLY_530102, null));
        String id = db.strings("select id::text from message where filing_id = ?1", filing).get(0);

        messages("inst-elderly-530103").statusCode(200).body("items.filingId", not(hasItem(filing.toString())));
        given().auth().oauth2(Tokens.of("inst-elderly-530103")).post("/api/messages/{id}/read", id).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("mz-530102")).get("/api/messages").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("mz-530102")).get("/api/messages/unread-count").then().statusCode(403);
        given().get("/api/messages").then().statusCode(401);
        assertEquals(0, db.count("select count(*) from message where filing_id = ?1 and read_at is not null", filing));
    }

    @Test
    void markedReadOnceIsReadForTheInstitutionAndTheCountFalls() {
        UUID filing = UUID.randomUUID();
        register.deliver(returned(UUID.randomUUID(), filing, Register.ELDERLY_530102, null));
        String id = db.strings("select id::text from message where filing_id = ?1", filing).get(0);
        int before = given().auth().oauth2(Tokens.of("inst-elderly")).get("/api/messages/unread-count").then()
                .statusCode(200).extract().path("unread");

        given().auth().oauth2(Tokens.of("inst-elderly")).post("/api/messages/{id}/read", id).then()
                .statusCode(200).body("read", equalTo(true));
        given().auth().oauth2(Tokens.of("inst-elderly")).post("/api/messages/{id}/read", id).then().statusCode(200);
        given().auth().oauth2(Tokens.of("inst-elderly")).get("/api/messages/unread-count").then()
                .body("unread", equalTo(before - 1));
        given().auth().oauth2(Tokens.of("inst-elderly")).post("/api/messages/{id}/read", "not-an-id").then()
                .statusCode(404);
    }

    /**
     * The delivery worker holds a message's row while the gateway answers; the institution marks it read meanwhile.
     * Both land: read (not a 409 on the worker's version) and sent.
     */
    @Test
    void aMessageMarkedReadWhileItsSmsIsUnderWayIsReadAndSent() throws Exception {
        SMS_ANSWER.set(200);
        String comment = "消防验收意见过期-" + UUID.randomUUID();
        smsHeldFor = comment;
        try {
            UUID filing = UUID.randomUUID();
            register.deliver(returned(UUID.randomUUID(), filing, Register.ELDERLY_530102, null, comment));
            String id = db.strings("select id::text from message where filing_id = ?1", filing).get(0);
            assertTrue(SMS_ARRIVED.await(30, TimeUnit.SECONDS), "the worker sends the SMS");

            CompletableFuture<io.restassured.response.Response> read = CompletableFuture.supplyAsync(() ->
                    given().auth().oauth2(Tokens.of("inst-elderly")).post("/api/messages/{id}/read", id));
            // until the mark waits for the worker's row lock
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select count(*) from pg_stat_activity"
                    + " where wait_event_type = 'Lock' and query like 'update message%'") == 1);
            SMS_RELEASE.countDown();

            read.get(30, TimeUnit.SECONDS).then().statusCode(200).body("read", equalTo(true));
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select count(*) from message where id = cast(?1 as uuid)"
                    + " and delivery_status = 'SENT' and read_at is not null", id) == 1);
        } finally {
            smsHeldFor = "";
            SMS_RELEASE.countDown();
        }
    }

    @Test
    void aFailingSmsGatewayNeitherLosesNorBlocksTheMessageAndItIsSentOnceTheGatewayAnswers() {
        SMS_ANSWER.set(503);
        UUID filing = UUID.randomUUID();
        register.deliver(rejected(UUID.randomUUID(), filing, Register.ELDERLY_530102));
        String id = db.strings("select id::text from message where filing_id = ?1", filing).get(0);

        // readable at once, whatever the gateway does
        messages("inst-elderly").body("items.find { it.filingId == '" + filing + "' }.body",
                equalTo("您提交的变更备案不予备案。理由：场所不符合消防要求。"));
        await().atMost(Duration.ofSeconds(20)).until(() -> db.count("select count(*) from message where id = cast(?1 as uuid)"
                + " and delivery_status = 'PENDING' and delivery_attempts >= 2 and delivery_error like '%503%'", id) == 1);

        SMS_ANSWER.set(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select count(*) from message where id = cast(?1 as uuid)"
                + " and delivery_status = 'SENT'", id) == 1);
        String sent = SMS_RECEIVED.stream().filter(b -> b.contains(id)).findFirst().orElseThrow();
        assertTrue(sent.contains("\"to\":\"0871-63330000\"") && sent.contains("不予备案"), sent);
        assertTrue(sent.contains("/portal/messages#m-" + id), sent);
    }

    /**
     * One port for the profile and the test: Quarkus loads the test class (and so this field) once more in its own
     * class loader, so the choice is kept where both find it, in a system property.
     */
    private static synchronized int freePort() {
        String chosen = System.getProperty("care.test.sms-port");
        if (chosen != null) {
            return Integer.parseInt(chosen);
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            System.setProperty("care.test.sms-port", String.valueOf(socket.getLocalPort()));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
