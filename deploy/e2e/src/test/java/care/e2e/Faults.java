package care.e2e;

import care.deploy.Stack;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the fault tests need besides the gateway: the services' databases read directly (what was applied, and how
 * often), events written to a topic as the producing service's outbox would, the dead-letter topics read, and the
 * figures of a scenario printed and checked.
 */
final class Faults {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Faults() {
    }

    /** A valid 统一社会信用代码 (GB 32100) of a 民办非企业单位 (52) in {@code county}, number {@code n}. */
    static String uscc(String county, int n) {
        String first17 = "52" + county + "MJF" + String.format("%06d", n);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
        }
        return first17 + USCC_CHARS.charAt((31 - sum % 31) % 31);
    }

    // --- the databases, read as the services wrote them ---

    static List<List<Object>> rows(String database, String sql, Object... parameters) {
        Stack stack = Platform.stack();
        try (Connection connection = DriverManager.getConnection(stack.infra.postgres.jdbcUrl(database),
                "postgres", "postgres");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static long count(String database, String sql, Object... parameters) {
        return ((Number) rows(database, sql, parameters).get(0).get(0)).longValue();
    }

    // --- events, as the producing service's outbox relay sends them ---

    /** An envelope as contracts' Outbox writes it. */
    static ObjectNode envelope(String type, String aggregateId, String cityCode, String divisionCode, Object payload,
                               Instant occurredAt) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("eventId", UUID.randomUUID().toString()).put("type", type).put("schemaVersion", 1)
                .put("occurredAt", occurredAt.toString()).put("aggregateId", aggregateId).put("cityCode", cityCode)
                .put("divisionCode", divisionCode);
        envelope.set("payload", JSON.valueToTree(payload));
        return envelope;
    }

    /**
     * A private 养老院 of {@code county}, filed in 2020, with {@code people} caregivers (养老护理 level 4 since 2020, the
     * certificate type a nursing allowance counts), sent as registry-service's events and waited for in the subsidy
     * read model. {@code tag} marks their person keys and certificate numbers. Returns the institution's id.
     */
    static String careHomeWithCaregivers(String county, String name, String tag, int people, int beds,
                                         Duration timeout) {
        String city = county.substring(0, 4) + "00";
        String institution = UUID.randomUUID().toString();
        String uscc = uscc(county, 1);
        List<ObjectNode> events = new ArrayList<>();
        Map<String, Object> registered = new HashMap<>(Map.of("institutionId", institution, "uscc", uscc,
                "name", name, "sector", "ELDERLY", "kind", "PRIVATE_CARE_HOME", "ownership", "PRIVATE",
                "cityCode", city, "divisionCode", county, "filingNumber", county + "-2020-000001"));
        registered.putAll(Map.of("filedOn", "2020-01-01", "totalCapacity", beds));
        events.add(envelope("InstitutionRegistered", institution, city, county, registered, Instant.now()));
        for (int i = 0; i < people; i++) {
            String staff = UUID.randomUUID().toString();
            Map<String, Object> entry = new HashMap<>(Map.of("staffId", staff, "institutionId", institution,
                    "institutionUscc", uscc, "cityCode", city, "divisionCode", county,
                    "personKey", tag + "-" + staff, "name", "护理员" + i, "maskedCitizenId", county + "********0000",
                    "role", "ELDERLY_CAREGIVER", "certificateGrade", "LEVEL_4"));
            entry.putAll(Map.of("certificateNumber", tag + "-" + i, "certificateIssuedOn", "2020-01-01",
                    "certificateType", "ELDERLY_CARE_SKILL", "employedFrom", "2020-01-01", "disputed", false));
            events.add(envelope("CaregiverChanged", staff, city, county, entry, Instant.now()));
        }
        publish("registry-events", events);
        await("the caregivers of " + name + " in the subsidy read model", timeout, () -> count("subsidy",
                "select count(*) from caregiver where institution_id = ?::uuid", institution) == people);
        return institution;
    }

    /** Sends the envelopes (key = aggregate id, as the relay does) and waits for the broker's acks. */
    static void publish(String topic, Collection<ObjectNode> envelopes) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Platform.stack().infra.kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (ObjectNode envelope : envelopes) {
                var record = new ProducerRecord<>(topic, envelope.get("aggregateId").asText(), envelope.toString());
                record.headers().add("event-type", envelope.get("type").asText().getBytes(StandardCharsets.UTF_8));
                record.headers().add("event-id", envelope.get("eventId").asText().getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(record));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("publishing to " + topic + " failed", e);
        }
    }

    /** Records of the services' dead-letter topics whose value holds any of {@code markers}. */
    static long deadLettered(Collection<String> markers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Platform.stack().infra.kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "faults-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        long found = 0;
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("dead-letter-topic-filing-events", "dead-letter-topic-registry-events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(300))) {
                    if (record.value() != null && markers.stream().anyMatch(record.value()::contains)) {
                        found++;
                    }
                }
            }
        }
        return found;
    }

    // --- waiting and counting ---

    /** Waits up to {@code timeout} for {@code done}; returns how long it took. */
    static Duration await(String what, Duration timeout, BooleanSupplier done) {
        long started = System.nanoTime();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - started > timeout.toNanos()) {
                throw new AssertionError(what + ": not within " + timeout.toSeconds() + " s");
            }
            pause(100);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A scenario's figures: what was sent, how much of it was applied (distinct), what was applied more than once,
     * what never arrived, and what went to a dead-letter topic. Printed, then held to 0 lost, 0 duplicates and 0
     * dead-lettered.
     */
    record Tally(String scenario, long sent, long applied, long duplicates, long lost, long deadLettered,
                 Map<String, Object> measured) {

        void check() {
            System.out.printf("FAULT %-28s sent=%d applied=%d duplicates=%d lost=%d dead-lettered=%d %s%n", scenario,
                    sent, applied, duplicates, lost, deadLettered, measured);
            assertEquals(0, lost, scenario + ": lost");
            assertEquals(0, duplicates, scenario + ": applied more than once");
            assertEquals(0, deadLettered, scenario + ": dead-lettered");
            assertEquals(sent, applied, scenario + ": applied");
        }
    }
}
