package care.contracts.idempotency;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/**
 * Forgets old Idempotency-Keys of every use the service produces (none in a service without one), hourly: each use
 * deletes what is older than its own retention, so one schedule serves a day's keys and a month's alike.
 */
@ApplicationScoped
class IdempotencyCleanup {

    private final Instance<IdempotencyKeys> uses;

    IdempotencyCleanup(@Any Instance<IdempotencyKeys> uses) {
        this.uses = uses;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class) // not while it starts or stops (Hibernate closed)
    void forgetOldKeys() {
        for (IdempotencyKeys keys : uses) {
            int forgotten = keys.forgetOldKeys();
            if (forgotten > 0) {
                Log.infof("forgot %d Idempotency-Keys older than %s", forgotten, keys.keptFor());
            }
        }
    }
}
