package care.filing.rest;

import care.contracts.problem.Problem;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Database failures as problem+json. When every pooled connection is busy (a burst of approvals queueing on one
 * county's receipt counter, say) Agroal gives up after the acquisition timeout: that is overload, not a fault,
 * so the client gets 503 with Retry-After instead of a 500. The more specific persistence mappers of
 * {@link care.contracts.problem.ProblemMappers} (optimistic lock, unique key) still win for their exceptions.
 */
public class DatabaseProblems {

    private static final Logger LOG = Logger.getLogger(DatabaseProblems.class);
    /** Seconds: about what a queue of approvals needs to drain at the pool's size. */
    static final String RETRY_AFTER_BUSY = "2";
    static final String RETRY_AFTER_DOWN = "10";

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        if (poolExhausted(e)) {
            LOG.warnf("no database connection within the acquisition timeout: %s %s", e.getMessage(), uri.getPath());
            return unavailable(Problem.of(503, "SERVICE_BUSY", "系统繁忙，请稍后重试",
                    "no database connection became free in time; retry after the delay given"), RETRY_AFTER_BUSY, uri);
        }
        if (causedBy(e, JDBCConnectionException.class)) {
            LOG.errorf(e, "database unreachable: %s", uri.getPath());
            return unavailable(Problem.of(503, "DATABASE_UNAVAILABLE", "服务暂时不可用",
                    "the database cannot be reached"), RETRY_AFTER_DOWN, uri);
        }
        LOG.errorf(e, "database error: %s", uri.getPath());
        return Response.status(500).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(500, "INTERNAL_ERROR", "系统内部错误", "a database error occurred; it has been logged")
                        .withInstance(uri.getPath()))
                .build();
    }

    /**
     * Agroal's acquisition timeout. It is a plain SQLException without SQLState or a dedicated type, so its message
     * is all there is to go by ("Sorry, acquisition timeout!" from the pool's wait, "Acquisition timeout while
     * waiting for new connection" when a new connection is not made in time).
     */
    static boolean poolExhausted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Response unavailable(Problem problem, String retryAfter, UriInfo uri) {
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", retryAfter)
                .entity(problem.withInstance(uri.getPath())).build();
    }
}
