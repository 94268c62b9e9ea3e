package care.deploy;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The whole platform as processes: the infrastructure plus the services, the gateway and the portal from their
 * built jars.
 * {@code deploy/stack up} runs {@link #main} in the background; the end-to-end tests start one on free ports.
 */
public final class Stack implements AutoCloseable {

    /**
     * Where everything listens; {@link #local} is what the README promises. A persistent layout (the local stack)
     * keeps its PostgreSQL data between runs and has a Keycloak copy of its own, never shared with a test build.
     */
    public record Layout(Path workDir, Infra.Ports infra, int gateway, int registry, int filing, int subsidy,
                         int portal, boolean persistent) {

        public static Layout local(Path workDir) {
            return new Layout(workDir, new Infra.Ports(15432, 19092, 19093, 8180, 9180), 8080, 8081, 8082, 8083, 8084,
                    true);
        }

        public static Layout free(Path workDir) {
            return new Layout(workDir, Infra.Ports.free(), Repo.freePort(), Repo.freePort(), Repo.freePort(),
                    Repo.freePort(), Repo.freePort(), false);
        }
    }

    /** How many institutions the local stack's demo register has (filing-service's DemoRegister). */
    static final String DEMO_INSTITUTIONS = "600";

    /** The class data archive Quarkus writes beside quarkus-run.jar when quarkus.package.jar.appcds is on. */
    private static final String APP_CDS = "app-cds.jsa";

    /** Logs in once through the portal before the stack counts as up (PortalLogin). */
    private static final String SMOKE_USER = "inst-elderly";

    public final Layout layout;
    public final Infra infra;
    private final List<ChildProcess> services = new ArrayList<>();
    private Duration firstLogin;

    private Stack(Layout layout, Infra infra) {
        this.layout = layout;
        this.infra = infra;
    }

    public static Stack start(Layout layout) {
        Path keycloak = layout.persistent() ? ownKeycloak(layout.workDir()) : Repo.keycloakHome();
        Infra infra = Infra.start(layout.workDir(), keycloak, layout.infra(), layout.persistent());
        Stack stack = new Stack(layout, infra);
        try {
            // the portal logs in through the gateway's origin: Keycloak must accept it as a redirect (free ports);
            // a persistent layout's Keycloak is its own, so the origins of its earlier starts go
            infra.keycloak.allowPortalOrigin(stack.gatewayUrl(), layout.persistent());
            List<CompletableFuture<ChildProcess>> processes = List.of(
                    CompletableFuture.supplyAsync(() -> stack.service("registry-service", layout.registry(), "registry")),
                    CompletableFuture.supplyAsync(() -> stack.service("filing-service", layout.filing(), "filing")),
                    CompletableFuture.supplyAsync(() -> stack.service("subsidy-service", layout.subsidy(), "subsidy")),
                    CompletableFuture.supplyAsync(stack::portal),
                    // the gateway needs no backend to start; it answers 503 for a route whose service is not up yet
                    CompletableFuture.supplyAsync(stack::gateway));
            RuntimeException failure = null;
            for (CompletableFuture<ChildProcess> process : processes) {
                try {
                    stack.services.add(process.join()); // keep every one that started, so close() stops it
                } catch (RuntimeException e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
            stack.firstLogin = PortalLogin.asDemoUser(stack.gatewayUrl(), SMOKE_USER);
            System.out.printf("a demo user (%s) logged in through the portal in %d ms (the first login after a start)%n",
                    SMOKE_USER, stack.firstLogin.toMillis());
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** Every part as a process: PostgreSQL, Kafka, Keycloak, the services, the portal and the gateway. */
    public List<Part> parts() {
        List<Part> parts = new ArrayList<>(List.of(infra.postgres, infra.kafka.process()));
        if (infra.keycloak.process() != null) { // not the build's shared Keycloak, which no test may stop
            parts.add(infra.keycloak.process());
        }
        parts.addAll(services);
        return parts;
    }

    /** The part named {@code name}: postgres, kafka, keycloak, registry-service, filing-service, …, gateway. */
    public Part part(String name) {
        return parts().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no part " + name));
    }

    /** Starts a part that died (or was killed) again, and waits until it is ready. */
    public Duration startAgain(String name) {
        long started = System.nanoTime();
        Part part = part(name);
        part.restart();
        long deadline = started + Duration.ofMinutes(5).toNanos();
        while (!part.ready()) {
            if (!part.alive() && !name.equals("postgres")) { // pg_ctl returns before the postmaster writes its pid
                throw new IllegalStateException(name + " died again while starting");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready 5 min after its restart");
            }
            ChildProcess.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    public String gatewayUrl() {
        return "http://localhost:" + layout.gateway();
    }

    public String serviceUrl(String service) {
        int port = switch (service) {
            case "registry-service" -> layout.registry();
            case "filing-service" -> layout.filing();
            case "subsidy-service" -> layout.subsidy();
            case "portal" -> layout.portal();
            default -> layout.gateway();
        };
        return "http://localhost:" + port;
    }

    private ChildProcess service(String name, int port, String database) {
        Map<String, String> config = new HashMap<>();
        if (layout.persistent()) { // the local stack: each service generates its part of the demo data
            config.put("care.demo", "true");
            config.put("care.demo.institutions", DEMO_INSTITUTIONS);
        }
        if (name.equals("registry-service")) { // keys for citizen IDs; never these in production
            // the local stack's data outlives a restart, so it keeps the published demo keys; a test run has its own
            // (the keyring's version 1: the key the local stack has always sealed its roster with)
            config.put("care.pii.keys", "1:" + (layout.persistent() ? "R5rF267sNQo2Ul+8ELg4nH/OjhLtUtAe6gSNSD/3t90=" : randomKey()));
            config.put("care.pii.hash-key", layout.persistent() ? "tdYgWWOJmBA2A8zwbY+QNuMZA7YUE+yBBx2g9TqT3Pg=" : randomKey());
            // accounts are made through Keycloak's admin API, as the demo realm's client registry-accounts
            config.put("quarkus.keycloak.admin-client.server-url", infra.keycloak.serverUrl());
            config.put("quarkus.keycloak.admin-client.client-secret", "registry-accounts-demo-secret");
        }
        if (name.equals("subsidy-service") && !layout.persistent()) {
            // the end-to-end tests' slices take milliseconds: a generation whose service was killed is taken up
            // again within seconds of its restart instead of two minutes (FaultTest)
            config.put("subsidy.generation.stalled-after", "5s");
            config.put("subsidy.generation.resume-every", "2s");
        }
        config.put("quarkus.datasource.jdbc.url", infra.postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", Postgres.USER);
        config.put("quarkus.datasource.password", Postgres.PASSWORD);
        config.put("kafka.bootstrap.servers", infra.kafka.bootstrapServers());
        return quarkusApp(name, port, config);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    private ChildProcess gateway() {
        Map<String, String> config = new HashMap<>(Map.of(
                "gateway.routes.registry.url", serviceUrl("registry-service"),
                "gateway.routes.filing.url", serviceUrl("filing-service"),
                "gateway.routes.subsidy.url", serviceUrl("subsidy-service"),
                "gateway.routes.portal.url", serviceUrl("portal")));
        if (!layout.persistent()) { // end-to-end tests call quickly as few users; the gateway's own tests cover limits
            config.put("gateway.rate-limit.per-second", "1000");
            config.put("gateway.rate-limit.registrations-per-hour", "1000");
        }
        return quarkusApp("gateway", layout.gateway(), config);
    }

    /** The web portal: pages only, it calls the API through the gateway with the user's token. */
    private ChildProcess portal() {
        // cookie secrets of this stack alone: a restart only means logging in again
        return quarkusApp("portal", layout.portal(), Map.of("portal.api-url", gatewayUrl(),
                "quarkus.oidc.authentication.state-secret", randomSecret(),
                "quarkus.oidc.token-state-manager.encryption-secret", randomSecret()));
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private ChildProcess quarkusApp(String name, int port, Map<String, String> config) {
        Path app = Repo.root().resolve(name).resolve("target/quarkus-app");
        Path jar = app.resolve("quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw package -DskipTests)");
        }
        List<String> command = new ArrayList<>(List.of(Repo.javaBinary(),
                // sized for a laptop or a 2-core CI machine: each service's heap at most 256 MB. The heap keeps the
                // JVM's default headroom above what is live: held to 10-30 % free (to stay small when idle) it ran
                // into full collections of 0.6-2 s every few seconds under load (GC logs of the approval benchmark)
                "-Xms96m", "-Xmx256m", "-XX:+UseSerialGC",
                // a service's classes take 80-95 MB of metaspace (the gateway's and portal's ~35): from the default
                // 20 MB threshold, its growth cost four full collections while a service warmed up. The registry's
                // (Keycloak admin client, POI for the XLSX export, OpenTelemetry) ran out of 128 MB in the e2e suite;
                // a cap, not a reservation: only what is loaded is committed
                "-XX:MetaspaceSize=112m", "-XX:MaxMetaspaceSize=256m",
                "-XX:ReservedCodeCacheSize=64m", "-Xss512k",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.oidc.auth-server-url=" + infra.keycloak.realmUrl()));
        if (jvmKnows("TrimNativeHeapInterval")) {
            // glibc keeps what the JIT and the JDBC, Kafka and Netty buffers freed in its arenas; returned to the
            // system every 5 s, each one's RSS idle after the benchmark is 13-49 MB smaller (docs/benchmarks.md)
            command.add("-XX:TrimNativeHeapInterval=5000");
        }
        if (Files.exists(app.resolve(APP_CDS))) {
            // the classes the build's AppCDS run loaded (quarkus.package.jar.appcds), mapped instead of loaded and
            // verified again at each start. The JVM takes the archive only for the very jar path it was made with,
            // quarkus-run.jar in its own directory, so the service runs there; it ignores an archive of another JDK
            command.add("-XX:SharedArchiveFile=" + APP_CDS);
        }
        // more JVM options for every service, the gateway and the portal, e.g. a GC log or a flight recording
        String extra = System.getenv("CARE_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.getFileName().toString()); // relative: the path the class data archive was made with
        ChildProcess process = ChildProcess.start(name, command, Map.of(), app,
                layout.workDir().resolve("logs/" + name + ".log"));
        // two minutes were too few for a service on the shared 2-core machine at load 30 (the gateway alone took 87 s)
        process.awaitReady(() -> ChildProcess.answers200("http://localhost:" + port + "/q/health/ready"),
                Duration.ofMinutes(5));
        process.liveness(() -> ChildProcess.answers200("http://localhost:" + port + "/q/health/live"));
        return process;
    }

    /**
     * Whether the services' JVM (this one's, {@link Repo#javaBinary}) has a product flag: an unknown -XX option stops
     * a JVM at start, and some came to Java 17 in an update (TrimNativeHeapInterval in 17.0.9).
     */
    static boolean jvmKnows(String flag) {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(flag);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static Path ownKeycloak(Path workDir) {
        Path shared = Repo.keycloakHome();
        Path own = workDir.resolve(shared.getFileName());
        if (!Files.exists(own.resolve("bin/kc.sh"))) {
            copyTree(shared, own);
            // the copy starts from the realm file, not from whatever a test run left in the shared home
            deleteData(own);
        }
        return own;
    }

    private static void deleteData(Path keycloakHome) {
        try {
            Repo.deleteTree(keycloakHome.resolve("data/h2"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The services side by side, then what they use. One after the other, their shutdowns added up: registry-service
     * alone takes about 8 s (its three consumers leave their group one after the other).
     */
    @Override
    public void close() {
        try {
            CompletableFuture.allOf(services.stream().map(service -> CompletableFuture.runAsync(service::close))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            infra.close();
        }
    }

    /** Runs the local stack until this process is told to stop (deploy/stack down sends SIGTERM). */
    public static void main(String[] args) throws Exception {
        Path workDir = Repo.root().resolve(".stack");
        Files.createDirectories(workDir.resolve("logs"));
        Path ready = workDir.resolve("ready");
        Files.deleteIfExists(ready);
        long started = System.nanoTime();
        Stack stack = start(Layout.local(workDir));
        Supervisor supervisor = new Supervisor(stack.parts(), workDir.resolve("status"),
                line -> System.out.printf("%s supervisor: %s%n", java.time.LocalTime.now().withNano(0), line))
                .start(Duration.ofSeconds(1));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            supervisor.close(); // first: it must not start again what is being stopped
            try {
                Files.deleteIfExists(ready);
                Files.deleteIfExists(workDir.resolve("status"));
            } catch (IOException ignored) {
                // the stack is going away either way
            }
            stack.close();
        }, "stack-down"));
        Files.writeString(ready, "healthy after %d s; the first login through the portal took %d ms%n".formatted(
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), stack.firstLogin.toMillis()));
        Thread.currentThread().join();
    }
}
