package care.deploy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every test JVM of one Maven build must name the same build, or each module starts Keycloak again: surefire starts
 * its JVMs through {@code /bin/sh -c}, the exec plugin starts its JVM directly. Here this test's JVM plays the build.
 */
class BuildKeycloakTest {

    @Test
    void aProcessStartedThroughAShellBelongsToTheProcessThatStartedTheShell() throws Exception {
        // "; true" keeps the shell waiting for sleep instead of becoming it, as surefire's "cd … && java …" does
        Process shell = new ProcessBuilder("/bin/sh", "-c", "sleep 60; true").start();
        try {
            ProcessHandle sleep = childOf(shell.toHandle());
            assertEquals(shell.pid(), sleep.parent().orElseThrow().pid(), "the shell stays between");
            assertEquals(ProcessHandle.current().pid(), BuildKeycloak.buildProcess(sleep).pid());
        } finally {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly();
        }
    }

    @Test
    void aProcessStartedDirectlyBelongsToItsParent() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            assertEquals(ProcessHandle.current().pid(), BuildKeycloak.buildProcess(sleep.toHandle()).pid());
        } finally {
            sleep.destroyForcibly();
        }
    }

    private static ProcessHandle childOf(ProcessHandle parent) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> child = parent.children().findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the shell started no process within 10 s");
    }
}
