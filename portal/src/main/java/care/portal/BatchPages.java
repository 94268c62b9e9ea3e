package care.portal;

import care.portal.client.Parallel;
import care.portal.client.SubsidyClient;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** 补贴: monthly batches (generate with progress, review, approve, release), reconciliation figures, CSV export. */
@Path("/portal")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class BatchPages {

    private static final Pattern PERIOD = Pattern.compile("\\d{4}-\\d{2}");

    @Inject
    @Location("batches.html")
    Template batches;

    @Inject
    @Location("batch.html")
    Template batch;

    @Inject
    @RestClient
    SubsidyClient subsidy;

    @Inject
    Parallel parallel;

    @Inject
    Views views;

    @Inject
    Confirm confirm;

    @GET
    @Path("/batches")
    public TemplateInstance list(@RestQuery String period) {
        String month = period != null && PERIOD.matcher(period).matches() ? period
                : YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
        return overview(Form.empty().set("period", month).set("reconPeriod", month));
    }

    private TemplateInstance overview(Form form) {
        String month = form.v("reconPeriod");
        var list = parallel.start(() -> subsidy.batches(50));
        var programmes = parallel.start(subsidy::programmes);
        // the figures are optional on this page; the batches are what matters
        var reconciliation = parallel.start(() -> PERIOD.matcher(month).matches()
                ? orNull(() -> subsidy.reconciliation(month)) : null);
        Map<String, String> names = new LinkedHashMap<>();
        Parallel.join(programmes).forEach(p -> names.put(p.code(), p.name()));
        return views.page(batches).data("batches", Parallel.join(list)).data("programmes", Parallel.join(programmes))
                .data("names", names).data("form", form).data("reconciliation", Parallel.join(reconciliation));
    }

    @POST
    @Path("/batches")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response generate(@RestForm String programmeCode, @RestForm String period) {
        Form form = Form.empty().set("programmeCode", nz(programmeCode)).set("period", nz(period))
                .set("reconPeriod", nz(period));
        try {
            SubsidyClient.Batch created = subsidy.generate(Map.of("programmeCode", nz(programmeCode),
                    "period", nz(period)));
            return Views.seeOther("/portal/batches/" + created.id());
        } catch (ApiError e) {
            return views.html(e.status, overview(form.error(e)));
        }
    }

    @GET
    @Path("/batches/{id}")
    public TemplateInstance show(@RestPath String id, @RestQuery String done, @RestQuery String page,
                                 @RestQuery String status, @RestQuery String q) {
        return detail(Views.id(id), Form.empty(), Math.min(PublicPages.parsePage(page), 9_999),
                status != null && Labels.INSTANCE.instructionStatuses.containsKey(status) ? status : null,
                q == null || q.isBlank() ? null : q.strip()).data("done", done);
    }

    static final int LINES_PER_PAGE = 50;

    /**
     * The batch with one page of its lines (all of them, or those of one status, or those whose payee or institution
     * {@code q} names): an approver sees what they approve.
     */
    private TemplateInstance detail(String id, Form form, int page, String status, String q) {
        var batchAnswer = parallel.start(() -> subsidy.batch(id));
        var figures = parallel.start(() -> orNull(() -> subsidy.batchReconciliation(id)));
        var pageLines = parallel.start(() -> orNull(() -> subsidy.instructions(id, LINES_PER_PAGE, page, status, q)));
        SubsidyClient.Batch b = Parallel.join(batchAnswer);
        boolean generating = "GENERATING".equals(b.status());
        SubsidyClient.Reconciliation reconciliation = generating ? null : Parallel.join(figures);
        SubsidyClient.InstructionPage lines = generating ? null : Parallel.join(pageLines);
        int pages = lines == null ? 1 : (int) Math.max(1, (lines.totalItems() + LINES_PER_PAGE - 1) / LINES_PER_PAGE);
        int shown = Math.min(page, pages - 1);
        if (lines != null && shown != page) { // past the last page: the last page instead
            lines = orNull(() -> subsidy.instructions(id, LINES_PER_PAGE, shown, status, q));
        }
        String query = (status == null ? "" : "status=" + status + "&")
                + (q == null ? "" : "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&");
        return views.page(batch).data("b", b).data("generating", generating).data("reconciliation", reconciliation)
                .data("lines", lines).data("form", form.set("lineStatus", status == null ? "" : status).set("lineQuery", q == null ? "" : q))
                .data("page", shown).data("pages", pages).data("pageLabel", shown + 1).data("prevPage", shown - 1)
                .data("nextPage", shown + 1).data("query", query).data("first", shown * LINES_PER_PAGE + 1);
    }

    /** Progress while generating, for the page's script (the page also refreshes itself without script). */
    @GET
    @Path("/batches/{id}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    public Progress progress(@RestPath String id) {
        SubsidyClient.Batch b = subsidy.batch(Views.id(id));
        return new Progress(b.status(), b.processed(), b.total());
    }

    public record Progress(String status, Long processed, Long total) {
    }

    @POST
    @Path("/batches/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@RestPath String id, @RestForm String note, @RestForm String confirmed) {
        if (!Confirm.given(confirmed)) {
            return confirm.ask(Confirm.Step.BATCH_APPROVE, "/portal/batches/" + Views.id(id),
                    new Confirm.Field("note", "审核意见", note));
        }
        return act(id, "approve", Map.of("note", nz(note)), Form.empty().set("note", nz(note)), "approved");
    }

    @POST
    @Path("/batches/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@RestPath String id, @RestForm String reason, @RestForm String confirmed) {
        if (!Confirm.given(confirmed)) {
            return confirm.ask(Confirm.Step.BATCH_REJECT, "/portal/batches/" + Views.id(id),
                    new Confirm.Field("reason", "驳回理由", reason));
        }
        return act(id, "reject", Map.of("reason", nz(reason)), Form.empty().set("reason", nz(reason)), "rejected");
    }

    @POST
    @Path("/batches/{id}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response release(@RestPath String id, @RestForm String confirmed) {
        if (!Confirm.given(confirmed)) {
            return confirm.ask(Confirm.Step.BATCH_RELEASE, "/portal/batches/" + Views.id(id));
        }
        return act(id, "release", null, Form.empty(), "released");
    }

    private Response act(String id, String action, Map<String, Object> body, Form form, String done) {
        String batchId = Views.id(id);
        try {
            subsidy.act(batchId, action, body);
            return Views.seeOther("/portal/batches/" + batchId + "?done=" + done);
        } catch (ApiError e) {
            return views.html(e.status, detail(batchId, form.error(e), 0, null, null));
        }
    }

    @GET
    @Path("/batches/{id}/export.csv")
    @Produces(MediaType.WILDCARD)
    public Response exportBatch(@RestPath String id) {
        return Views.passThrough(subsidy.batchExport(Views.id(id)), false);
    }

    @GET
    @Path("/ledger/export.csv")
    @Produces(MediaType.WILDCARD)
    public Response exportPeriod(@RestQuery String period) {
        String month = period != null && PERIOD.matcher(period).matches() ? period
                : YearMonth.from(LocalDate.now(ZoneId.of("Asia/Shanghai"))).toString();
        return Views.passThrough(subsidy.ledgerExport(month), false);
    }

    /** Figures beside the batch: a batch still generating may not have them yet. */
    private static <T> T orNull(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (ApiError e) {
            return null;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
