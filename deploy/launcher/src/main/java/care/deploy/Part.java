package care.deploy;

/** One part of the platform running as a process: it can die, be killed ({@code kill -9}) and be started again. */
public interface Part {

    String name();

    long pid();

    boolean alive();

    /** Alive and answering (health, port, log line), not only started. */
    boolean ready();

    /**
     * Answers its liveness check (a service's {@code /q/health/live}): false when it runs but can no longer work, as a
     * consumer whose channel failed. A part without such a check is live while it runs.
     */
    default boolean live() {
        return true;
    }

    /** Ends the process at once, as a crash would ({@code kill -9}). */
    void kill();

    /** Starts it again with what it was first started with, after it died; returns without waiting for it. */
    void restart();
}
