package care.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A process this launcher started, with its log file; stopping it also stops anything it started. It can be killed
 * ({@code kill -9}) and started again with the same command, as a fault test or the {@link Supervisor} does.
 */
public final class ChildProcess implements Part, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final String name;
    final Path log;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path workDir;
    /** Whether the process, once started, is ready for work; set by whoever starts it (answers health, logs "started"). */
    private volatile BooleanSupplier readiness = () -> true;
    /** Whether the running process can still work (a service's liveness check); set by whoever starts it. */
    private volatile BooleanSupplier liveness = () -> true;
    private volatile Process process;
    /** Where the log stood when the current process started: readiness read from the log looks only after it. */
    private volatile long logStart;

    private ChildProcess(String name, List<String> command, Map<String, String> env, Path workDir, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.workDir = workDir;
        this.log = log;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path log) {
        ChildProcess child = new ChildProcess(name, command, env, workDir, log);
        child.launch();
        Teardown.started(child); // whatever way this JVM ends, nothing it started outlives it
        return child;
    }

    private synchronized void launch() {
        try {
            Files.createDirectories(log.getParent());
            logStart = Files.exists(log) ? Files.size(log) : 0;
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until {@code ready} holds; fails early, pointing at the log, if the process dies first. */
    void awaitReady(BooleanSupplier ready, Duration timeout) {
        readiness = ready;
        awaitReady(timeout);
    }

    /** Waits until the process is ready by the check it was last started with. */
    public void awaitReady(Duration timeout) {
        awaitReady(name, readiness, () -> {
            Process current = process;
            return current.isAlive() ? null : "exited with " + current.exitValue();
        }, timeout, log);
    }

    /**
     * Polls {@code ready} until it holds; fails early, pointing at the log, once {@code ended} names why the process
     * is gone (it answers null while the process runs).
     */
    static void awaitReady(String name, BooleanSupplier ready, Supplier<String> ended, Duration timeout, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String end = ended.get();
            if (end != null) {
                throw new IllegalStateException(name + " " + end + "; see " + log);
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s; see " + log);
    }

    /** Whether the log written since the current process started holds {@code text}. */
    boolean logContains(String text) {
        try {
            if (!Files.exists(log)) {
                return false;
            }
            byte[] all = Files.readAllBytes(log);
            int from = (int) Math.min(logStart, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    static boolean answers200(String url) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public boolean ready() {
        return alive() && readiness.getAsBoolean();
    }

    /** The check that tells a running process that can still work from one that cannot (see {@link Part#live}). */
    void liveness(BooleanSupplier check) {
        liveness = check;
    }

    @Override
    public boolean live() {
        return alive() && liveness.getAsBoolean();
    }

    /** The exit code of a process that ended, for the log of whoever restarts it. */
    public String exit() {
        Process current = process;
        return current.isAlive() ? "running" : "exit " + current.exitValue();
    }

    /** {@code kill -9} of the process and whatever it started: no shutdown hook, no flush, as a crash. */
    @Override
    public void kill() {
        Process current = process;
        current.descendants().forEach(ProcessHandle::destroyForcibly);
        current.destroyForcibly();
        try {
            current.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the same command again (after it died or was killed); returns at once, see {@link #awaitReady(Duration)}. */
    @Override
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running (pid " + process.pid() + ")");
        }
        launch();
    }

    @Override
    public void close() {
        try {
            stop(process.toHandle(), Duration.ofSeconds(20));
        } finally {
            Teardown.stopped(this); // not before: a JVM ending meanwhile waits for it before what started earlier
        }
    }

    /** SIGTERM to a process and everything it started; SIGKILL to whatever still runs after {@code grace}. */
    static void stop(ProcessHandle process, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle each : all) {
            try {
                each.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                each.destroyForcibly();
            } catch (ExecutionException | TimeoutException e) {
                each.destroyForcibly();
            }
        }
    }

    /** Exit code of a process that was started to run to its end (a tool, not a server). */
    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
