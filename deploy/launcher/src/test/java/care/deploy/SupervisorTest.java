package care.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A part killed with kill -9 is started again by the supervisor, logged and counted in the status file; one that runs
 * but fails its liveness check past the grace is killed and started again.
 */
class SupervisorTest {

    @Test
    void aKilledPartIsStartedAgainAfterItsBackOffAndCounted(@TempDir Path dir) throws Exception {
        ChildProcess sleeper = ChildProcess.start("sleeper", List.of("sleep", "300"), Map.of(), dir,
                dir.resolve("logs/sleeper.log"));
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Path status = dir.resolve("status");
        try (Supervisor supervisor = new Supervisor(List.of(sleeper), status, log::add).start(Duration.ofMillis(100))) {
            awaitTrue(() -> Files.exists(status));
            assertTrue(Files.readString(status).matches("(?s).*sleeper\\s+running\\s+\\d+\\s+0 .*"), Files.readString(status));
            long first = sleeper.pid();

            sleeper.kill();
            awaitTrue(() -> supervisor.restarts("sleeper") == 1 && supervisor.state("sleeper") == Supervisor.State.RUNNING);
            assertNotEquals(first, sleeper.pid());
            assertTrue(sleeper.alive());
            awaitTrue(() -> Files.readString(status).matches("(?s).*sleeper\\s+running\\s+" + sleeper.pid() + "\\s+1 .*died.*"));
            assertTrue(log.stream().anyMatch(line -> line.startsWith("sleeper died (")), log.toString());
            assertTrue(log.contains("sleeper restarted (restart 1)"), log.toString());

            // killed again at once: the pause doubles (2 s), and the count goes on
            sleeper.kill();
            long died = System.nanoTime();
            awaitTrue(() -> supervisor.restarts("sleeper") == 2);
            assertTrue(Duration.ofNanos(System.nanoTime() - died).toMillis() >= 1900, "backed off 2 s");
            assertEquals(Supervisor.State.RUNNING, awaitState(supervisor));
        } finally {
            sleeper.close();
        }
    }

    @Test
    void aPartThatStaysNotLiveIsKilledAndStartedAgain(@TempDir Path dir) throws Exception {
        ChildProcess sleeper = ChildProcess.start("sleeper", List.of("sleep", "300"), Map.of(), dir,
                dir.resolve("logs/sleeper.log"));
        AtomicBoolean live = new AtomicBoolean(true);
        sleeper.liveness(live::get);
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try (Supervisor supervisor = new Supervisor(List.of(sleeper), dir.resolve("status"), log::add,
                Duration.ofMillis(500)).start(Duration.ofMillis(100))) {
            long first = sleeper.pid();
            live.set(false); // running, but its liveness check answers DOWN (a consumer that gave up)
            awaitTrue(() -> log.stream().anyMatch(line -> line.startsWith("sleeper failed its liveness check")));
            live.set(true); // the new process passes it
            awaitTrue(() -> supervisor.restarts("sleeper") == 1 && supervisor.state("sleeper") == Supervisor.State.RUNNING);
            assertNotEquals(first, sleeper.pid());
            assertTrue(sleeper.alive());
            assertTrue(log.stream().anyMatch(line -> line.startsWith("sleeper fails its liveness check")), log.toString());
        } finally {
            sleeper.close();
        }
    }

    @Test
    void aShortLivenessFailureIsForgiven(@TempDir Path dir) throws Exception {
        ChildProcess sleeper = ChildProcess.start("sleeper", List.of("sleep", "300"), Map.of(), dir,
                dir.resolve("logs/sleeper.log"));
        AtomicBoolean live = new AtomicBoolean(false);
        sleeper.liveness(live::get);
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try (Supervisor supervisor = new Supervisor(List.of(sleeper), dir.resolve("status"), log::add,
                Duration.ofSeconds(30)).start(Duration.ofMillis(100))) {
            awaitTrue(() -> log.stream().anyMatch(line -> line.startsWith("sleeper fails its liveness check")));
            live.set(true);
            Thread.sleep(500);
            assertEquals(0, supervisor.restarts("sleeper"));
            assertTrue(sleeper.alive());
        } finally {
            sleeper.close();
        }
    }

    private static Supervisor.State awaitState(Supervisor supervisor) throws Exception {
        awaitTrue(() -> supervisor.state("sleeper") == Supervisor.State.RUNNING);
        return supervisor.state("sleeper");
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!check.holds()) {
            assertTrue(System.nanoTime() < deadline, "not within 15 s");
            Thread.sleep(50);
        }
    }
}
