package care.portal;

import care.portal.client.FilingClient;
import care.portal.client.MessageClient;
import io.quarkus.qute.Engine;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.NamespaceResolver;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 消息中心 and the counts in the navigation and on the review page, as rendered from the APIs' answers. */
class MessagePagesTest {

    static final User CLERK = new User(true, "inst-elderly", "张丽", Set.of("institution"), Map.of());
    static final User REGISTRANT = new User(true, "13900000001", "李明", Set.of("registrant"), Map.of());
    static final User REVIEWER = new User(true, "mz-530102", "民政审核员", Set.of("civil-affairs-reviewer"),
            Map.of("division_code", "530102"));

    @Test
    void anInstitutionReadsItsMessagesEachOpeningItsFilingAndTheUnreadCountIsInTheMenu() {
        var returned = new MessageClient.Message("6f1c2b9e-0000-4000-8000-000000000001", "FILING_RETURNED",
                "备案退回补正", "您提交的变更备案被退回补正，共1项需要补正。审核意见：承诺书未盖章。请按要求修改后重新提交。",
                "0b7d4c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e", null, "2026-12-03T02:00:00Z", false);
        var confirmed = new MessageClient.Message("6f1c2b9e-0000-4000-8000-000000000002", "REGISTRATION_CONFIRMED",
                "机构注册已确认", "您为“五华区康乐养老院”提交的机构注册已确认。", null,
                "7a7d4c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e", "2026-12-01T02:00:00Z", true);
        String html = engine().getTemplate("messages.html").data("user", CLERK).data("labels", Labels.INSTANCE)
                .data("nav", new NavCounts.Nav(1L, null)).data("messages", List.of(returned, confirmed))
                .data("total", 2L).data("unread", 1L).data("page", 0).data("pages", 1).data("pageLabel", 1)
                .data("prevPage", -1).data("nextPage", 1).render();

        assertTrue(html.contains("<span class=\"badge\" id=\"nav-unread\">1 条未读</span>"), html);
        assertTrue(html.contains("共 2 条消息，其中 <strong>1 条未读</strong>"));
        assertTrue(html.contains("<li id=\"m-" + returned.id() + "\" class=\"message unread\""));
        assertTrue(html.contains("审核意见：承诺书未盖章"));
        assertTrue(html.contains("2026-12-03 10:00"), "China time");
        assertTrue(html.contains("name=\"open\" value=\"" + returned.filingId() + "\""), "opens its filing");
        assertTrue(html.contains("id=\"read-" + returned.id() + "\""));
        assertFalse(html.contains("id=\"read-" + confirmed.id() + "\""), "a read message is not offered again");
        assertFalse(html.contains("id=\"open-" + confirmed.id() + "\""), "a registration has no filing to open");
        assertFalse(html.contains("FILING_RETURNED\">FILING"), "codes only where a machine reads");
    }

    @Test
    void noUnreadMessagesNoBadgeAndAnEmptyBoxSaysSo() {
        String html = engine().getTemplate("messages.html").data("user", REGISTRANT).data("labels", Labels.INSTANCE)
                .data("nav", new NavCounts.Nav(0L, null)).data("messages", List.of()).data("total", 0L)
                .data("unread", 0L).data("page", 0).data("pages", 1).data("pageLabel", 1).data("prevPage", -1)
                .data("nextPage", 1).render();
        assertTrue(html.contains("id=\"nav-messages\""));
        assertFalse(html.contains("nav-unread"));
        assertTrue(html.contains("暂无消息。"));
    }

    @Test
    void theReviewPageShowsWhatWaitsAndTheMenuTheFilingsToActOn() {
        var counts = new FilingClient.QueueCounts("2026-12-03", "2026-12-04", 3, 2, 4, 1, 2, 5);
        String html = engine().getTemplate("queue.html").data("user", REVIEWER).data("labels", Labels.INSTANCE)
                .data("nav", new NavCounts.Nav(null, 5L)).data("waiting", counts).data("filings", List.of())
                .data("form", Form.empty()).data("total", 0L).data("page", 0).data("pages", 1).data("pageLabel", 1)
                .data("prevPage", -1).data("nextPage", 1).data("query", "").data("empty", "没有待办的备案。")
                .data("today", "2026-12-03").render();

        assertTrue(html.contains("<span class=\"badge\" id=\"nav-waiting\">待办 5</span>"), html);
        assertFalse(html.contains("id=\"nav-messages\""), "a reviewer has no messages");
        assertTrue(html.contains("待受理 <strong id=\"w-submitted\">3</strong> 件"));
        assertTrue(html.contains("审查中 <strong id=\"w-accepted\">2</strong> 件"));
        assertTrue(html.contains("退回待机构补正 <strong id=\"w-returned\">4</strong> 件"));
        assertTrue(html.contains("今日或下一个工作日（2026-12-04）到期 <strong id=\"w-due-soon\">1</strong> 件"));
        assertTrue(html.contains("href=\"/portal/review?overdue=true\">已超期 <strong id=\"w-overdue\" class=\"flag\">2</strong>"));
    }

    @Test
    void aPageWithoutCountsRendersWithoutThem() {
        String html = engine().getTemplate("queue.html").data("user", REVIEWER).data("labels", Labels.INSTANCE)
                .data("nav", new NavCounts.Nav(null, null)).data("filings", List.of()).data("form", Form.empty())
                .data("total", 0L).data("page", 0).data("pages", 1).data("pageLabel", 1).data("prevPage", -1)
                .data("nextPage", 1).data("query", "").data("empty", "没有待办的备案。").data("today", "2026-12-03")
                .render();
        assertFalse(html.contains("nav-waiting"));
        assertFalse(html.contains("waiting-counts"));
    }

    @Test
    void theMessagesPageIsOfferedToThoseWhoFileOnly() {
        assertTrue(CLERK.mayOpen("/portal/messages"));
        assertTrue(REGISTRANT.mayOpen("/portal/messages"));
        assertFalse(REVIEWER.mayOpen("/portal/messages"));
        assertFalse(REVIEWER.mayOpen("/portal/messages/6f1c2b9e-0000-4000-8000-000000000001/read"));
    }

    /** The portal's own templates as Quarkus finds them, with the fmt: helpers. */
    static Engine engine() {
        return PortalTemplates.builder()
                .addNamespaceResolver(NamespaceResolver.builder("fmt").resolve(MessagePagesTest::fmt).build()).build();
    }

    private static CompletableFuture<Object> fmt(EvalContext context) {
        return context.evaluate(context.getParams().get(0)).<Object>thenApply(value -> switch (context.getName()) {
            case "time" -> Fmt.time(value);
            default -> throw new IllegalArgumentException("fmt:" + context.getName());
        }).toCompletableFuture();
    }
}
