package care.registry.demo;

import care.contracts.division.Divisions;
import care.contracts.validation.Identifiers;
import care.deploy.CareTestResource;
import care.registry.support.Db;
import care.registry.support.Register;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How long the registry takes to take in the local stack's 600 demo filings through Kafka, rosters included, and to
 * relay every resulting event. Run by name only ({@code -Dtest=DemoRegistrationBenchmark}): its name is outside
 * surefire's *Test pattern, so that {@code ./mvnw verify} does not even build its profile's application (Quarkus
 * builds one per test profile when the run starts, whether the class then runs or not).
 */
@QuarkusTest
@TestProfile(DemoRegistrationBenchmark.Demo.class)
@WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class DemoRegistrationBenchmark {

    public static class Demo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("care.demo", "true");
        }
    }

    static final int INSTITUTIONS = Integer.getInteger("bench.demo.institutions", 600);

    @Inject
    Db db;

    @Test
    void sixHundredFiledInstitutionsWithTheirRosters() {
        List<Divisions.Division> counties = java.util.stream.Stream.of("530100", "530300")
                .flatMap(c -> Divisions.countiesOf(c).stream()).toList();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, CareTestResource.infra().kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        long start = System.nanoTime();
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int n = 0; n < INSTITUTIONS; n++) {
                var county = counties.get(n % counties.size());
                boolean elderly = n % 5 < 3;
                String uscc = Identifiers.completeUscc((elderly ? "52" : "91") + county.code() + "BM" + "%07d".formatted(n));
                String name = county.name() + (elderly ? "演示养老院" : "演示托育园") + n;
                String envelope = Register.approved(UUID.randomUUID(), UUID.randomUUID(), "NEW",
                        county.code() + "-2025-" + "%06d".formatted(n), LocalDate.of(2025, 3, 1).plusDays(n % 300),
                        uscc, name, elderly ? "ELDERLY" : "CHILDCARE", elderly ? "PRIVATE_CARE_HOME" : "FULL_DAYCARE",
                        "PRIVATE", county.code(), county.name() + "演示路" + n + "号", 30 + (n * 37) % 270,
                        Register.site(name, county.code(), county.name() + "演示路" + n + "号", 30 + (n * 37) % 270))
                        .replace("\n", "");
                producer.send(new ProducerRecord<>("filing-events", uscc, envelope));
            }
        }
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() ->
                db.count("select count(*) from institution where uscc like '__53____BM%'") == INSTITUTIONS);
        double applied = (System.nanoTime() - start) / 1e9;
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() ->
                db.count("select count(*) from outbox_event where sent_at is null") == 0);
        double relayed = (System.nanoTime() - start) / 1e9;
        long staff = db.count("select count(*) from staff");
        long events = db.count("select count(*) from outbox_event where type = 'CaregiverChanged'");
        System.out.printf("%n%d demo filings: applied in %.1f s, all %d CaregiverChanged relayed after %.1f s; %d staff%n",
                INSTITUTIONS, applied, events, relayed, staff);
        assertTrue(staff > 3 * INSTITUTIONS, "thousands of staff: " + staff);
        assertEquals(staff, events);
    }
}
