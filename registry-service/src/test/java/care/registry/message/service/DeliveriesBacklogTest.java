package care.registry.message.service;

import care.deploy.CareTestResource;
import care.registry.message.domain.Message;
import care.registry.message.domain.MessageRepository;
import care.registry.support.Db;
import care.registry.support.Register;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A backlog larger than a batch (a day's decisions at once, or what waited while the gateway was down) goes out in
 * one sweep: 50 per sweep kept deliveries at 25 a second, behind any busier hour.
 */
@QuarkusTest
@TestProfile(DeliveriesBacklogTest.NoScheduledSweep.class)
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class DeliveriesBacklogTest {

    /** The log channel, and the scheduled sweep out of the way: the test runs the one sweep it counts. */
    public static class NoScheduledSweep implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("care.notify.channel", "log", "care.notify.sweep", "1h");
        }
    }

    @Inject
    Register register;
    @Inject
    Db db;
    @Inject
    Deliveries deliveries;
    @Inject
    MessageRepository messages;
    @Inject
    DataSource dataSource;

    @Test
    void oneSweepSendsEveryDueMessageNotOneBatch() {
        register.elderly530102();
        UUID filing = UUID.randomUUID(); // one filing refused 120 times: 120 messages, each its own event
        for (int i = 0; i < 120; i++) {
            rejected(filing, "消防验收未通过");
        }
        assertEquals(120, db.count("select count(*) from message where filing_id = ?1 and delivery_status = 'PENDING'",
                filing));

        deliveries.sweep();

        assertEquals(120, db.count("select count(*) from message where filing_id = ?1 and delivery_status = 'SENT'",
                filing));
    }

    /**
     * Each delivery locks its message (SKIP LOCKED): a message another replica holds (an SMS under way there) is
     * skipped at once, not waited for; free again, it is locked and read; delivered, it is not locked again.
     */
    @Test
    void aMessageAnotherReplicaHoldsIsSkippedNotWaitedFor() throws Exception {
        register.elderly530102();
        UUID filing = UUID.randomUUID();
        rejected(filing, "床位数与现场核查不符");
        UUID id = UUID.fromString(db.strings("select id::text from message where filing_id = ?1", filing).get(0));

        try (Connection replica = dataSource.getConnection()) {
            replica.setAutoCommit(false);
            try (PreparedStatement hold = replica.prepareStatement("select id from message where id = ? for update")) {
                hold.setObject(1, id);
                hold.executeQuery().close();
            }
            Optional<Message> whileHeld = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> QuarkusTransaction.requiringNew().call(() -> messages.lockForDelivery(id)));
            assertTrue(whileHeld.isEmpty(), "a message another replica holds is not delivered here as well");
            replica.rollback();
        }
        assertEquals(id, QuarkusTransaction.requiringNew().call(() -> messages.lockForDelivery(id)).orElseThrow().id);

        deliveries.sweep();
        assertEquals(1, db.count("select count(*) from message where id = ?1 and delivery_status = 'SENT'", id));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> messages.lockForDelivery(id)).isEmpty(),
                "a delivered message is not locked for another delivery");
    }

    /** A FilingRejected event of its own for the institution's change filing: one message to deliver. */
    private void rejected(UUID filing, String reason) {
        register.deliver("""
                {"eventId":"%s","type":"FilingRejected","schemaVersion":1,"occurredAt":"2026-11-20T02:00:00Z",
                 "aggregateId":"%s","cityCode":"530100","divisionCode":"530102",
                 "payload":{"filingId":"%s","filingType":"CHANGE","uscc":"%s","reason":"%s"}}
                """.formatted(UUID.randomUUID(), Register.ELDERLY_530102, filing, Register.ELDERLY_530102, reason));
    }
}
