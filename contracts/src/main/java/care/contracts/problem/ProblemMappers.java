package care.contracts.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import care.contracts.inbox.InboxBatches;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;

/** Every error a service answers leaves as application/problem+json, never as a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem, uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        return respond(Problem.of(400, "VALIDATION_FAILED", "提交的数据未通过校验",
                violations.size() + " field(s) invalid").withViolations(violations), uri);
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

    /**
     * The database cannot be reached (stopped, restarting, out of connections): 503 with Retry-After, so that a
     * client knows to try again, where this was a 500 that read as a broken request. Any other persistence failure
     * stays a 500, logged with its stack and answered as a problem without it.
     */
    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        if (InboxBatches.databaseUnavailable(e)) {
            LOG.warnf("database unavailable, answered 503: %s", e.getMessage());
            return Response.fromResponse(respond(Problem.of(503, "DATABASE_UNAVAILABLE", "服务暂时不可用，请稍后重试",
                            "the database cannot be reached at the moment; try again shortly"), uri))
                    .header("Retry-After", "5").build();
        }
        LOG.error("persistence failure", e);
        return respond(Problem.of(500, "INTERNAL_ERROR", "服务内部错误", "the request could not be completed"), uri);
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
