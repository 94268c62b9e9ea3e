package care.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the local stack's parts running the way Kubernetes keeps a pod's containers: a part whose process died is
 * started again after a back-off that doubles with each restart in a row (1 s, 2 s, 4 s … at most
 * {@link #LONGEST_BACK_OFF}) and falls back to 1 s once the part has been up for {@link #STABLE}. Each death and
 * each restart is logged, and a status file lists every part with its state, pid and restarts
 * ({@code deploy/stack status} prints it). A part that runs but has failed its liveness check for {@link #LIVENESS_GRACE}
 * (a service whose Kafka consumer gave up answers DOWN on {@code /q/health/live}) is killed and so restarted, as a
 * kubelet does after its liveness probe's failure threshold. The services need no help from it to ride out a restart of the broker or
 * the database: their clients reconnect, the outbox waits, the inbox holds its place.
 */
public final class Supervisor implements AutoCloseable {

    static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
    static final Duration LONGEST_BACK_OFF = Duration.ofSeconds(60);
    static final Duration STABLE = Duration.ofSeconds(60);
    /** Kubernetes' default liveness probe: failing every 10 s, three times in a row. */
    static final Duration LIVENESS_GRACE = Duration.ofSeconds(30);

    /** What the status file says of a part. */
    enum State { RUNNING, STARTING, DEAD }

    private final List<Watched> parts = new ArrayList<>();
    private final Path statusFile;
    private final Consumer<String> log;
    private final Duration livenessGrace;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "supervisor");
        thread.setDaemon(true);
        return thread;
    });

    public Supervisor(List<? extends Part> parts, Path statusFile, Consumer<String> log) {
        this(parts, statusFile, log, LIVENESS_GRACE);
    }

    Supervisor(List<? extends Part> parts, Path statusFile, Consumer<String> log, Duration livenessGrace) {
        parts.forEach(part -> this.parts.add(new Watched(part)));
        this.statusFile = statusFile;
        this.log = log;
        this.livenessGrace = livenessGrace;
    }

    /** Checks every part each {@code period}; the first check writes the status file. */
    public Supervisor start(Duration period) {
        timer.scheduleWithFixedDelay(this::check, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    synchronized void check() {
        Instant now = Instant.now();
        for (Watched watched : parts) {
            try {
                watched.check(now);
            } catch (RuntimeException e) {
                log.accept(watched.part.name() + ": " + e.getMessage());
            }
        }
        writeStatus();
    }

    /** Restarts so far of the part named {@code name}. */
    synchronized int restarts(String name) {
        return parts.stream().filter(w -> w.part.name().equals(name)).findFirst().orElseThrow().restarts;
    }

    synchronized State state(String name) {
        return parts.stream().filter(w -> w.part.name().equals(name)).findFirst().orElseThrow().state;
    }

    private void writeStatus() {
        StringBuilder text = new StringBuilder(String.format("%-18s %-9s %8s %8s  %s%n", "part", "state", "pid",
                "restarts", "since (last death)"));
        for (Watched w : parts) {
            text.append(String.format("%-18s %-9s %8s %8d  %s%s%n", w.part.name(), w.state.name().toLowerCase(),
                    w.state == State.DEAD ? "-" : String.valueOf(w.part.pid()), w.restarts, clock(w.since),
                    w.lastDeath == null ? "" : " (" + w.lastDeath + ")"));
        }
        try {
            Path temporary = statusFile.resolveSibling(statusFile.getFileName() + ".new");
            Files.writeString(temporary, text);
            // renamed into place, so that `deploy/stack status` never reads half a file
            Files.move(temporary, statusFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.accept("cannot write " + statusFile + ": " + e.getMessage());
        }
    }

    private static String clock(Instant instant) {
        return LocalTime.ofInstant(instant, ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Watched {
        final Part part;
        State state = State.RUNNING;
        Instant since = Instant.now();
        Duration backOff = FIRST_BACK_OFF;
        Instant restartAt;
        int restarts;
        String lastDeath;
        /** Since when the running part has failed its liveness check; null while it passes. */
        Instant notLiveSince;

        Watched(Part part) {
            this.part = part;
        }

        void check(Instant now) {
            if (part.alive()) {
                if (state == State.STARTING && part.ready()) {
                    log.accept("%s is up again (pid %d) after %d s".formatted(part.name(), part.pid(),
                            Duration.between(since, now).toSeconds()));
                    state = State.RUNNING;
                }
                if (state == State.RUNNING && backOff.compareTo(FIRST_BACK_OFF) > 0
                        && Duration.between(since, now).compareTo(STABLE) >= 0) {
                    backOff = FIRST_BACK_OFF; // up long enough: the next death is a new story
                }
                if (state == State.RUNNING) {
                    checkLiveness(now);
                }
                return;
            }
            notLiveSince = null;
            if (state != State.DEAD) {
                lastDeath = "died " + clock(now) + (part instanceof ChildProcess child ? ", " + child.exit() : "");
                log.accept("%s died (%s); restarting it in %d s".formatted(part.name(), lastDeath,
                        backOff.toSeconds()));
                state = State.DEAD;
                since = now;
                restartAt = now.plus(backOff);
                return;
            }
            if (now.isBefore(restartAt)) {
                return;
            }
            restarts++;
            backOff = backOff.multipliedBy(2).compareTo(LONGEST_BACK_OFF) > 0 ? LONGEST_BACK_OFF
                    : backOff.multipliedBy(2);
            try {
                part.restart();
                log.accept("%s restarted (restart %d)".formatted(part.name(), restarts));
                state = State.STARTING;
                since = now;
            } catch (RuntimeException e) {
                log.accept("%s did not start (%s); trying again in %d s".formatted(part.name(), e.getMessage(),
                        backOff.toSeconds()));
                restartAt = now.plus(backOff);
            }
        }

        private void checkLiveness(Instant now) {
            if (part.live()) {
                notLiveSince = null;
            } else if (notLiveSince == null) {
                notLiveSince = now;
                log.accept("%s fails its liveness check; killing it if it still does in %d s".formatted(part.name(),
                        livenessGrace.toSeconds()));
            } else if (Duration.between(notLiveSince, now).compareTo(livenessGrace) >= 0) {
                log.accept("%s failed its liveness check for %d s; killing it to start it again".formatted(
                        part.name(), Duration.between(notLiveSince, now).toSeconds()));
                part.kill(); // the next check finds it dead and restarts it after its back-off
            }
        }
    }
}
