package care.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The one Keycloak that every test JVM of a Maven build shares (the root pom sets {@value #PROPERTY} for surefire):
 * a Keycloak start costs 30–90 s, once per build instead of once per module. The launcher module starts it during its
 * own test phase ({@link #main}) so that it boots while the services compile; a test JVM that finds none starts it.
 * It is recorded in {@code keycloak-per-build/state.properties} beside the Keycloak home, and it is not any test JVM's
 * child: a watchdog stops it when the build's process ({@link #buildProcess}) ends, however the build ends.
 */
public final class BuildKeycloak {

    public static final String PROPERTY = "care.keycloak.per-build";

    /** What may stand between the build's process and a test JVM (surefire forks through {@code /bin/sh -c}). */
    private static final Set<String> SHELLS = Set.of("sh", "dash", "bash", "zsh", "ksh", "ash", "busybox");

    private BuildKeycloak() {
    }

    /** Whether this JVM's tests share the build's Keycloak (the root pom says so for surefire). */
    public static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** The build's Keycloak, started if it is not running; waits until it is ready. */
    public static Keycloak shared(Path home) {
        Properties state = started(home);
        long watchdog = Long.parseLong(state.getProperty("watchdog"));
        String health = "http://localhost:" + state.getProperty("management-port") + "/health/ready";
        ChildProcess.awaitReady("the build's Keycloak", () -> ChildProcess.answers200(health),
                () -> ProcessHandle.of(watchdog).map(ProcessHandle::isAlive).orElse(false) ? null : "ended",
                Keycloak.READY_WITHIN, directory(home).resolve("keycloak.log"));
        return new Keycloak(null, Integer.parseInt(state.getProperty("port")));
    }

    /** Starts the build's Keycloak, if it is not running, and returns at once: the launcher module's test phase. */
    public static void main(String[] args) {
        started(Repo.keycloakHome());
    }

    private static Properties started(Path home) {
        long build = buildProcess(ProcessHandle.current()).pid();
        Path dir = directory(home);
        Path statePath = dir.resolve("state.properties");
        try {
            Files.createDirectories(dir);
            try (FileChannel lock = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lock.lock()) { // one JVM at a time reads, starts and records it
                Properties state = new Properties();
                if (Files.exists(statePath)) {
                    try (var in = Files.newBufferedReader(statePath)) {
                        state.load(in);
                    }
                    long watchdog = Long.parseLong(state.getProperty("watchdog"));
                    if (Long.parseLong(state.getProperty("build")) == build
                            && ProcessHandle.of(watchdog).map(ProcessHandle::isAlive).orElse(false)) {
                        return state;
                    }
                    // an earlier build's, still stopping, or ours that died: gone before the home is used again
                    ProcessHandle.of(watchdog).ifPresent(w -> ChildProcess.stop(w, Duration.ofSeconds(30)));
                    Files.delete(statePath);
                }
                int port = Repo.freePort();
                int managementPort = Repo.freePort();
                Keycloak.freshRealm(home);
                List<String> watched = new ArrayList<>(List.of("bash", "-c",
                        "build=$1; shift; \"$@\" & kc=$!; "
                                + "while kill -0 $build 2>/dev/null && kill -0 $kc 2>/dev/null; do sleep 1; done; "
                                + "kill $kc 2>/dev/null; wait $kc", "keycloak-watchdog", Long.toString(build)));
                watched.addAll(Keycloak.command(home, port, managementPort));
                ProcessBuilder builder = new ProcessBuilder(watched).directory(home.toFile()).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("keycloak.log").toFile());
                builder.environment().putAll(Keycloak.ENVIRONMENT);
                Process watchdog = builder.start();
                state.setProperty("build", Long.toString(build));
                state.setProperty("watchdog", Long.toString(watchdog.pid()));
                state.setProperty("port", Integer.toString(port));
                state.setProperty("management-port", Integer.toString(managementPort));
                try (var out = Files.newBufferedWriter(statePath)) {
                    state.store(out, "the Keycloak of the Maven build with process id " + build);
                }
                return state;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The Maven build's process: the nearest ancestor that is not a shell. Surefire starts its test JVMs through
     * {@code /bin/sh -c}, which stays their parent, while the exec plugin's JVM is Maven's own child; taking the parent
     * alone gave each module's tests a "build" of their own, and each started Keycloak again.
     */
    static ProcessHandle buildProcess(ProcessHandle jvm) {
        ProcessHandle process = jvm.parent().orElseThrow(() -> new IllegalStateException("this JVM has no parent process"));
        while (isShell(process)) {
            ProcessHandle shell = process;
            process = shell.parent().orElseThrow(() -> new IllegalStateException("the shell " + shell.pid() + " has no parent"));
        }
        return process;
    }

    private static boolean isShell(ProcessHandle process) {
        String command = process.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("");
        return SHELLS.contains(command);
    }

    private static Path directory(Path home) {
        return home.resolveSibling("keycloak-per-build");
    }
}
