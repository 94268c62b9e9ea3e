package care.contracts.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Comparator;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code code} is the stable machine code clients switch on;
 * {@code title} is for people, in Chinese.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem("urn:care:problem:" + code, title, status, detail, null, code, List.of());
    }

    /** The one shape of a refused input: every broken field at once, in field order, as Bean Validation answers. */
    public static Problem validationFailed(List<Violation> violations) {
        List<Violation> sorted = violations.stream().sorted(Comparator.comparing(Violation::field)).toList();
        String detail = sorted.size() == 1 ? sorted.get(0).message() : sorted.size() + " field(s) invalid";
        return of(400, "VALIDATION_FAILED", "提交的数据未通过校验", detail).withViolations(sorted);
    }

    public Problem withViolations(List<Violation> list) {
        return new Problem(type, title, status, detail, instance, code, list);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, code, violations);
    }
}
