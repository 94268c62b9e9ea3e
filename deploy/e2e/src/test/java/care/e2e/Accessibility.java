package care.e2e;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The accessibility engine of the browser tests: axe-core 4.10 (Deque's, the engine behind Lighthouse's and
 * Chrome's accessibility audits), run inside the Chromium the tests drive, on the page as it is shown, for the rules
 * of WCAG 2.0 and 2.1, levels A and AA. A violation of impact serious or critical fails the test that collects it;
 * moderate and minor ones are not counted.
 */
final class Accessibility {

    static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final Set<String> FAILING = Set.of("serious", "critical");

    private Accessibility() {
    }

    /** The serious and critical violations on the current page, one line each: rule, what it asks, where. */
    static List<String> violations(WebDriver driver, String step) {
        Results results = new AxeBuilder().withTags(WCAG_AA).analyze(driver);
        if (results.isErrored()) {
            return List.of(step + ": axe-core did not run: " + results.getErrorMessage());
        }
        String page = driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
        return results.getViolations().stream().filter(rule -> FAILING.contains(rule.getImpact()))
                .map(rule -> step + " (" + page + "): " + describe(rule)).toList();
    }

    private static String describe(Rule rule) {
        String where = rule.getNodes().stream().limit(5).map(node -> String.valueOf(node.getTarget()))
                .collect(Collectors.joining(", "));
        return rule.getImpact() + " " + rule.getId() + " — " + rule.getHelp() + " — " + rule.getNodes().size()
                + " element(s): " + where;
    }
}
