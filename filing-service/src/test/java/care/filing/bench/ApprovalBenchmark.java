package care.filing.bench;

import care.contracts.division.Divisions;
import care.contracts.validation.Identifiers;
import care.deploy.Keycloak;
import care.deploy.Stack;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
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
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Approvals at a fixed offered rate against a whole stack on free ports (filing-service and registry-service as
 * their built jars, real PostgreSQL, Kafka and Keycloak), and how long from the start of each approval request
 * until the institution is in the registry. A figure-reporting benchmark, not a pass/fail test: not part of verify
 * (the name does not end in Test). Run it after {@code ./mvnw -B -q -o package -DskipTests} with
 * {@code ./mvnw -B -o -pl deploy/runtime,filing-service -am test -Dtest=ApprovalBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. System properties: bench.approvals (measured, default 1000),
 * bench.rate per second (50), bench.warmup (approvals at the same rate before measuring, 3000: a minute, after which
 * the JIT compilers have done most of their work; after 500 the figures are those of services still being compiled,
 * p99 over ten times higher), bench.sample (every n-th approval is also polled in the public directory, 25),
 * bench.seed (county and sector draw, 1), bench.keep
 * (keep the temporary directory with the stack's logs, false).
 *
 * <p>Traffic spread as in practice, over every county of Kunming and Qujing (23; drawn uniformly, as no per-county
 * volumes were at hand), 2/3 养老 and 1/3 托育, each decided by the competent sector's reviewer. The realm has
 * county reviewers for three counties only, so the benchmark adds city-level reviewers (民政 and 卫健 of each city,
 * which the service treats as covering every county) through Keycloak's admin API. The ACCEPTED NEW filings of
 * distinct USCCs are written straight into filing-service's database (the applicant's path is not measured).
 *
 * <p>Measured from the moment each approve request is sent (open loop: requests leave on schedule whatever the
 * service's answers), consumed from the topics by this JVM:
 * <ul>
 *   <li>approve: the request's own latency (the approval has committed when it answers 200);</li>
 *   <li>FilingApproved: until the event is on filing-events and consumable (filing-service's outbox relay);</li>
 *   <li>registered: until registry-service's InstitutionRegistered is on registry-events. The registry writes it
 *       in the transaction that applies the approval, so the institution was visible at least this early: an upper
 *       bound of "visible in the registry" (its outbox relay adds a few ms);</li>
 *   <li>directory: for every n-th approval, until /api/directory/institutions?q=&lt;name&gt; finds it (polled every
 *       20 ms at first, then every tenth of the time waited), as a cross-check of the upper bound above.</li>
 * </ul>
 */
class ApprovalBenchmark {

    private static final Pattern FILING_ID = Pattern.compile("\"filingId\":\"([0-9a-f-]{36})\"");
    private static final Pattern USCC = Pattern.compile("\"uscc\":\"([0-9A-Z]{18})\"");
    private static final List<String> CITIES = List.of("530100", "530300");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One approval to make: the filing, its institution and who decides it. */
    record Approval(String filingId, String uscc, String name, String county, String sector, String reviewer) {
    }

    /** What happened to one approval, in nanoTime. */
    static final class Outcome {
        final Approval approval;
        volatile long sent;
        volatile long answered;
        volatile int status;
        volatile Long directory;

        Outcome(Approval approval) {
            this.approval = approval;
        }
    }

    @Test
    void approvalsAtAFixedRate() throws Exception {
        int count = Integer.getInteger("bench.approvals", 1000);
        int rate = Integer.getInteger("bench.rate", 50);
        int warmup = Integer.getInteger("bench.warmup", 3000);
        int sample = Integer.getInteger("bench.sample", 25);
        long seed = Long.getLong("bench.seed", 1);
        Path dir = Files.createTempDirectory("care-bench");
        try {
            run(dir, count, rate, warmup, sample, seed);
        } finally { // the stack's data and logs (tens of MB); bench.keep=true keeps them to look into
            if (!Boolean.getBoolean("bench.keep")) {
                try (var paths = Files.walk(dir)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private void run(Path dir, int count, int rate, int warmup, int sample, long seed) throws Exception {
        try (Stack stack = Stack.start(Stack.Layout.free(dir))) {
            Map<String, String> tokens = cityReviewers(stack);
            List<Approval> all = prepare(stack, warmup + count, new Random(seed));
            Map<String, Long> eventAt = new ConcurrentHashMap<>();
            Map<String, Long> registeredAt = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            CountDownLatch positioned = new CountDownLatch(2);
            Thread filingEvents = consume(stack, "filing-events", FILING_ID, eventAt, running, positioned);
            Thread registryEvents = consume(stack, "registry-events", USCC, registeredAt, running, positioned);
            positioned.await(60, TimeUnit.SECONDS);

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String filing = stack.serviceUrl("filing-service");
            String registry = stack.serviceUrl("registry-service");

            System.out.printf("%nwarm-up: %d approvals at %d/s (not in the figures)%n", warmup, rate);
            List<Outcome> warm = offer(http, filing, registry, tokens, all.subList(0, warmup), rate, 0);
            // measure from a drained state: every warm-up approval in the registry (at most 120 s), then 3 s more
            // for the JIT compilers to finish what the warm-up gave them
            long drained = System.currentTimeMillis() + 120_000;
            while (warm.stream().anyMatch(o -> o.status == 200 && !registeredAt.containsKey(o.approval.uscc()))
                    && System.currentTimeMillis() < drained) {
                Thread.sleep(200);
            }
            Thread.sleep(3000);

            Map<String, ProcessHandle> processes = processes(stack, dir);
            Map<String, Duration> cpuBefore = cpu(processes);
            long cpuFrom = System.nanoTime();
            String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
            long start = System.nanoTime();
            List<Outcome> outcomes = offer(http, filing, registry, tokens, all.subList(warmup, all.size()), rate, sample);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Outcome> approved = outcomes.stream().filter(o -> o.status == 200).toList();
            long wait = System.currentTimeMillis() + 60_000;
            while (approved.stream().anyMatch(o -> !eventAt.containsKey(o.approval.filingId())
                    || !registeredAt.containsKey(o.approval.uscc())) && System.currentTimeMillis() < wait) {
                Thread.sleep(200);
            }
            Map<String, Duration> cpuAfter = cpu(processes);
            double cpuSeconds = (System.nanoTime() - cpuFrom) / 1e9;
            String loadAfter = Files.readString(Path.of("/proc/loadavg")).strip();
            running.set(false);
            filingEvents.join();
            registryEvents.join();

            List<Long> request = new ArrayList<>();
            List<Long> toEvent = new ArrayList<>();
            List<Long> toRegistry = new ArrayList<>();
            List<Long> registryApply = new ArrayList<>();
            List<Long> toDirectory = new ArrayList<>();
            int polled = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome o = outcomes.get(i);
                if (o.status != 200) {
                    continue;
                }
                polled += sampled(i, sample) ? 1 : 0;
                request.add(o.answered - o.sent);
                Long e = eventAt.get(o.approval.filingId());
                Long r = registeredAt.get(o.approval.uscc());
                if (e != null) {
                    toEvent.add(e - o.sent);
                }
                if (r != null) {
                    toRegistry.add(r - o.sent);
                }
                if (e != null && r != null) {
                    registryApply.add(r - e);
                }
                if (o.directory != null) {
                    toDirectory.add(o.directory - o.sent);
                }
            }
            Map<String, Long> statuses = outcomes.stream().collect(Collectors.groupingBy(
                    o -> o.status == 0 ? "none within 30 s" : Integer.toString(o.status), TreeMap::new, Collectors.counting()));
            System.out.printf("%n=== %d approvals offered at %d/s over %d counties, %d answered 200 in %.1f s"
                            + " (%.1f/s); answers: %s ===%n", count, rate,
                    outcomes.stream().map(o -> o.approval.county()).distinct().count(), approved.size(), seconds,
                    approved.size() / seconds, statuses);
            report("approve request (send -> 200)", request, count);
            report("send -> FilingApproved consumable on filing-events", toEvent, approved.size());
            report("send -> InstitutionRegistered on registry-events", toRegistry, approved.size());
            report("  of which registry apply (FilingApproved -> InstitutionRegistered)", registryApply, approved.size());
            report("send -> found in public directory (sampled)", toDirectory, polled);
            System.out.printf("machine load (/proc/loadavg) before: %s, after: %s, cores: %d%n", loadBefore, loadAfter,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("CPU used from the first measured approval until the last event (ms per approval answered"
                    + " 200):%n");
            cpuAfter.forEach((name, after) -> {
                long ms = after.minus(cpuBefore.get(name)).toMillis();
                System.out.printf("  %-22s %7.1f s  %6.1f ms%n", name, ms / 1e3,
                        approved.isEmpty() ? 0.0 : (double) ms / approved.size());
            });
            long total = cpuAfter.entrySet().stream()
                    .mapToLong(e -> e.getValue().minus(cpuBefore.get(e.getKey())).toMillis()).sum();
            System.out.printf("  %-22s %7.1f s  %6.1f ms (%.2f of %d cores busy)%n", "all of these", total / 1e3,
                    approved.isEmpty() ? 0.0 : (double) total / approved.size(), total / 1e3 / cpuSeconds,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("missing: %d FilingApproved, %d InstitutionRegistered within 60 s of the last answer%n",
                    approved.size() - toEvent.size(), approved.size() - toRegistry.size());
        }
    }

    /**
     * The processes whose CPU time is worth knowing, so that the figures can be read against what the machine had
     * to give: the services (by their port), PostgreSQL (the postmaster and its backends), Kafka, Keycloak and this
     * benchmark's own JVM, which shares the cores with them.
     */
    private static Map<String, ProcessHandle> processes(Stack stack, Path dir) {
        Map<String, String> fragments = new TreeMap<>(Map.of(
                "filing-service", "-Dquarkus.http.port=" + stack.layout.filing(),
                "registry-service", "-Dquarkus.http.port=" + stack.layout.registry(),
                "subsidy-service", "-Dquarkus.http.port=" + stack.layout.subsidy(),
                "gateway", "-Dquarkus.http.port=" + stack.layout.gateway(),
                "portal", "-Dquarkus.http.port=" + stack.layout.portal(),
                "keycloak", "-Dkc.home.dir=",
                "postgresql", "-D " + dir.resolve("postgres"),
                "kafka", dir.resolve("kafka").toString()));
        Map<String, ProcessHandle> found = new TreeMap<>();
        fragments.forEach((name, fragment) -> ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(fragment)).orElse(false))
                .findFirst().ifPresentOrElse(p -> found.put(name, p),
                        () -> System.out.println("no process found for " + name + " (" + fragment + ")")));
        return found;
    }

    /**
     * CPU time so far of each process with its descendants (PostgreSQL's backends), and of this JVM alone (the
     * whole stack descends from it).
     */
    private static Map<String, Duration> cpu(Map<String, ProcessHandle> processes) {
        Map<String, Duration> cpu = new TreeMap<>();
        cpu.put("benchmark (this JVM)", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        processes.forEach((name, process) -> {
            Duration total = process.info().totalCpuDuration().orElse(Duration.ZERO);
            for (ProcessHandle child : process.descendants().toList()) {
                total = total.plus(child.info().totalCpuDuration().orElse(Duration.ZERO));
            }
            cpu.put(name, total);
        });
        return cpu;
    }

    private static boolean sampled(int index, int sample) {
        return sample > 0 && index % sample == 0;
    }

    /** Sends the approvals on a fixed schedule and waits for every answer (and sampled directory lookup). */
    private static List<Outcome> offer(HttpClient http, String filing, String registry, Map<String, String> tokens,
                                       List<Approval> approvals, int rate, int sample) throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(approvals.size());
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        long periodNanos = 1_000_000_000L / rate;
        for (int i = 0; i < approvals.size(); i++) {
            Outcome outcome = new Outcome(approvals.get(i));
            outcomes.add(outcome);
            boolean polled = sampled(i, sample);
            clock.schedule(() -> {
                Approval a = outcome.approval;
                HttpRequest request = HttpRequest.newBuilder(URI.create(filing + "/api/filings/" + a.filingId() + "/approve"))
                        .header("Authorization", "Bearer " + tokens.get(a.reviewer()))
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.noBody()).build();
                outcome.sent = System.nanoTime();
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                    outcome.answered = System.nanoTime();
                    if (error != null || response.statusCode() != 200) {
                        outcome.status = error != null ? 0 : response.statusCode();
                        System.err.println("approve " + a.filingId() + ": " + (error != null ? error
                                : response.statusCode() + " " + response.headers().firstValue("Retry-After")
                                .map(s -> "Retry-After " + s + " ").orElse("") + response.body()));
                        done.countDown();
                        return;
                    }
                    outcome.status = 200;
                    if (polled) {
                        outcome.directory = pollDirectory(http, registry, a.name());
                    }
                    done.countDown();
                });
            }, periodNanos * i, TimeUnit.NANOSECONDS);
        }
        done.await(approvals.size() / rate + 120, TimeUnit.SECONDS);
        clock.shutdownNow();
        return outcomes;
    }

    private static Long pollDirectory(HttpClient http, String registry, String name) {
        URI uri = URI.create(registry + "/api/directory/institutions?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                String body = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString())
                        .body();
                if (body.contains(name)) {
                    return System.nanoTime();
                }
                // 20 ms at first, then a tenth of the time waited so far (at most 500 ms): the figure stays within
                // about 10 %, and a registry that falls behind is not also flooded by lookups (at a flat 20 ms each
                // waiting approval searched up to 50 times a second; in a profile of a lagging registry the
                // directory searches took a third of its CPU)
                long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                Thread.sleep(Math.min(500, Math.max(20, waited / 10)));
            } catch (Exception e) {
                return null;
            }
        }
        return null;
    }

    /** Reads a topic from its current end; counts down {@code positioned} once it is there. */
    private static Thread consume(Stack stack, String topic, Pattern key, Map<String, Long> seen, AtomicBoolean running,
                                  CountDownLatch positioned) {
        Thread thread = new Thread(() -> {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infra.kafka.bootstrapServers());
            // the broker answers a waiting fetch as soon as a record arrives: a longer wait costs no latency, and
            // 5 ms made this benchmark's own idle fetches (up to 200 a second per topic) part of the broker's CPU
            props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions); // no group: nothing to rebalance while measuring
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                positioned.countDown();
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

    /**
     * City-level reviewers for both sectors of both cities (bench-mz-530100 …), created through Keycloak's admin API
     * with the attributes the realm's own reviewers carry; returns a token per reviewer.
     */
    private static Map<String, String> cityReviewers(Stack stack) throws Exception {
        String realm = stack.infra.keycloak.realmUrl();
        String base = realm.substring(0, realm.indexOf("/realms/"));
        HttpClient http = HttpClient.newHttpClient();
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
        String admin = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body())
                .get("access_token").asText();
        String users = base + "/admin/realms/" + Keycloak.REALM;
        Map<String, String> tokens = new ConcurrentHashMap<>();
        for (String city : CITIES) {
            for (String sector : List.of("ELDERLY", "CHILDCARE")) {
                String role = sector.equals("ELDERLY") ? "civil-affairs-reviewer" : "health-reviewer";
                String username = reviewer(city, sector);
                Map<String, Object> user = Map.of("username", username, "enabled", true, "emailVerified", true,
                        "firstName", "基准测试", "lastName", "审核员", "email", username + "@bench.care.invalid",
                        "attributes", Map.of("sector", List.of(sector), "division_code", List.of(city),
                                "city_code", List.of(city)),
                        "credentials", List.of(Map.of("type", "password", "value", Keycloak.DEMO_PASSWORD,
                                "temporary", false)));
                HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(users + "/users"))
                        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("cannot create " + username + ": " + created.body());
                }
                String userUrl = created.headers().firstValue("Location").orElseThrow();
                String roleJson = http.send(HttpRequest.newBuilder(URI.create(users + "/roles/" + role))
                        .header("Authorization", "Bearer " + admin).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                HttpResponse<String> mapped = http.send(HttpRequest.newBuilder(URI.create(userUrl + "/role-mappings/realm"))
                        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("[" + roleJson + "]")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (mapped.statusCode() != 204) {
                    throw new IllegalStateException("cannot give " + username + " " + role + ": " + mapped.body());
                }
                tokens.put(username, stack.infra.keycloak.token(username));
            }
        }
        return tokens;
    }

    private static String reviewer(String city, String sector) {
        return (sector.equals("ELDERLY") ? "bench-mz-" : "bench-wj-") + city;
    }

    /** ACCEPTED NEW filings of distinct institutions, counties drawn uniformly, written into filing's database. */
    private static List<Approval> prepare(Stack stack, int count, Random random) throws Exception {
        List<String> counties = CITIES.stream().flatMap(c -> Divisions.countiesOf(c).stream())
                .map(Divisions.Division::code).toList();
        List<Approval> approvals = new ArrayList<>();
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
                String sector = elderly ? "ELDERLY" : "CHILDCARE";
                UUID id = UUID.randomUUID();
                String uscc = Identifiers.completeUscc((elderly ? "52" : "91") + county + "%09d".formatted(run + i));
                String name = (elderly ? "基准测试养老院" : "基准测试托育园") + (run + i);
                int p = 1;
                insert.setObject(p++, id);
                insert.setString(p++, sector);
                insert.setString(p++, uscc);
                insert.setString(p++, name);
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
                approvals.add(new Approval(id.toString(), uscc, name, county, sector, reviewer(city, sector)));
            }
            insert.executeBatch();
        }
        return approvals;
    }

    private static void report(String what, List<Long> nanos, int expected) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        if (sorted.isEmpty()) {
            System.out.printf("%-70s no samples (expected %d)%n", what, expected);
            return;
        }
        System.out.printf("%-70s n=%d/%d  p50=%.1f ms  p95=%.1f ms  p99=%.1f ms  max=%.1f ms%n", what, sorted.size(),
                expected, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    /** Nearest rank. */
    private static double ms(List<Long> sorted, double p) {
        int index = Math.max(0, (int) Math.ceil(p * sorted.size()) - 1);
        return sorted.get(index) / 1e6;
    }
}
