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
        assertSecondStoppedWhileFirstRan(dir, "ends");
    }

    /**
     * A part its owner is stopping when the JVM ends (the end-to-end suite's own hook closes the stack, services side
     * by side) is waited for before the parts started earlier: it still uses them while it stops.
     */
    @Test
    void aPartItsOwnerIsStoppingIsWaitedForBeforeThoseStartedEarlier(@TempDir Path dir) throws Exception {
        assertSecondStoppedWhileFirstRan(dir, "stops-second-and-ends");
    }

    /** Runs {@link #main} in a child JVM on this class path and reads what its two parts wrote when told to stop. */
    private static void assertSecondStoppedWhileFirstRan(Path dir, String how) throws Exception {
        Process jvm = new ProcessBuilder(Repo.javaBinary(), "-cp", System.getProperty("java.class.path"),
                TeardownTest.class.getName(), dir.toString(), how).redirectErrorStream(true).start();
        assertTrue(jvm.waitFor(60, TimeUnit.SECONDS), "the JVM ended");
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(Files.exists(dir.resolve("stopped")), output);
        assertEquals(List.of("second stops, first running", "first stops"),
                Files.readAllLines(dir.resolve("stopped")), output);
    }

    /**
     * Starts two parts, waits until both listen for their stop, and ends: the shutdown hook stops them. Told to stop,
     * the second waits a second before it looks at the first (a further SIGTERM ends the wait, not the part); with
     * "stops-second-and-ends" the JVM ends while a thread of its own is stopping the second.
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        ChildProcess first = part(dir, "first", "echo 'first stops'");
        ChildProcess second = part(dir, "second", "sleep 1; if kill -0 " + first.pid()
                + "; then echo 'second stops, first running'; else echo 'second stops, first gone'; fi");
        ChildProcess.awaitReady("the two parts", () -> Files.exists(dir.resolve("first.ready"))
                && Files.exists(dir.resolve("second.ready")), () -> null, Duration.ofSeconds(30), dir);
        if ("stops-second-and-ends".equals(args[1])) {
            Thread owner = new Thread(second::close, "owner");
            owner.setDaemon(true); // the JVM ends while it waits
            owner.start();
            Thread.sleep(300);
        }
    }

    private static ChildProcess part(Path dir, String name, String onStop) {
        String script = "trap \"trap '' TERM; " + onStop.replace("\"", "\\\"") + " >> stopped; exit 0\" TERM; touch "
                + name + ".ready; while :; do sleep 0.05; done";
        return ChildProcess.start(name, List.of("/bin/sh", "-c", script), Map.of(), dir, dir.resolve(name + ".log"));
    }
}
