package care.filing.bench;

import care.contracts.validation.Identifiers;
import care.deploy.Stack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Approvals at a fixed rate against a whole stack on free ports, and how long until the institution is in the
 * registry. Not part of verify (the name does not end in Test); run it with
 * {@code ./mvnw -B -o -pl filing-service test -Dtest=ApprovalBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * after {@code ./mvnw -B -q -o package -DskipTests}. System properties: bench.approvals (default 1000),
 * bench.rate per second (50), bench.sample (every n-th approval also polled in the public directory, 10).
 *
 * <p>Preparation writes ACCEPTED NEW filings with distinct USCCs straight into filing-service's database (only
 * three institution accounts exist in the realm, and the applicant's path is not what is measured). Then
 * mz-530102 approves them through the real endpoint at the given rate. Measured per approval, from the moment the
 * approve response arrived (the approval has committed):
 * <ul>
 *   <li>approve: the request's own latency;</li>
 *   <li>FilingApproved: until filing-service's outbox relay put it on filing-events;</li>
 *   <li>registered: until registry-service's InstitutionRegistered is on registry-events — the registry has
 *       committed the institution (its own outbox relay adds a few ms, so this is an upper bound);</li>
 *   <li>directory: for every n-th approval, until /api/directory/institutions?q=&lt;name&gt; finds it (10 ms polls).</li>
 * </ul>
 */
class ApprovalBenchmark {

    private static final Pattern FILING_ID = Pattern.compile("\"filingId\":\"([0-9a-f-]{36})\"");
    private static final Pattern USCC = Pattern.compile("\"uscc\":\"([0-9A-Z]{18})\"");

    @Test
    void approvalsAtAFixedRate() throws Exception {
        int count = Integer.getInteger("bench.approvals", 1000);
        int rate = Integer.getInteger("bench.rate", 50);
        int sample = Integer.getInteger("bench.sample", 10);
        Path dir = Files.createTempDirectory("care-bench");
        try (Stack stack = Stack.start(Stack.Layout.free(dir))) {
            List<String[]> filings = prepare(stack, count); // {filingId, uscc, name}
            Map<String, Long> approvedAt = new ConcurrentHashMap<>();
            Map<String, Long> eventAt = new ConcurrentHashMap<>();
            Map<String, Long> registeredAt = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread filingEvents = consume(stack, "filing-events", FILING_ID, eventAt, running);
            Thread registryEvents = consume(stack, "registry-events", USCC, registeredAt, running);
            Thread.sleep(3000); // consumers joined

            String token = stack.infra.keycloak.token("mz-530102");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String filing = stack.serviceUrl("filing-service");
            String registry = stack.serviceUrl("registry-service");
            List<Long> approveLatency = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Long> directoryLatency = java.util.Collections.synchronizedList(new ArrayList<>());
            Map<String, String> usccOf = new ConcurrentHashMap<>();
            CountDownLatch done = new CountDownLatch(count);
            ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
            long start = System.nanoTime();
            long periodNanos = 1_000_000_000L / rate;
            for (int i = 0; i < count; i++) {
                String[] f = filings.get(i);
                usccOf.put(f[0], f[1]);
                boolean sampled = i % sample == 0;
                clock.schedule(() -> {
                    long t0 = System.nanoTime();
                    HttpRequest request = HttpRequest.newBuilder(URI.create(filing + "/api/filings/" + f[0] + "/approve"))
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.noBody()).build();
                    http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                        long t1 = System.nanoTime();
                        if (error != null || response.statusCode() != 200) {
                            System.err.println("approve " + f[0] + " failed: " + (error != null ? error : response.statusCode()));
                            done.countDown();
                            return;
                        }
                        approveLatency.add(t1 - t0);
                        approvedAt.put(f[0], t1);
                        if (sampled) {
                            pollDirectory(http, registry, f[2], t1, directoryLatency);
                        }
                        done.countDown();
                    });
                }, periodNanos * i, TimeUnit.NANOSECONDS);
            }
            done.await(count / rate + 120, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            long wait = System.currentTimeMillis() + 60_000;
            while ((eventAt.size() < count || registeredAt.size() < count) && System.currentTimeMillis() < wait) {
                Thread.sleep(200);
            }
            running.set(false);
            clock.shutdownNow();
            filingEvents.join();
            registryEvents.join();

            List<Long> toEvent = new ArrayList<>();
            List<Long> toRegistry = new ArrayList<>();
            approvedAt.forEach((id, t1) -> {
                Long e = eventAt.get(id);
                if (e != null) {
                    toEvent.add(e - t1);
                }
                Long r = registeredAt.get(usccOf.get(id));
                if (r != null) {
                    toRegistry.add(r - t1);
                }
            });
            System.out.printf("%n=== %d approvals offered at %d/s, %d approved in %.1f s (%.1f/s) ===%n",
                    count, rate, approvedAt.size(), seconds, approvedAt.size() / seconds);
            report("approve request latency", approveLatency, count);
            report("approval -> FilingApproved on filing-events", toEvent, count);
            report("approval -> InstitutionRegistered on registry-events", toRegistry, count);
            report("approval -> found in public directory (sampled)", directoryLatency, (count + sample - 1) / sample);
        }
    }

    private static void pollDirectory(HttpClient http, String registry, String name, long t1, List<Long> into) {
        URI uri = URI.create(registry + "/api/directory/institutions?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                String body = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString())
                        .body();
                if (body.contains(name)) {
                    into.add(System.nanoTime() - t1);
                    return;
                }
                Thread.sleep(10);
            } catch (Exception e) {
                return;
            }
        }
    }

    private static Thread consume(Stack stack, String topic, Pattern key, Map<String, Long> seen, AtomicBoolean running) {
        Thread thread = new Thread(() -> {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infra.kafka.bootstrapServers());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
            try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(topic));
                while (running.get()) {
                    consumer.poll(Duration.ofMillis(20)).forEach(r -> {
                        long now = System.nanoTime();
                        Matcher m = key.matcher(r.value());
                        if (m.find()) {
                            seen.putIfAbsent(m.group(1), now);
                        }
                    });
                }
            }
        }, "bench-" + topic);
        thread.start();
        return thread;
    }

    /** ACCEPTED NEW 养老 filings of distinct institutions in 五华区, written straight into filing's database. */
    private static List<String[]> prepare(Stack stack, int count) throws Exception {
        List<String[]> filings = new ArrayList<>();
        long run = (System.currentTimeMillis() / 1000 % 90000) * 10000; // distinct codes and names per run
        try (Connection db = DriverManager.getConnection(stack.infra.postgres.jdbcUrl("filing"), "postgres", "postgres");
             PreparedStatement insert = db.prepareStatement("""
                     insert into filing (id, type, sector, status, uscc, institution_name, kind, ownership, city_code,
                       division_code, address, legal_representative, contact_phone, capacity, applicant, created_at,
                       first_submitted_at, submitted_at, accepted_at, due_on, version)
                     values (?, 'NEW', 'ELDERLY', 'ACCEPTED', ?, ?, 'PRIVATE_CARE_HOME', 'PRIVATE', '530100', '530102',
                       '昆明市五华区学府路1号', '张丽', '0871-65550101', 100, 'bench', ?, ?, ?, ?, ?, 0)""")) {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                String uscc = Identifiers.completeUscc("52530102" + "%09d".formatted(run + i));
                String name = "基准测试养老院" + (run + i);
                insert.setObject(1, id);
                insert.setString(2, uscc);
                insert.setString(3, name);
                insert.setTimestamp(4, now);
                insert.setTimestamp(5, now);
                insert.setTimestamp(6, now);
                insert.setTimestamp(7, now);
                insert.setObject(8, LocalDate.now().plusDays(7));
                insert.addBatch();
                filings.add(new String[]{id.toString(), uscc, name});
            }
            insert.executeBatch();
        }
        return filings;
    }

    private static void report(String what, List<Long> nanos, int expected) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        if (sorted.isEmpty()) {
            System.out.printf("%-55s no samples (expected %d)%n", what, expected);
            return;
        }
        System.out.printf("%-55s n=%d/%d  p50=%.1f ms  p99=%.1f ms  max=%.1f ms%n", what, sorted.size(), expected,
                ms(sorted, 0.50), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double ms(List<Long> sorted, double p) {
        int index = Math.max(0, (int) Math.ceil(p * sorted.size()) - 1);
        return sorted.get(index) / 1e6;
    }
}
