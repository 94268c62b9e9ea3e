package care.e2e;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.JavascriptExecutor;
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

    /**
     * What makes two visits the same page for the engine: the same user, path (identifiers left out), names of the
     * query parameters, the forms it offers (a filing's page is another page in each state) and whether a field is
     * shown invalid. A journey passes many pages more than once (a queue after each decision, a filing after each
     * step); checking each page once keeps the suite's time to the pages there are.
     */
    static String shape(WebDriver driver, String user) {
        Object shape = ((JavascriptExecutor) driver).executeScript("""
                function shape(path) {
                  return String(path).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '{id}')
                      .replace(/\\d{4,}/g, '{n}');
                }
                var path = shape(location.pathname);
                var names = Array.from(new URLSearchParams(location.search).keys()).sort().join(',');
                var forms = Array.from(document.forms).map(function (f) { return shape(f.id || f.getAttribute('action')); });
                return path + '?' + names + ' forms ' + forms.join(',')
                    + (document.querySelector('.invalid, [aria-invalid=true]') ? ' invalid' : '');
                """);
        return user + " " + shape;
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
