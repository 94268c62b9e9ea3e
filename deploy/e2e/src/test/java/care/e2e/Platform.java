package care.e2e;

import care.deploy.Repo;
import care.deploy.Stack;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One whole platform for all end-to-end test classes (PostgreSQL, Kafka, Keycloak, the three services and the
 * gateway, each from its built jar, on free ports), started by the first class that asks and stopped when the
 * test JVM ends. Requests go through the gateway with real Keycloak tokens.
 */
final class Platform {

    static final String FINANCE_KUNMING_SECRET = "finance-kunming-demo-secret";

    private static Stack stack;
    private static RuntimeException failedToStart;
    private static Fixtures fixtures;
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(4);

    private Platform() {
    }

    static synchronized Stack stack() {
        if (failedToStart != null) {
            throw failedToStart; // once is enough: the next class would only wait as long again
        }
        if (stack == null) {
            Path workDir;
            try {
                workDir = Files.createTempDirectory("care-e2e-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                stack = Stack.start(Stack.Layout.free(workDir));
            } catch (RuntimeException e) {
                failedToStart = e;
                throw e;
            }
            Stack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                try {
                    keepLogs(workDir.resolve("logs"));
                } catch (IOException e) {
                    System.err.println("could not keep the platform's logs: " + e);
                }
                try {
                    Repo.deleteTree(workDir);
                } catch (IOException e) {
                    System.err.println("could not delete " + workDir + ": " + e);
                }
            }, "e2e-platform-down"));
            RestAssured.baseURI = stack.gatewayUrl();
        }
        return stack;
    }

    /**
     * The platform's logs outlive its temporary directory, in deploy/e2e/target/stack-logs (replaced by the next
     * run): a failure that happens once in many runs is read from them, not reproduced.
     */
    private static void keepLogs(Path logs) throws IOException {
        Path kept = Repo.root().resolve("deploy/e2e/target/stack-logs");
        Repo.deleteTree(kept);
        Files.createDirectories(kept);
        try (var files = Files.list(logs)) {
            for (Path log : files.toList()) {
                Files.copy(log, kept.resolve(log.getFileName()));
            }
        }
    }

    /** The records tests act on, made once per platform (see {@link Fixtures}). */
    static synchronized Fixtures fixtures() {
        if (fixtures == null) {
            stack();
            fixtures = new Fixtures();
        }
        return fixtures;
    }

    /**
     * A demo user's access token (password grant of care-cli), or "finance-kunming" for the finance client's. Kept
     * for four minutes: the realm's tokens live five, and the whole suite runs longer than that.
     */
    static String token(String user) {
        return TOKENS.compute(user, (u, held) -> held != null && held.fetched().plus(TOKEN_REUSE).isAfter(Instant.now())
                ? held
                : new Token(u.equals("finance-kunming")
                        ? stack().infra.keycloak.clientToken(u, FINANCE_KUNMING_SECRET)
                        : stack().infra.keycloak.token(u), Instant.now())).value();
    }

    private record Token(String value, Instant fetched) {
    }

    static ValidatableResponse as(String user, String method, String path, Object body) {
        var request = given().auth().oauth2(token(user)).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.request(method, path).then();
    }

    static <T> T eventually(Supplier<T> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("not reached within 20 s");
    }
}
