package care.portal;

import care.portal.client.FilingClient;
import care.portal.client.IndicatorClient;
import care.portal.client.SubsidyClient;
import care.portal.client.TownshipClient;
import io.quarkus.qute.Engine;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.NamespaceResolver;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 概览 as the city admin, the auditor and a reviewer see it, rendered from the APIs' answers; and who may open it. */
class OverviewPagesTest {

    // the claims the demo realm gives them: a city admin and an auditor are bound by city_code only
    static final User ADMIN = new User(true, "admin-530100", "昆明市管理员", Set.of("city-admin"),
            Map.of("city_code", "530100"));
    static final User AUDITOR = new User(true, "auditor-530100", "昆明市审计", Set.of("auditor"),
            Map.of("city_code", "530100"));
    static final User REVIEWER = new User(true, "mz-530102", "民政审核员", Set.of("civil-affairs-reviewer"),
            Map.of("division_code", "530102", "sector", "ELDERLY", "city_code", "530100"));
    static final User CLERK = new User(true, "inst-elderly", "张丽", Set.of("institution"), Map.of());

    static final FilingClient.QueueCounts QUEUE = new FilingClient.QueueCounts("2026-12-03", "2026-12-04", 3, 2, 4, 1,
            2, 5);
    static final OverviewPages.Register REGISTER = new OverviewPages.Register(List.of(
            new OverviewPages.KindCount("PRIVATE_CARE_HOME", "社会力量兴办养老机构", "ELDERLY", 1200, false),
            new OverviewPages.KindCount("FULL_DAYCARE", "全托育机构", "CHILDCARE", 31, true)), 1231, 87, 12,
            "city=530100", null);

    static IndicatorClient.Table table() {
        var city = new IndicatorClient.Figure("530100", "昆明市", new BigDecimal("38.2"), 12000, 314000L, null,
                new BigDecimal("40"), new BigDecimal("-1.8"), null, "ON_TRACK", "进度正常", List.of());
        var county = new IndicatorClient.Figure("530102", "五华区", null, 0, null, "缺少人口数据", new BigDecimal("40"),
                null, null, null, null, List.of());
        var beds = new IndicatorClient.Indicator("KM-E-07", "每千名老年人养老床位数", "ELDERLY", true, null, "张", ">=",
                new BigDecimal("40"), "2025-12-31", null, "COUNTY", null, 1, "床位", "老年人口（千人）",
                List.of(city, county));
        var unmeasured = new IndicatorClient.Indicator("KM-E-99", "未测算的指标", "ELDERLY", false, "平台不掌握", "%",
                ">=", BigDecimal.ONE, "2025-12-31", null, "CITY", null, 1, null, null, List.of());
        return new IndicatorClient.Table("530100", "昆明市", "2026-12-03", List.of(), List.of(beds, unmeasured));
    }

    static List<SubsidyClient.Batch> batches() {
        return List.of(
                batch("b1", "GENERATED", 1_234_500L), batch("b2", "GENERATED", 100L), batch("b3", "APPROVED", 50_000L),
                batch("b4", "RELEASED", 9_999_999L), batch("b5", "GENERATING", null));
    }

    static SubsidyClient.Batch batch(String id, String status, Long fen) {
        return new SubsidyClient.Batch(id, "KM-NURSING", "2026-11", 1, status, 10L, 10L, 10L, fen, "admin-530100",
                null, null, null, null, null, null, null);
    }

    private static String render(User user, OverviewPages.Panel<?> batches) {
        return engine().getTemplate("overview.html").data("user", user).data("labels", Labels.INSTANCE)
                .data("nav", new NavCounts.Nav(null, 5L))
                .data("queue", OverviewPages.Panel.of(QUEUE)).data("register", OverviewPages.Panel.of(REGISTER))
                .data("plan", OverviewPages.Panel.of(OverviewPages.indicators(table(), null)))
                .data("batches", batches).data("pending", OverviewPages.Panel.of(3)).data("pendingCap", 200).render();
    }

    @Test
    void theCityAdminSeesEachFigureAsALinkToItsList() {
        String html = render(ADMIN, OverviewPages.Panel.of(OverviewPages.batches(batches())));

        assertTrue(html.contains("id=\"nav-overview\" aria-current=\"page\"") || html.contains("id=\"nav-overview\""),
                "概览 in the menu");
        assertTrue(html.contains("<a href=\"/portal/review?status=SUBMITTED\">待受理 <strong id=\"o-submitted\">3</strong> 件</a>"));
        assertTrue(html.contains("<a href=\"/portal/review?overdue=true\">已超期 <strong id=\"o-overdue\" class=\"flag\">2</strong> 件</a>"));
        assertTrue(html.contains("<a href=\"/portal/?city=530100&inclusive=true\">普惠 <strong id=\"o-inclusive\">87</strong> 家</a>"));
        assertTrue(html.contains("href=\"/portal/?city=530100&sector=ELDERLY&kind=PRIVATE_CARE_HOME\">超过 1200</a>"),
                "a count at the directory's cap says so");
        assertTrue(html.contains("<td data-label=\"领域\">托育</td><td data-label=\"机构类型\">全托育机构</td>"));
        // the city's own figure against its target; an unmeasured indicator is not on the overview
        assertTrue(html.contains("<a href=\"/portal/indicators#ind-KM-E-07\">每千名老年人养老床位数</a>"));
        assertTrue(html.contains("38.2 张") && html.contains("不低于 40 张") && html.contains("进度正常"));
        assertFalse(html.contains("未测算的指标"));
        // batches waiting for approval and release, amounts in yuan from fen
        assertTrue(html.contains("待审核 <strong id=\"o-to-approve\">2</strong> 批，合计 <strong id=\"o-to-approve-yuan\">12346.00</strong> 元"), html);
        assertTrue(html.contains("已审核待下达财政 <strong id=\"o-to-release\">1</strong> 批，合计 <strong id=\"o-to-release-yuan\">500.00</strong> 元"));
        assertTrue(html.contains("id=\"batch-b1\"") && html.contains("id=\"batch-b3\""));
        assertFalse(html.contains("id=\"batch-b4\""), "a released batch waits for nothing");
        assertTrue(html.contains("<a href=\"/portal/registrations?status=PENDING\"><strong id=\"o-pending\">3 件</strong></a>"));
        assertFalse(html.contains(">GENERATED") || html.contains(">ON_TRACK"), "no codes where a person reads");
    }

    @Test
    void aPanelWhoseServiceIsDownSaysSoAndTheOthersAreShown() {
        String html = engine().getTemplate("overview.html").data("user", AUDITOR).data("labels", Labels.INSTANCE)
                .data("nav", new NavCounts.Nav(null, null))
                .data("queue", OverviewPages.Panel.down("待办备案")).data("register", OverviewPages.Panel.of(REGISTER))
                .data("plan", OverviewPages.Panel.down("规划指标"))
                .data("batches", OverviewPages.Panel.down("补贴批次")).data("pending", OverviewPages.Panel.of(0))
                .data("pendingCap", 200).render();
        assertTrue(html.contains("<p class=\"alert warn\" role=\"status\" id=\"queue-down\">待办备案暂时无法取得（相关服务未响应），其他内容不受影响，请稍后刷新页面。</p>"), html);
        assertTrue(html.contains("id=\"plan-down\">规划指标暂时无法取得"));
        assertTrue(html.contains("id=\"batches-down\">补贴批次暂时无法取得"));
        assertFalse(html.contains("id=\"o-submitted\""));
        assertTrue(html.contains("id=\"o-total\">1231</strong>"), "the register's panel is still shown");
    }

    @Test
    void aCountyReviewerSeesItsCountysFigureAndNoBatchesPanelWhenItHasNone() {
        assertEquals("530102", OverviewPages.county(REVIEWER));
        assertEquals(null, OverviewPages.county(ADMIN));
        var lines = OverviewPages.indicators(table(), OverviewPages.county(REVIEWER));
        assertEquals(1, lines.size());
        assertEquals("缺少人口数据", lines.get(0).missing());
        String html = engine().getTemplate("overview.html").data("user", REVIEWER).data("labels", Labels.INSTANCE)
                .data("nav", new NavCounts.Nav(null, 5L)).data("queue", OverviewPages.Panel.of(QUEUE))
                .data("register", OverviewPages.Panel.of(REGISTER)).data("plan", OverviewPages.Panel.of(lines))
                .data("batches", null).data("pending", OverviewPages.Panel.of(200)).data("pendingCap", 200).render();
        assertTrue(html.contains("<span class=\"hint\">缺少人口数据</span>"));
        assertFalse(html.contains("panel-batches"));
        assertTrue(html.contains("200 件以上"));
    }

    @Test
    void theAdminAndTheAuditorLandOnItAnInstitutionIsRefusedInChinese() {
        assertEquals("/portal/overview", ADMIN.home());
        assertEquals("/portal/overview", AUDITOR.home());
        assertEquals("/portal/review", REVIEWER.home());
        assertTrue(ADMIN.mayOpen("/portal/overview") && AUDITOR.mayOpen("/portal/overview")
                && REVIEWER.mayOpen("/portal/overview"));
        assertFalse(CLERK.mayOpen("/portal/overview"));
        String html = engine().getTemplate("error.html").data("user", CLERK).data("labels", Labels.INSTANCE)
                .data("nav", new NavCounts.Nav(0L, null)).data("error", PageAccess.refusal(CLERK)).render();
        assertTrue(html.contains("<h1>您的账号不办理此项业务</h1>"), html);
        assertTrue(html.contains("机构经办人账号没有此页面的办理权限"));
        assertFalse(html.contains("id=\"nav-overview\""), "not in an institution's menu");
    }

    @Test
    void onlyTheCityAdminKeepsTheTownshipListsAndTheSiteFormOffersThoseInForce() {
        assertTrue(ADMIN.mayOpen("/portal/townships"));
        for (User u : List.of(AUDITOR, REVIEWER, CLERK)) {
            assertFalse(u.mayOpen("/portal/townships"), u.username());
        }
        var inForce = township("530102901", "测试街道（测试值）", true);
        var retired = township("530102902", "旧测试街道（测试值）", false);
        assertEquals(List.of(), SitePages.choices(List.of(), null), "none entered: the typed code");
        assertEquals(List.of(), SitePages.choices(List.of(retired), null), "all retired: the typed code");
        assertEquals(List.of(inForce), SitePages.choices(List.of(inForce, retired), "530102901"));
        assertEquals(List.of(inForce, retired), SitePages.choices(List.of(inForce, retired), "530102902"),
                "the site keeps the retired one it names");
    }

    @Test
    void theTownshipPageListsTheCountyWithItsFormsAndSaysWhenNoneIsEntered() {
        var t = township("530102901", "测试街道（测试值）", true);
        String html = engine().getTemplate("townships.html").data("user", ADMIN).data("labels", Labels.INSTANCE)
                .data("nav", new NavCounts.Nav(null, null)).data("counties", Labels.INSTANCE.countiesOf("530100"))
                .data("county", "530102").data("items", List.of(t)).data("form", Form.empty()).data("done", "added")
                .render();
        assertTrue(html.contains("<option value=\"530102\" selected>五华区</option>"), html);
        assertTrue(html.contains("<td data-label=\"名称\">测试街道（测试值）</td>"));
        assertTrue(html.contains("aria-label=\"测试街道（测试值） 的新名称\""), "every input has a label");
        assertTrue(html.contains("action=\"/portal/townships/530102901/retire\""));
        assertTrue(html.contains("已录入。"));
        String none = engine().getTemplate("townships.html").data("user", ADMIN).data("labels", Labels.INSTANCE)
                .data("nav", new NavCounts.Nav(null, null)).data("counties", Labels.INSTANCE.countiesOf("530100"))
                .data("county", "530103").data("items", List.of()).data("form", Form.empty()).data("done", null)
                .render();
        assertTrue(none.contains("这个县（区）尚未录入乡镇（街道）"));
    }

    static TownshipClient.Township township(String code, String name, boolean inForce) {
        return new TownshipClient.Township(code, name, code.substring(0, 6), "五华区", inForce, "2026-12-01",
                inForce ? null : "2026-12-02", "admin-530100", "2026-12-01T02:00:00Z", null, null);
    }

    /** The portal's own templates as Quarkus finds them, with the fmt: helpers the pages use. */
    static Engine engine() {
        return PortalTemplates.builder()
                .addNamespaceResolver(NamespaceResolver.builder("fmt").resolve(OverviewPagesTest::fmt).build()).build();
    }

    private static CompletableFuture<Object> fmt(EvalContext context) {
        return context.evaluate(context.getParams().get(0)).<Object>thenApply(value -> switch (context.getName()) {
            case "time" -> Fmt.time(value);
            case "yuan" -> Fmt.yuan(value);
            default -> throw new IllegalArgumentException("fmt:" + context.getName());
        }).toCompletableFuture();
    }
}
