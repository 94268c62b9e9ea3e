package care.portal;

import care.portal.client.FilingClient;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static care.portal.FilingView.nz;

/**
 * 备案, the reviewer's side: the queue sorted by deadline with its filters, and the decisions on a filing (受理,
 * 准予备案, 退回补正 with a reason per material or field, 不予备案 with a reason). The filing page itself is
 * {@link FilingView}'s, the same one the institution sees.
 */
@Path("/portal")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class ReviewPages {

    @Inject
    @Location("queue.html")
    Template queue;

    @Inject
    @RestClient
    FilingClient filings;

    @Inject
    FilingView filing;

    @Inject
    Views views;

    @Inject
    Confirm confirm;

    @Inject
    NavCounts counts;

    @GET
    @Path("/review")
    public TemplateInstance queue(@RestQuery String status, @RestQuery String type, @RestQuery String overdue,
                                  @RestQuery String county, @RestQuery String q, @RestQuery String page) {
        Map<String, String> filters = queueFilters(status, type, overdue, county, q);
        int pageNo = Math.min(PublicPages.parsePage(page), MAX_PAGE);
        var answer = filings.queue(PAGE_SIZE, pageNo, filters.get("status"), filters.get("type"),
                filters.get("overdue"), filters.get("county"), filters.get("q"));
        long total = total(answer.getHeaderString("X-Total-Count"), answer.getEntity().size());
        int last = (int) Math.min(MAX_PAGE, Math.max(0, (total + PAGE_SIZE - 1) / PAGE_SIZE - 1));
        if (pageNo > last) { // past the end (a typed page, or the queue shrank meanwhile): its last page
            pageNo = last;
            answer = filings.queue(PAGE_SIZE, pageNo, filters.get("status"), filters.get("type"),
                    filters.get("overdue"), filters.get("county"), filters.get("q"));
        }
        String query = PublicPages.query(filters);
        return views.page(queue).data("filings", answer.getEntity()).data("form", Form.of(filters))
                .data("total", total).data("page", pageNo).data("pages", last + 1).data("pageLabel", pageNo + 1)
                .data("prevPage", pageNo - 1).data("nextPage", pageNo + 1).data("query", query)
                .data("empty", emptyMessage(filters)).data("waiting", counts.queue())
                .data("today", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
    }

    static final int PAGE_SIZE = 20;
    static final int MAX_PAGE = 9_999;

    /** The queue's filters as the API takes them: known codes only, a county of six digits, the text stripped. */
    static Map<String, String> queueFilters(String status, String type, String overdue, String county, String q) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", status != null && Labels.INSTANCE.statuses.containsKey(status) ? status : null);
        filters.put("type", type != null && Labels.INSTANCE.types.containsKey(type) ? type : null);
        filters.put("overdue", "true".equals(overdue) ? "true" : null);
        filters.put("county", county != null && county.strip().matches("\\d{6}") ? county.strip() : null);
        filters.put("q", q == null || q.isBlank() ? null : q.strip());
        return filters;
    }

    /** What an empty queue says: with no filter, that nothing waits; with filters, that none matches them. */
    static String emptyMessage(Map<String, String> filters) {
        boolean filtered = filters.values().stream().anyMatch(v -> v != null);
        if (!filtered) {
            return "没有待办的备案。";
        }
        String status = filters.get("status");
        if (status == null) {
            return "没有符合筛选条件的待办备案。";
        }
        boolean more = filters.entrySet().stream().anyMatch(e -> !e.getKey().equals("status") && e.getValue() != null);
        return "没有状态为“" + Labels.INSTANCE.status(status) + "”" + (more ? "且符合其他筛选条件" : "") + "的备案。";
    }

    private static long total(String header, int shown) {
        try {
            return header == null ? shown : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return shown;
        }
    }

    @POST
    @Path("/filings/{id}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@RestPath String id, @RestForm String comment, @RestForm String confirmed) {
        if (!Confirm.given(confirmed)) {
            return confirm.ask(Confirm.Step.ACCEPT, "/portal/filings/" + Views.id(id), new Confirm.Field("comment", null, comment));
        }
        return filing.act(id, "accept", Map.of("comment", nz(comment)), Form.empty(), "accepted");
    }

    @POST
    @Path("/filings/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@RestPath String id, @RestForm String comment, @RestForm String confirmed) {
        if (!Confirm.given(confirmed)) {
            return confirm.ask(Confirm.Step.APPROVE, "/portal/filings/" + Views.id(id),
                    new Confirm.Field("comment", "审核意见", comment));
        }
        return filing.act(id, "approve", Map.of("comment", nz(comment)),
                Form.empty().set("approveComment", nz(comment)), "approved");
    }

    @POST
    @Path("/filings/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@RestPath String id, @RestForm String comment, @RestForm String confirmed) {
        Form form = Form.empty().set("rejectComment", nz(comment));
        if (nz(comment).isBlank()) { // the API requires a reason too; say it at the field before calling
            return filing.again(Views.id(id), form, new ApiError(400, "VALIDATION_FAILED", "不予备案须说明理由", null,
                    Map.of("rejectComment", "请填写不予备案的理由")));
        }
        if (!Confirm.given(confirmed)) {
            return confirm.ask(Confirm.Step.REJECT, "/portal/filings/" + Views.id(id),
                    new Confirm.Field("comment", "不予备案的理由", comment));
        }
        return filing.act(id, "reject", Map.of("comment", comment), form, "rejected");
    }

    /** 退回补正: a reason per checklist item (m.CODE) and per named field (field1/reason1 …), and a comment. */
    @POST
    @Path("/filings/{id}/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response returnForCorrection(@RestPath String id, MultivaluedMap<String, String> input) {
        Form form = Form.of(input);
        List<Map<String, String>> items = new ArrayList<>();
        input.keySet().stream().sorted().forEach(key -> {
            String reason = form.v(key).strip();
            if (key.startsWith("m.") && !reason.isEmpty()) {
                items.add(Map.of("material", key.substring(2), "reason", reason));
            }
        });
        for (int i = 1; i <= 3; i++) {
            String field = form.v("field" + i);
            String reason = form.v("reason" + i).strip();
            if (!field.isEmpty() && !reason.isEmpty()) {
                items.add(Map.of("field", field, "reason", reason));
            }
        }
        if (items.isEmpty()) {
            return filing.again(Views.id(id), form, new ApiError(400, "VALIDATION_FAILED", "退回补正须列明需补正的材料或字段",
                    null, Map.of("items", "请至少为一项材料或字段填写补正理由")));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("comment", form.v("returnComment"));
        body.put("items", items);
        return filing.act(id, "return", body, form, "returned");
    }
}
