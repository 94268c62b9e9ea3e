package care.portal;

import io.quarkus.qute.Engine;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Irreversible steps ask once, on a page of their own that works without a script; and the layout's 适老化 and
 * accessibility parts: skip link, the current page marked in the menu, 大字 / 高对比 remembered.
 */
class ConfirmPagesTest {

    static final Engine ENGINE = PortalTemplates.engine();
    static final User REVIEWER = new User(true, "mz-530102", "民政审核员", Set.of("civil-affairs-reviewer"),
            Map.of("division_code", "530102"));

    @Test
    void theConfirmationSaysWhatFollowsShowsWhatWasTypedAndPostsTheSameFormAgainConfirmed() {
        String html = ENGINE.getTemplate("confirm.html").data("user", REVIEWER).data("labels", Labels.INSTANCE)
                .data("here", Display.Here.of("/portal/filings/f1/reject", null, null, true))
                .data("step", Confirm.Step.REJECT).data("action", "/portal/filings/f1/reject")
                .data("back", "/portal/filings/f1")
                .data("fields", List.of(new Confirm.Field("comment", "不予备案的理由", "场地不符"),
                        new Confirm.Field("hidden", null, "x")))
                .render();
        assertTrue(html.contains("<h1 id=\"confirm-question\">作出不予备案决定吗？</h1>"), html);
        assertTrue(html.contains("“退回补正”"), "the reviewer is pointed to the milder step");
        assertTrue(html.contains("<dt>不予备案的理由</dt><dd>场地不符</dd>"), "what was typed");
        assertTrue(html.contains("<form method=\"post\" action=\"/portal/filings/f1/reject\""));
        assertTrue(html.contains("<input type=\"hidden\" name=\"comment\" value=\"场地不符\">"));
        assertTrue(html.contains("<input type=\"hidden\" name=\"hidden\" value=\"x\">"), "every field goes along");
        assertTrue(html.contains("<input type=\"hidden\" name=\"confirmed\" value=\"yes\">"));
        assertTrue(html.contains("<button type=\"submit\" id=\"confirm\">确认不予备案</button>"));
        assertTrue(html.contains("href=\"/portal/filings/f1\" id=\"confirm-back\""));
        assertFalse(html.contains("<dt></dt>"), "a field without a label is not shown");
        assertTrue(html.contains("<body data-answer=\"post\">"), "an answer to a post says so to portal.js");
    }

    @Test
    void onlyTheConfirmationsAnswerCountsAsGiven() {
        assertTrue(Confirm.given("yes"));
        assertFalse(Confirm.given(null));
        assertFalse(Confirm.given("true"));
        for (Confirm.Step step : Confirm.Step.values()) {
            assertTrue(step.question.endsWith("吗？") && step.button.startsWith("确认") && !step.consequence.isBlank(),
                    step.name());
        }
    }

    @Test
    void theLayoutHasASkipLinkMarksTheCurrentPageAndCarriesTheDisplayModes() {
        String html = ENGINE.getTemplate("confirm.html").data("user", REVIEWER).data("labels", Labels.INSTANCE)
                .data("here", Display.Here.of("/portal/review", "status=ACCEPTED", "large.contrast.bogus", false))
                .data("step", Confirm.Step.ACCEPT).data("action", "/a").data("back", "/b").data("fields", List.of())
                .render();
        assertTrue(html.contains("<html lang=\"zh-CN\" class=\"mode-contrast mode-large\">"), html);
        assertTrue(html.contains("<a class=\"skip\" href=\"#main\">跳到正文</a>"));
        assertTrue(html.contains("<main class=\"wrap\" id=\"main\" tabindex=\"-1\">"));
        assertTrue(html.contains("<body>"), "a page asked for (GET) is no answer to a post");
        assertTrue(html.contains("id=\"nav-review\" aria-current=\"page\">审核工作台</a>"));
        assertTrue(html.contains("<a href=\"/portal/\">机构查询</a>"), "only the current page is marked");
        assertTrue(html.contains("id=\"mode-large\" aria-pressed=\"true\""));
        assertTrue(html.contains("name=\"back\" value=\"/portal/review?status=ACCEPTED\""), "back to the same page");
    }

    @Test
    void aDisplayModeTogglesIsRememberedAndGoesBackOnlyWithinThePortal() {
        var on = new Display().toggle("large", "/portal/review?status=ACCEPTED", "contrast");
        assertEquals(303, on.getStatus());
        assertEquals("/portal/review?status=ACCEPTED", on.getHeaderString("Location"));
        var cookie = on.getCookies().get(Display.COOKIE);
        assertEquals("contrast.large", cookie.getValue());
        assertTrue(cookie.getMaxAge() > 300 * 24 * 3600 && cookie.isHttpOnly(), "kept a year, not readable by scripts");
        var off = new Display().toggle("large", "/portal/", "contrast.large");
        assertEquals("contrast", off.getCookies().get(Display.COOKIE).getValue());
        assertEquals(0, new Display().toggle("contrast", "/portal/", "contrast").getCookies().get(Display.COOKIE).getMaxAge());
        for (String elsewhere : List.of("https://evil.example/", "//evil.example/portal", "/portal/\\\\evil", "/other")) {
            assertEquals("/portal/", Display.local(elsewhere), elsewhere);
        }
        assertEquals(Set.of(), Display.modes("<script>"));
    }

    @Test
    void rejectingStandsApartFromReturningAndADraftCanBeDeleted() throws IOException {
        String filing = Files.readString(Path.of("src/main/resources/templates/filing.html"));
        int returning = filing.indexOf("id=\"return\"");
        int fold = filing.indexOf("<details class=\"reject\"");
        assertTrue(returning > 0 && fold > returning, "不予备案 is folded away below 退回补正");
        assertFalse(filing.contains("class=\"danger\" id=\"reject\""), "not a large red button");
        assertTrue(filing.contains("action=\"/portal/filings/{f.id}/delete\""));
    }
}
