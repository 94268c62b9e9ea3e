package care.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal of the platform API (application/problem+json, RFC 9457): the title for the top of the page, each field
 * violation for the place beside its field, the rest as a list.
 */
public class ApiError extends RuntimeException {

    public final int status;
    public final String code;
    public final String title;
    public final String detail;
    /** field (the API's JSON name, e.g. {@code capacity}, {@code materials.COMMITMENT}) → message */
    public final Map<String, String> fields;
    /** Violations of one row of an uploaded spreadsheet each (they belong to no field of the page's form). */
    public final List<RowViolation> rows;

    public ApiError(int status, String code, String title, String detail, Map<String, String> fields) {
        this(status, code, title, detail, fields, List.of());
    }

    private ApiError(int status, String code, String title, String detail, Map<String, String> fields,
                     List<RowViolation> rows) {
        super(status + " " + code + ": " + detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.detail = detail;
        this.fields = fields;
        this.rows = rows;
    }

    /** A violation of a spreadsheet row, as the spreadsheet numbers it. */
    @io.quarkus.qute.TemplateData
    public record RowViolation(int row, String field, String message) {
    }

    /** A refusal from its status and problem+json body (a JSON object, or null when the body was none). */
    public static ApiError of(int status, Object body) {
        if (body instanceof Map<?, ?> problem) {
            Map<String, String> fields = new LinkedHashMap<>();
            List<RowViolation> rows = new java.util.ArrayList<>();
            Object violations = problem.get("violations");
            if (violations instanceof List<?> list) {
                for (Object v : list) {
                    if (v instanceof Map<?, ?> violation && violation.get("row") instanceof Number row) {
                        rows.add(new RowViolation(row.intValue(), String.valueOf(violation.get("field")),
                                String.valueOf(violation.get("message"))));
                    } else if (v instanceof Map<?, ?> violation) {
                        fields.merge(String.valueOf(violation.get("field")), String.valueOf(violation.get("message")),
                                (a, b) -> a + "；" + b);
                    }
                }
            }
            String title = problem.get("title") == null ? fallbackTitle(status) : String.valueOf(problem.get("title"));
            return new ApiError(status, String.valueOf(problem.get("code")), title,
                    problem.get("detail") == null ? null : String.valueOf(problem.get("detail")), fields, rows);
        }
        return new ApiError(status, "HTTP_" + status, fallbackTitle(status), null, Map.of());
    }

    /**
     * The gateway could not be reached or did not answer in time (a refusal of a service that is down or slow is the
     * gateway's own problem+json, 503 or 504, and goes through {@link #of}).
     */
    public static ApiError unreachable(jakarta.ws.rs.ProcessingException e) {
        // the client's read timeout arrives as Vert.x's (NoStackTrace)TimeoutException, a connect timeout as Netty's
        // ConnectTimeoutException: both say so in their names, and no common type covers them
        boolean timeout = false;
        for (Throwable cause = e; cause != null && !timeout; cause = cause.getCause()) {
            timeout = cause.getClass().getSimpleName().contains("Timeout");
        }
        return timeout ? new ApiError(504, "UPSTREAM_TIMEOUT", fallbackTitle(504), e.getMessage(), Map.of())
                : new ApiError(503, "SERVICE_UNAVAILABLE", fallbackTitle(503), e.toString(), Map.of());
    }

    static String fallbackTitle(int status) {
        return switch (status) {
            case 401 -> "登录已过期，请重新登录";
            case 403 -> "无权执行此操作";
            case 404 -> "记录不存在";
            case 413 -> "文件过大";
            case 429 -> "请求过于频繁，请稍后再试";
            case 503, 502 -> "服务暂时不可用，请稍后再试";
            case 504 -> "服务响应超时，请稍后再试";
            default -> "操作未成功（" + status + "）";
        };
    }

    /** A message the portal itself gives before calling the API (e.g. a number that is not one). */
    public static ApiError local(Map<String, String> fields) {
        return new ApiError(400, "VALIDATION_FAILED", "提交的数据未通过校验", null, fields);
    }

    /** Violations not tied to a field of the form on the page (shown under the title). */
    public List<String> others(java.util.Collection<String> formFields) {
        return fields.entrySet().stream().filter(e -> !formFields.contains(e.getKey()))
                .map(e -> e.getValue()).toList();
    }
}
