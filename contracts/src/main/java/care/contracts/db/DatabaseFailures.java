package care.contracts.db;

import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

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
        if (poolExhausted(failure)) {
            return Unavailable.BUSY;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
                return Unavailable.DOWN;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P: admin/crash shutdown, cannot connect now; 53: insufficient resources
                if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
                    return Unavailable.DOWN;
                }
            }
        }
        return null;
    }

    public static boolean unavailable(Throwable failure) {
        return classify(failure) != null;
    }

    /**
     * Agroal's acquisition timeout. It is a plain SQLException without SQLState or a dedicated type, so its message
     * is all there is to go by: "Sorry, acquisition timeout!" from the pool's wait, "Acquisition timeout while
     * waiting for new connection" when a new connection is not made in time — hence case-insensitive.
     */
    static boolean poolExhausted(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }
}
