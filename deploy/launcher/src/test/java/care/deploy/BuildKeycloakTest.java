package care.deploy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every test JVM of one Maven build must name the same build, or each module starts Keycloak again: surefire starts
 * its JVMs through {@code /bin/sh -c}, the exec plugin starts its JVM directly. Here this test's JVM plays the build.
 */
class BuildKeycloakTest {

    @Test
    void aProcessStartedThroughAShellBelongsToTheProcessThatStartedTheShell() throws Exception {
        // the shell starts sleep, says its pid and waits for it, staying its parent as surefire's "cd … && java …" does
        Process shell = new ProcessBuilder("/bin/sh", "-c", "sleep 60 & echo $!; wait").start();
        try {
            long pid = Long.parseLong(shell.inputReader().readLine().strip());
            ProcessHandle sleep = ProcessHandle.of(pid).orElseThrow();
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
}
