package care.contracts.db;

import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether a failure is the database's state rather than the request's or the record's fault. The one place that
 * decides it: the services answer 503 for it ({@link care.contracts.problem.ProblemMappers}) and the consumers keep
 * a poll for another try instead of dead-lettering it ({@link care.contracts.inbox.InboxBatches}).
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** What kind of unavailability a failure shows, if any. */
    public enum Unavailable {
        /** Every pooled connection is busy: overload, which drains by itself within seconds. */
        BUSY,
        /** The database cannot be reached, is stopping or is out of resources. */
        DOWN
    }

    /** {@code null} when the failure is not the database being unavailable. */
    public static Unavailable classify(Throwable failure) {
        if (anywhereIn(failure, DatabaseFailures::poolExhausted)) {
            return Unavailable.BUSY;
        }
        if (anywhereIn(failure, DatabaseFailures::down)) {
            return Unavailable.DOWN;
        }
        return null;
    }

    public static boolean unavailable(Throwable failure) {
        return classify(failure) != null;
    }

    private static boolean down(Throwable t) {
        if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            // 08: connection exception; 57P: admin/crash shutdown, cannot connect now; 53: insufficient resources
            return state.startsWith("08") || state.startsWith("57P") || state.startsWith("53");
        }
        return false;
    }

    /**
     * Agroal's acquisition timeout. It is a plain SQLException without SQLState or a dedicated type, so its message
     * is all there is to go by: "Sorry, acquisition timeout!" from the pool's wait, "Acquisition timeout while
     * waiting for new connection" when a new connection is not made in time — hence case-insensitive.
     */
    private static boolean poolExhausted(Throwable t) {
        return t instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }

    /**
     * The failure, its causes, and the exceptions each of them suppressed. A commit that fails because the database
     * went away is a RollbackException without a cause: the transaction manager adds the resource's XAException, and
     * under it the driver's SQLException, as a suppressed exception.
     */
    private static boolean anywhereIn(Throwable failure, Predicate<Throwable> test) {
        return anywhereIn(failure, test, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean anywhereIn(Throwable t, Predicate<Throwable> test, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (test.test(t)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (anywhereIn(suppressed, test, seen)) {
                return true;
            }
        }
        return anywhereIn(t.getCause(), test, seen);
    }
}
