package care.portal;

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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
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
    Api api;

    @Inject
    Views views;

    @Inject
    Viewer viewer;

    @GET
    @Path("/batches")
    public TemplateInstance list(@RestQuery String period) {
        String month = period != null && PERIOD.matcher(period).matches() ? period
                : YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
        return overview(Form.empty().set("period", month).set("reconPeriod", month));
    }

    @SuppressWarnings("unchecked")
    private TemplateInstance overview(Form form) {
        String token = viewer.token();
        String month = form.v("reconPeriod");
        List<Object> answers = api.all(() -> api.list("/api/subsidy/batches?size=50", token),
                () -> api.list("/api/subsidy/programmes", token),
                () -> {
                    if (!PERIOD.matcher(month).matches()) {
                        return null;
                    }
                    try {
                        return api.map("/api/subsidy/ledger/reconciliation?period=" + month, token);
                    } catch (ApiError e) {
                        return null; // the figures are optional on this page; the batches are what matters
                    }
                });
        List<Object> list = (List<Object>) answers.get(0);
        List<Object> programmes = (List<Object>) answers.get(1);
        Map<String, Object> reconciliation = (Map<String, Object>) answers.get(2);
        Map<String, String> names = new LinkedHashMap<>();
        programmes.forEach(p -> names.put(String.valueOf(((Map<?, ?>) p).get("code")),
                String.valueOf(((Map<?, ?>) p).get("name"))));
        return views.page(batches).data("batches", list).data("programmes", programmes).data("names", names)
                .data("form", form).data("reconciliation", reconciliation);
    }

    @POST
    @Path("/batches")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response generate(@RestForm String programmeCode, @RestForm String period) {
        Form form = Form.empty().set("programmeCode", nz(programmeCode)).set("period", nz(period))
                .set("reconPeriod", nz(period));
        try {
            Object created = api.call("POST", "/api/subsidy/batches", viewer.token(),
                    Map.of("programmeCode", nz(programmeCode), "period", nz(period)));
            return Views.seeOther("/portal/batches/" + ((Map<?, ?>) created).get("id"));
        } catch (ApiError e) {
            return views.html(e.status, overview(form.error(e)));
        }
    }

    @GET
    @Path("/batches/{id}")
    public TemplateInstance show(@RestPath String id, @RestQuery String done) {
        return detail(Views.id(id), Form.empty()).data("done", done);
    }

    @SuppressWarnings("unchecked")
    private TemplateInstance detail(String id, Form form) {
        String token = viewer.token();
        List<Object> answers = api.all(() -> api.map("/api/subsidy/batches/" + id, token),
                () -> orNull(() -> api.map("/api/subsidy/batches/" + id + "/reconciliation", token)),
                () -> orNull(() -> api.map("/api/subsidy/batches/" + id + "/instructions?size=20", token)));
        Map<String, Object> b = (Map<String, Object>) answers.get(0);
        boolean generating = "GENERATING".equals(b.get("status"));
        Map<String, Object> reconciliation = generating ? null : (Map<String, Object>) answers.get(1);
        Map<String, Object> lines = generating ? null : (Map<String, Object>) answers.get(2);
        return views.page(batch).data("b", b).data("generating", generating).data("reconciliation", reconciliation)
                .data("lines", lines).data("form", form);
    }

    /** Progress while generating, for the page's script (the page also refreshes itself without script). */
    @GET
    @Path("/batches/{id}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> progress(@RestPath String id) {
        Map<String, Object> b = api.map("/api/subsidy/batches/" + Views.id(id), viewer.token());
        return Map.of("status", b.get("status"), "processed", b.get("processed"), "total", b.get("total"));
    }

    @POST
    @Path("/batches/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@RestPath String id, @RestForm String note) {
        return act(id, "approve", Map.of("note", nz(note)), Form.empty().set("note", nz(note)), "approved");
    }

    @POST
    @Path("/batches/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@RestPath String id, @RestForm String reason) {
        return act(id, "reject", Map.of("reason", nz(reason)), Form.empty().set("reason", nz(reason)), "rejected");
    }

    @POST
    @Path("/batches/{id}/release")
    public Response release(@RestPath String id) {
        return act(id, "release", null, Form.empty(), "released");
    }

    private Response act(String id, String action, Object body, Form form, String done) {
        String batchId = Views.id(id);
        try {
            api.call("POST", "/api/subsidy/batches/" + batchId + "/" + action, viewer.token(), body);
            return Views.seeOther("/portal/batches/" + batchId + "?done=" + done);
        } catch (ApiError e) {
            return views.html(e.status, detail(batchId, form.error(e)));
        }
    }

    @GET
    @Path("/batches/{id}/export.csv")
    @Produces(MediaType.WILDCARD)
    public Response exportBatch(@RestPath String id) {
        return FilingPages.passThrough(api.stream("/api/subsidy/batches/" + Views.id(id) + "/export.csv",
                viewer.token()), false);
    }

    @GET
    @Path("/ledger/export.csv")
    @Produces(MediaType.WILDCARD)
    public Response exportPeriod(@RestQuery String period) {
        String month = period != null && PERIOD.matcher(period).matches() ? period
                : YearMonth.from(LocalDate.now(ZoneId.of("Asia/Shanghai"))).toString();
        return FilingPages.passThrough(api.stream("/api/subsidy/ledger/export.csv?period=" + month,
                viewer.token()), false);
    }

    /** Figures beside the batch: a batch still generating may not have them yet. */
    private static Object orNull(java.util.function.Supplier<Object> read) {
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
