package care.bench;

import care.contracts.division.Divisions;
import care.contracts.validation.Identifiers;
import care.deploy.Stack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Approvals at a fixed rate through the gateway, each timed from the moment it was due until the registry's
 * InstitutionRegistered for it is on registry-events (the registry writes that event in the transaction that
 * makes the institution visible, so this is an upper bound of "visible in the registry"). The filings are
 * filing-service's ApprovalBenchmark's: ACCEPTED NEW filings of distinct institutions over the 23 counties of
 * Kunming and Qujing, 2/3 养老 and 1/3 托育, written straight into filing's database; each is decided by its city's
 * reviewer of the competent sector (the demo realm's mz-/wj-530100 and -530300, who cover every county of the city).
 */
final class Approvals implements AutoCloseable {

    private static final Pattern USCC = Pattern.compile("\"uscc\":\"([0-9A-Z]{18})\"");
    private static final List<String> CITIES = List.of("530100", "530300");

    record Approval(String filingId, String uscc, String reviewer) {
    }

    private final Stack stack;
    private final List<Approval> pending = new ArrayList<>();
    private int next;
    private final Map<String, CompletableFuture<Long>> registered = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread listener;
    private Map<String, String> tokens = Map.of();

    Approvals(Stack stack, int count) throws Exception {
        this.stack = stack;
        prepare(count, new Random(1));
        CountDownLatch positioned = new CountDownLatch(1);
        listener = new Thread(() -> listen(positioned), "bench-registry-events");
        listener.setDaemon(true);
        listener.start();
        if (!positioned.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("registry-events not readable within 60 s");
        }
    }

    /** Fresh tokens (they live five minutes): before each phase. */
    void refreshTokens() {
        Map<String, String> fresh = new ConcurrentHashMap<>();
        for (String city : CITIES) {
            for (String reviewer : List.of("mz-" + city, "wj-" + city)) {
                fresh.put(reviewer, stack.infra.keycloak.token(reviewer));
            }
        }
        tokens = fresh;
    }

    int left() {
        return pending.size() - next;
    }

    /** {@code rate} approvals a second for {@code seconds}, each timed until its institution is registered. */
    Load.Result offer(int rate, double seconds) throws InterruptedException {
        return offer(rate, seconds, Load.Timing.NONE, Load.Timing.NONE);
    }

    /**
     * As {@link #offer(int, double)}, telling {@code registeredAt} each approval's time until registered (from the
     * moment it was due) and {@code answeredAt} its time from sending the approve to the gateway's answer.
     */
    Load.Result offer(int rate, double seconds, Load.Timing registeredAt, Load.Timing answeredAt)
            throws InterruptedException {
        refreshTokens();
        int count = (int) Math.round(rate * seconds);
        if (left() < count) {
            throw new IllegalStateException("only " + left() + " filings left to approve, " + count + " needed");
        }
        List<Approval> batch = pending.subList(next, next + count);
        next += count;
        String gateway = stack.gatewayUrl();
        Load.Result sent = Load.fixedRate(rate, seconds, i -> {
            long sentAt = System.nanoTime();
            Approval a = batch.get(i);
            CompletableFuture<Long> seen = registered.computeIfAbsent(a.uscc(), k -> new CompletableFuture<>());
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/filings/" + a.filingId() + "/approve"))
                    .header("Authorization", "Bearer " + tokens.get(a.reviewer()))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"comment\":\"基准测试\"}")).build();
            return Load.HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenCompose(response -> {
                        if (response.statusCode() != 200) {
                            return CompletableFuture.completedFuture(response.statusCode());
                        }
                        answeredAt.record(i, (System.nanoTime() - sentAt) / 1000);
                        return seen.orTimeout(60, TimeUnit.SECONDS).thenApply(at -> 200);
                    });
        }, registeredAt);
        return sent;
    }

    /** Waits until nothing sent is still on its way to the registry (at most {@code seconds}). */
    void drain(int seconds) throws InterruptedException {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (registered.values().stream().anyMatch(f -> !f.isDone()) && System.nanoTime() < until) {
            Thread.sleep(200);
        }
    }

    private void listen(CountDownLatch positioned) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infra.kafka.bootstrapServers());
        // the broker answers a waiting fetch as soon as a record arrives: a longer wait costs no latency
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("registry-events").stream()
                    .map(p -> new TopicPartition("registry-events", p.partition())).toList();
            consumer.assign(partitions); // no group: nothing to rebalance while measuring
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (running.get()) {
                consumer.poll(Duration.ofMillis(50)).forEach(r -> {
                    long now = System.nanoTime();
                    if (r.value().contains("InstitutionRegistered")) {
                        Matcher m = USCC.matcher(r.value());
                        if (m.find()) {
                            registered.computeIfAbsent(m.group(1), k -> new CompletableFuture<>()).complete(now);
                        }
                    }
                });
            }
        }
    }

    /** ACCEPTED NEW filings of distinct institutions, counties drawn uniformly (ApprovalBenchmark's). */
    private void prepare(int count, Random random) throws Exception {
        List<String> counties = CITIES.stream().flatMap(c -> Divisions.countiesOf(c).stream())
                .map(Divisions.Division::code).toList();
        long run = (System.currentTimeMillis() / 1000 % 90000) * 10000; // distinct codes and names per run
        try (Connection db = DriverManager.getConnection(stack.infra.postgres.jdbcUrl("filing"), "postgres", "postgres");
             PreparedStatement insert = db.prepareStatement("""
                     insert into filing (id, type, sector, status, uscc, institution_name, kind, ownership, city_code,
                       division_code, address, legal_representative, contact_phone, capacity, applicant, created_at,
                       first_submitted_at, submitted_at, accepted_at, due_on, version)
                     values (?, 'NEW', ?, 'ACCEPTED', ?, ?, ?, 'PRIVATE', ?, ?, ?, '张丽', '0871-65550101', 100, 'bench',
                       ?, ?, ?, ?, ?, 0)""")) {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            for (int i = 0; i < count; i++) {
                String county = counties.get(random.nextInt(counties.size()));
                String city = Divisions.cityOf(county).orElseThrow();
                boolean elderly = random.nextInt(3) < 2;
                UUID id = UUID.randomUUID();
                String uscc = Identifiers.completeUscc((elderly ? "52" : "91") + county + "%09d".formatted(run + i));
                int p = 1;
                insert.setObject(p++, id);
                insert.setString(p++, elderly ? "ELDERLY" : "CHILDCARE");
                insert.setString(p++, uscc);
                insert.setString(p++, (elderly ? "基准测试养老院" : "基准测试托育园") + (run + i));
                insert.setString(p++, elderly ? "PRIVATE_CARE_HOME" : "FULL_DAYCARE");
                insert.setString(p++, city);
                insert.setString(p++, county);
                insert.setString(p++, Divisions.find(county).orElseThrow().name() + "基准路" + i + "号");
                insert.setTimestamp(p++, now);
                insert.setTimestamp(p++, now);
                insert.setTimestamp(p++, now);
                insert.setTimestamp(p++, now);
                insert.setObject(p, LocalDate.now().plusDays(7));
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
                pending.add(new Approval(id.toString(), uscc, (elderly ? "mz-" : "wj-") + city));
            }
            insert.executeBatch();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        listener.join(5000);
    }
}
