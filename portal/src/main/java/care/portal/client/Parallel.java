package care.portal.client;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Calls a page makes at once (it waits for the slowest, not for their sum), on Quarkus's managed executor: the
 * request context goes along, so each call carries the session's access token, and the common ForkJoin pool (a
 * handful of threads for the whole JVM, blocked here on I/O) is left alone.
 */
@ApplicationScoped
public class Parallel {

    private final ManagedExecutor executor;

    public Parallel(ManagedExecutor executor) {
        this.executor = executor;
    }

    public <T> CompletableFuture<T> start(Supplier<T> call) {
        return executor.supplyAsync(call);
    }

    /** The answer, or the call's own exception (an ApiError stays an ApiError for the page). */
    public static <T> T join(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
