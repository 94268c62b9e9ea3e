package care.contracts.problem;

import java.util.List;

/** A refusal the service means to give: answered as problem+json with its status and code. */
public class ProblemException extends RuntimeException {

    public final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.code() + ": " + problem.detail());
        this.problem = problem;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problem.of(404, "NOT_FOUND", "记录不存在", what + " " + id + " not found"));
    }

    public static ProblemException conflict(String code, String title, String detail) {
        return new ProblemException(Problem.of(409, code, title, detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "FORBIDDEN", "无权执行此操作", detail));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.validationFailed(List.of(new Violation(field, message))));
    }

    public static ProblemException invalid(List<Violation> violations) {
        return new ProblemException(Problem.validationFailed(violations));
    }

    /** For checks that collect every broken rule first, so that a client learns them all at once. */
    public static void refuseIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
    }
}
