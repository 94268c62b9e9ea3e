package care.deploy;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The shared Quarkus test resource: every {@code @QuarkusTest} of a service runs against real PostgreSQL, Kafka and
 * Keycloak processes. They start once per test JVM, on free ports, with empty databases, and stop when it exits.
 * Use {@code @WithTestResource(value = CareTestResource.class, initArgs = @ResourceArg(name = "database", value = "filing"))}.
 */
public class CareTestResource implements QuarkusTestResourceLifecycleManager {

    private static Infra infra;

    private String database;

    public static synchronized Infra infra() {
        if (infra == null) {
            try {
                Path work = Files.createTempDirectory("care-test-");
                infra = Infra.start(work, Repo.keycloakHome(), Infra.Ports.free(), false);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    infra.close();
                    try {
                        Repo.deleteTree(work);
                    } catch (IOException e) {
                        System.err.println("could not remove " + work + ": " + e);
                    }
                }, "care-test-infra-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return infra;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        Infra running = infra();
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "kafka.bootstrap.servers", running.kafka.bootstrapServers(),
                "quarkus.oidc.auth-server-url", running.keycloak.realmUrl(),
                // registry-service's accounts feature drives Keycloak's admin API (others ignore it)
                "quarkus.keycloak.admin-client.server-url", running.keycloak.serverUrl()));
        if (database != null) {
            config.put("quarkus.datasource.jdbc.url", running.postgres.jdbcUrl(database));
            config.put("quarkus.datasource.username", Postgres.USER);
            config.put("quarkus.datasource.password", Postgres.PASSWORD);
        }
        return config;
    }

    @Override
    public void stop() {
        // the processes outlive one application start; the JVM's shutdown hook stops them
    }
}
