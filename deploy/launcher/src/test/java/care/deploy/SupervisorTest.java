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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A part killed with kill -9 is started again by the supervisor, logged and counted in the status file. */
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
