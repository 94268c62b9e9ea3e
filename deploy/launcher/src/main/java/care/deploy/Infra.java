package care.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** PostgreSQL, Kafka and Keycloak, started side by side; stopped in reverse order. */
public final class Infra implements AutoCloseable {

    public static final List<String> DATABASES = List.of("registry", "filing", "subsidy");

    public final Postgres postgres;
    public final Kafka kafka;
    public final Keycloak keycloak;

    private Infra(Postgres postgres, Kafka kafka, Keycloak keycloak) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.keycloak = keycloak;
    }

    /** Where each part listens (Keycloak elsewhere when the build's test JVMs share one: {@link BuildKeycloak}). */
    public record Ports(int postgres, int kafka, int kafkaController, int keycloak, int keycloakManagement) {
        public static Ports free() {
            return new Ports(Repo.freePort(), Repo.freePort(), Repo.freePort(), Repo.freePort(), Repo.freePort());
        }
    }

    /** @param keepData whether PostgreSQL and Keycloak keep their data between starts (the local stack) */
    public static Infra start(Path workDir, Path keycloakHome, Ports ports, boolean keepData) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var keycloak = CompletableFuture.supplyAsync(() -> !keepData && BuildKeycloak.enabled()
                ? BuildKeycloak.shared(keycloakHome)
                : Keycloak.start(keycloakHome, ports.keycloak(), ports.keycloakManagement(),
                        workDir.resolve("logs/keycloak.log"), keepData));
        var kafka = CompletableFuture.supplyAsync(() -> Kafka.start(workDir.resolve("kafka"), ports.kafka(),
                ports.kafkaController()));
        Postgres postgres = Postgres.start(workDir.resolve("postgres"), ports.postgres(), keepData);
        DATABASES.forEach(postgres::createDatabaseIfMissing);
        try {
            return new Infra(postgres, kafka.join(), keycloak.join());
        } catch (RuntimeException e) {
            closeWhenStarted(kafka);
            closeWhenStarted(keycloak);
            postgres.close();
            throw e;
        }
    }

    private static void closeWhenStarted(CompletableFuture<? extends AutoCloseable> starting) {
        try {
            starting.join().close();
        } catch (Exception ignored) {
            // it did not start, or is already reported by the failure being thrown
        }
    }

    @Override
    public void close() {
        keycloak.close();
        kafka.close();
        postgres.close();
    }
}
