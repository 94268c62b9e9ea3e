package care.contracts.problem;

import care.contracts.db.DatabaseFailures;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.arc.ArcUndeclaredThrowableException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.List;

/** Every error a service answers leaves as application/problem+json, never as a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Seconds: about what a queue of requests needs to drain at a pool's size. */
    public static final String RETRY_AFTER_BUSY = "2";
    /** Seconds: a database restart or fail-over. */
    public static final String RETRY_AFTER_DOWN = "10";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem, uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        return respond(Problem.validationFailed(e.getConstraintViolations().stream()
                .map(v -> new Violation(fieldOf(v), v.getMessage())).toList()), uri);
    }

    /**
     * A path or query parameter that is not a number of its type (a page beyond an int, say). JAX-RS answers 404 for
     * it, as if the resource did not exist; the client sent a bad value, so it is a 400 naming the parameter.
     */
    @ServerExceptionMapper
    public Response unconvertible(NotFoundException e, UriInfo uri) {
        if (!(e.getCause() instanceof NumberFormatException number)) {
            return web(e, uri);
        }
        String field = parameterHolding(uri, number.getMessage());
        return respond(Problem.validationFailed(List.of(new Violation(field, "应为有效范围内的整数"))), uri);
    }

    /**
     * The database's state, not the request's fault: 503 with Retry-After, so that clients and the gateway back
     * off instead of reporting an error. The more specific persistence mappers here (optimistic lock, constraint)
     * still win for their exceptions; any other database failure is a 500 that is logged.
     */
    @ServerExceptionMapper({PersistenceException.class, SQLException.class})
    public Response database(Exception e, UriInfo uri) {
        DatabaseFailures.Unavailable unavailable = DatabaseFailures.classify(e);
        if (unavailable == DatabaseFailures.Unavailable.BUSY) {
            LOG.warnf("no database connection within the acquisition timeout: %s", uri.getPath());
            return unavailable(Problem.of(503, "SERVICE_BUSY", "系统繁忙，请稍后重试",
                    "no database connection became free in time; retry after the delay given"), RETRY_AFTER_BUSY, uri);
        }
        if (unavailable == DatabaseFailures.Unavailable.DOWN) {
            LOG.errorf("database unavailable: %s: %s", uri.getPath(), e.getMessage());
            return unavailable(Problem.of(503, "DATABASE_UNAVAILABLE", "服务暂时不可用",
                    "the database cannot be reached; retry after the delay given"), RETRY_AFTER_DOWN, uri);
        }
        LOG.errorf(e, "database error: %s", uri.getPath());
        return respond(Problem.of(500, "INTERNAL_ERROR", "系统内部错误",
                "a database error occurred; it has been logged"), uri);
    }

    /**
     * Whatever no other mapper here takes, still as problem+json. A database that stops between a request's last
     * statement and its commit fails the commit, not a statement: the transaction manager's RollbackException (thrown
     * on by the transactional interceptor) holds the driver's failure as a suppressed exception. That is the
     * database's state too, so it is a 503 like any other.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        // the interceptor's wrapper says only "Error invoking subclass method": the log names what it wraps
        Exception thrown = e instanceof ArcUndeclaredThrowableException && e.getCause() instanceof Exception cause
                ? cause : e;
        if (DatabaseFailures.unavailable(thrown)) {
            return database(thrown, uri);
        }
        LOG.errorf(thrown, "unexpected failure: %s", uri.getPath());
        return respond(Problem.of(500, "INTERNAL_ERROR", "系统内部错误",
                "an unexpected error occurred; it has been logged"), uri);
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        return respond(Problem.of(400, "MALFORMED_JSON", "请求内容不是有效的 JSON",
                e.getOriginalMessage()), uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(Problem.of(401, "UNAUTHENTICATED", "需要登录",
                        "a valid bearer token is required"), uri))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "FORBIDDEN", "无权执行此操作",
                "your role does not allow this operation"), uri);
    }

    @ServerExceptionMapper
    public Response concurrent(OptimisticLockException e, UriInfo uri) {
        return respond(Problem.of(409, "CONCURRENT_MODIFICATION", "记录已被他人修改",
                "the record changed since you read it; reload and try again"), uri);
    }

    @ServerExceptionMapper
    public Response duplicate(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        if (e.getKind() == ConstraintKind.UNIQUE) {
            return respond(Problem.of(409, "DUPLICATE", "记录已存在",
                    "a record with the same identity already exists"), uri);
        }
        LOG.error("database constraint violated", e);
        return respond(Problem.of(409, "CONSTRAINT_VIOLATED", "数据不满足约束", e.getConstraintName()), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 400 -> "BAD_REQUEST";
            default -> "HTTP_" + status;
        };
        String title = switch (status) {
            case 404 -> "记录不存在";
            case 405 -> "不支持的请求方法";
            case 415 -> "不支持的内容类型";
            default -> status < 500 ? "请求无效" : "服务暂时不可用";
        };
        return respond(Problem.of(status, code, title, e.getMessage()), uri);
    }

    private static Response unavailable(Problem problem, String retryAfter, UriInfo uri) {
        return Response.fromResponse(respond(problem, uri)).header("Retry-After", retryAfter).build();
    }

    /** The query or path parameter whose value failed conversion ("For input string: \"99999999999\""). */
    static String parameterHolding(UriInfo uri, String conversionMessage) {
        if (uri != null && conversionMessage != null) {
            for (var parameters : List.of(uri.getQueryParameters(), uri.getPathParameters())) {
                for (var entry : parameters.entrySet()) {
                    for (String value : entry.getValue()) {
                        if (conversionMessage.contains('"' + value + '"')) {
                            return entry.getKey();
                        }
                    }
                }
            }
        }
        return "parameter";
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(uri == null ? null : uri.getPath()))
                .build();
    }

    /**
     * The field a client recognises: for a body parameter the path inside the body
     * ("create.request.institution.name" → "institution.name"), for a query or path parameter its name.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder inside = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (parameter != null) {
                if (node.isInIterable()) { // Hibernate Validator puts a list index on the node after the list
                    inside.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                }
                if (node.getName() != null) {
                    inside.append(inside.isEmpty() ? "" : ".").append(node.getName());
                }
            }
        }
        if (!inside.isEmpty()) {
            return inside.toString();
        }
        return parameter != null ? parameter : violation.getPropertyPath().toString();
    }
}
