package care.portal;

import care.portal.client.AccountClient;
import care.portal.client.DirectoryClient;
import care.portal.client.FilingClient;
import care.portal.client.IndicatorClient;
import care.portal.client.Parallel;
import care.portal.client.SubsidyClient;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * 概览: where a city admin or an auditor lands (and a reviewer's first menu item): what waits in the review queue,
 * the register by kind with its 普惠/示范, the plan's indicators against their 2025 targets, the batches waiting for
 * approval or release, and the registrations waiting for confirmation, each figure a link to the page that lists it.
 * Every figure comes from the API that owns it, asked as the user (the services scope each answer to the user's city,
 * or county and sector); the register's counts come from the public directory, narrowed to the same area. The panels
 * are asked at once; one whose service does not answer says so, and the others are shown.
 */
@Path("/portal/overview")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class OverviewPages {

    private static final Logger LOG = Logger.getLogger(OverviewPages.class);
    /** The batches the overview looks through: the newest, as the batches page lists them. */
    static final int BATCHES = 100;
    static final int REGISTRATIONS = 200;

    @Inject
    @Location("overview.html")
    Template overview;

    @Inject
    NavCounts nav;

    @Inject
    @RestClient
    DirectoryClient directory;

    @Inject
    @RestClient
    IndicatorClient indicators;

    @Inject
    @RestClient
    SubsidyClient subsidy;

    @Inject
    @RestClient
    AccountClient accounts;

    @Inject
    Parallel parallel;

    @Inject
    Views views;

    @Inject
    Viewer viewer;

    /** A panel's figures, or why they are missing (its service did not answer). */
    @TemplateData
    public record Panel<T>(T data, String down) {

        static <T> Panel<T> of(T data) {
            return new Panel<>(data, null);
        }

        static <T> Panel<T> down(String what) {
            return new Panel<>(null, what + "暂时无法取得（相关服务未响应），其他内容不受影响，请稍后刷新页面。");
        }
    }

    /** Institutions of one kind in the directory of the user's area; {@code exact} false beyond the directory's cap. */
    @TemplateData
    public record KindCount(String code, String label, String sector, long count, boolean exact) {
    }

    /**
     * The register of the user's area: filed institutions by kind, and how many are 普惠 and 示范; {@code area} is the
     * directory's query for the city (and county), {@code sector} a reviewer's own (null for both sectors).
     */
    @TemplateData
    public record Register(List<KindCount> kinds, long total, long inclusive, long demonstration, String area,
                           String sector) {
    }

    /** One indicator of the plan for the user's area: its value (or what is missing) against the 2025 target. */
    @TemplateData
    public record IndicatorLine(String code, String name, BigDecimal value, String missing, String unit,
                                String direction, BigDecimal target, String status, String statusLabel) {
    }

    /** The batches waiting for a step, with their amounts in fen. */
    @TemplateData
    public record Batches(long toApprove, long toApproveFen, long toRelease, long toReleaseFen,
                          List<SubsidyClient.Batch> waiting) {
    }

    @GET
    public TemplateInstance page() {
        User user = viewer.user();
        var register = parallel.start(() -> panel("机构统计", () -> register(user)));
        var plan = parallel.start(() -> panel("规划指标", () -> indicators(indicators.table(null), county(user))));
        var batches = user.batches() ? parallel.start(() -> panel("补贴批次", () -> batches(subsidy.batches(BATCHES))))
                : CompletableFuture.completedFuture((Panel<Batches>) null);
        var pending = parallel.start(() -> panel("待确认注册",
                () -> accounts.registrations("PENDING", REGISTRATIONS).size()));
        // the menu's 待办 count asks the filing service for these once per page: the same answer, not a second call
        FilingClient.QueueCounts counts = nav.queue();
        var queue = counts == null ? Panel.<FilingClient.QueueCounts>down("待办备案") : Panel.of(counts);
        return views.page(overview).data("queue", queue).data("register", Parallel.join(register))
                .data("plan", Parallel.join(plan)).data("batches", Parallel.join(batches))
                .data("pending", Parallel.join(pending)).data("pendingCap", REGISTRATIONS);
    }

    private static <T> Panel<T> panel(String what, Supplier<T> call) {
        try {
            return Panel.of(call.get());
        } catch (RuntimeException e) {
            LOG.debugf("overview panel %s left out: %s", what, e.toString());
            return Panel.down(what);
        }
    }

    /**
     * The directory (filed institutions, public) counted per kind in the user's area: a city-wide user's city, a
     * county reviewer's county, and a reviewer's own sector only. One count per kind, asked at once.
     */
    private Register register(User user) {
        String division = user.claim("division_code");
        String city = !user.claim("city_code").isEmpty() ? user.claim("city_code")
                : division.length() == 6 ? division.substring(0, 4) + "00" : null;
        String county = county(user);
        String sector = user.decides() ? blankToNull(user.claim("sector")) : null;
        List<Labels.Option> kinds = Labels.INSTANCE.kinds.stream()
                .filter(k -> sector == null || sector.equals(k.group())).toList();
        List<CompletableFuture<DirectoryClient.DirectoryPage>> counts = new ArrayList<>();
        for (Labels.Option kind : kinds) {
            counts.add(parallel.start(() -> directory.search(1, 0, null, city, county, sector, kind.code(), null, null)));
        }
        var inclusive = parallel.start(() -> directory.search(1, 0, null, city, county, sector, null, "true", null));
        var demonstration = parallel.start(() -> directory.search(1, 0, null, city, county, sector, null, null, "true"));
        List<KindCount> byKind = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < kinds.size(); i++) {
            DirectoryClient.DirectoryPage page = Parallel.join(counts.get(i));
            total += page.total();
            byKind.add(new KindCount(kinds.get(i).code(), kinds.get(i).label(), kinds.get(i).group(), page.total(),
                    page.totalExact()));
        }
        String area = "city=" + city + (county == null ? "" : "&county=" + county);
        return new Register(byKind, total, Parallel.join(inclusive).total(), Parallel.join(demonstration).total(), area,
                sector);
    }

    /** A county reviewer's county; null for a user bound to a whole city (a city admin, an auditor, a city reviewer). */
    static String county(User user) {
        String division = user.claim("division_code");
        return division.length() == 6 && !division.endsWith("00") ? division : null;
    }

    /** The measured indicators' figures for the user's own area: a county reviewer's county, else the city's. */
    static List<IndicatorLine> indicators(IndicatorClient.Table table, String county) {
        String own = county == null || county.isBlank() ? table.cityCode() : county;
        List<IndicatorLine> lines = new ArrayList<>();
        for (IndicatorClient.Indicator i : table.indicators()) {
            if (!i.measured()) {
                continue;
            }
            i.figures().stream().filter(f -> Objects.equals(f.areaCode(), own)).findFirst()
                    .ifPresent(f -> lines.add(new IndicatorLine(i.code(), i.name(), f.value(), f.missing(), i.unit(),
                            i.direction(), i.target(), f.status(), f.statusLabel())));
        }
        return lines;
    }

    /** 待审核 (generated, waiting for a second person's approval) and 已审核 (approved, waiting for release). */
    static Batches batches(List<SubsidyClient.Batch> list) {
        long toApprove = 0;
        long toApproveFen = 0;
        long toRelease = 0;
        long toReleaseFen = 0;
        List<SubsidyClient.Batch> waiting = new ArrayList<>();
        for (SubsidyClient.Batch b : list) {
            long fen = b.amountFen() == null ? 0 : b.amountFen();
            if ("GENERATED".equals(b.status())) {
                toApprove++;
                toApproveFen += fen;
                waiting.add(b);
            } else if ("APPROVED".equals(b.status())) {
                toRelease++;
                toReleaseFen += fen;
                waiting.add(b);
            }
        }
        return new Batches(toApprove, toApproveFen, toRelease, toReleaseFen, waiting);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
