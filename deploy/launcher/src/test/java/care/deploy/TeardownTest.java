package care.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JVM that ends stops what it started newest first, so a service stops while the PostgreSQL and Kafka started
 * before it still run. The JVM here is a child of the test's, on its class path ({@link #main}); its two parts are
 * shells that write down, when they are told to stop, whether the part started first is still running.
 */
class TeardownTest {

    @Test
    void whatAJvmStartedLastIsStoppedFirstWhenItEnds(@TempDir Path dir) throws Exception {
        Process jvm = new ProcessBuilder(Repo.javaBinary(), "-cp", System.getProperty("java.class.path"),
                TeardownTest.class.getName(), dir.toString()).redirectErrorStream(true).start();
        assertTrue(jvm.waitFor(60, TimeUnit.SECONDS), "the JVM ended");
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(List.of("second stops, first running", "first stops"),
                Files.readAllLines(dir.resolve("stopped")), output);
    }

    /** Starts two parts, waits until both listen for their stop, and ends: the shutdown hook stops them. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        ChildProcess first = part(dir, "first", "echo 'first stops'");
        part(dir, "second", "if kill -0 " + first.pid() + "; then echo 'second stops, first running';"
                + " else echo 'second stops, first gone'; fi");
        ChildProcess.awaitReady("the two parts", () -> Files.exists(dir.resolve("first.ready"))
                && Files.exists(dir.resolve("second.ready")), () -> null, Duration.ofSeconds(30), dir);
    }

    private static ChildProcess part(Path dir, String name, String onStop) {
        String script = "trap \"" + onStop.replace("\"", "\\\"") + " >> stopped; exit 0\" TERM; touch " + name
                + ".ready; while :; do sleep 0.05; done";
        return ChildProcess.start(name, List.of("/bin/sh", "-c", script), Map.of(), dir, dir.resolve(name + ".log"));
    }
}
