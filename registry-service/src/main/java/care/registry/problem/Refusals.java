package care.registry.problem;

import care.contracts.problem.ProblemException;
import care.contracts.problem.Violation;

import java.util.List;

/** Business-rule checks that found several broken rules answer them all at once, like Bean Validation does. */
public final class Refusals {

    private Refusals() {
    }

    public static void refuseIfAny(List<Violation> violations) {
        ProblemException.refuseIfAny(violations);
    }
}
