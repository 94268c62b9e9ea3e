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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 备案: the institution's filings (list, guided form, materials, submit, receipt) and the reviewer's side of the
 * same filing (queue, materials previewed, 受理 / 准予备案 / 退回补正 / 不予备案, history).
 */
@Path("/portal")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class FilingPages {

    static final List<String> FIELDS = List.of("type", "sector", "uscc", "institutionName", "kind", "ownership",
            "divisionCode", "address", "legalRepresentative", "contactPhone", "capacity", "siteName", "siteAddress",
            "siteCapacity", "closeReason");
    /** What each type carries (the others are refused by the API for that type). */
    static final Map<String, List<String>> BY_TYPE = Map.of(
            "NEW", List.of("sector", "uscc", "institutionName", "kind", "ownership", "divisionCode", "address",
                    "legalRepresentative", "contactPhone", "capacity"),
            "CHANGE", List.of("uscc", "institutionName", "kind", "ownership", "address", "legalRepresentative",
                    "contactPhone", "capacity"),
            "ADD_SITE", List.of("uscc", "siteName", "siteAddress", "siteCapacity"),
            "CLOSE", List.of("uscc", "closeReason"));
    static final Set<String> NUMBERS = Set.of("capacity", "siteCapacity");

    @Inject
    @Location("filings.html")
    Template filings;

    @Inject
    @Location("filing-form.html")
    Template filingForm;

    @Inject
    @Location("filing.html")
    Template filing;

    @Inject
    @Location("queue.html")
    Template queue;

    @Inject
    Api api;

    @Inject
    Views views;

    @Inject
    Viewer viewer;

    // ---------------------------------------------------------------- institution

    @GET
    @Path("/filings")
    public TemplateInstance list(@RestQuery String done) {
        String token = viewer.token();
        List<Object> mine = api.list("/api/filings?size=100", token);
        return views.page(filings).data("filings", mine).data("materialNames", materialNames(mine, token))
                .data("done", done);
    }

    /**
     * The names of the materials a returned filing's reasons point at (filing id → code → name), from the same
     * checklist the filing page shows; asked for the returned filings only, in parallel.
     */
    @SuppressWarnings("unchecked")
    private Map<Object, Map<Object, Object>> materialNames(List<Object> filings, String token) {
        List<Object> returned = filings.stream().map(f -> (Map<String, Object>) f)
                .filter(f -> "RETURNED".equals(f.get("status"))
                        && f.get("returnItems") instanceof List<?> items && !items.isEmpty())
                .map(f -> f.get("id")).toList();
        List<Object> checklists = api.all(returned.stream()
                .<java.util.function.Supplier<?>>map(id -> () -> api.list("/api/filings/" + Views.id(String.valueOf(id))
                        + "/materials", token)).toArray(java.util.function.Supplier[]::new));
        Map<Object, Map<Object, Object>> names = new HashMap<>();
        for (int i = 0; i < returned.size(); i++) {
            Map<Object, Object> byCode = new HashMap<>();
            for (Object m : (List<Object>) checklists.get(i)) {
                byCode.put(((Map<?, ?>) m).get("code"), ((Map<?, ?>) m).get("name"));
            }
            names.put(returned.get(i), byCode);
        }
        return names;
    }

    @GET
    @Path("/filings/new")
    public TemplateInstance newFiling(@RestQuery String type) {
        String t = type != null && Labels.INSTANCE.types.containsKey(type) ? type : "NEW";
        User user = viewer.user();
        Form form = Form.empty().set("type", t).set("uscc", user.claim("uscc")).set("sector", user.claim("sector"))
                .set("divisionCode", user.claim("division_code"));
        return form(form, null);
    }

    @POST
    @Path("/filings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> input) {
        Form form = Form.of(input);
        try {
            Object created = api.call("POST", "/api/filings", viewer.token(), body(form));
            return Views.seeOther("/portal/filings/" + ((Map<?, ?>) created).get("id") + "?done=created");
        } catch (ApiError e) {
            return views.html(e.status, form(form.error(e), null));
        }
    }

    @GET
    @Path("/filings/{id}/edit")
    public TemplateInstance edit(@RestPath String id) {
        Map<String, Object> current = api.map("/api/filings/" + Views.id(id), viewer.token());
        Map<String, Object> values = new HashMap<>();
        FIELDS.forEach(f -> values.put(f, current.get(f)));
        return form(Form.of(values), current);
    }

    @POST
    @Path("/filings/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@RestPath String id, MultivaluedMap<String, String> input) {
        String filingId = Views.id(id);
        Form form = Form.of(input);
        try {
            api.call("PUT", "/api/filings/" + filingId, viewer.token(), body(form));
            return Views.seeOther("/portal/filings/" + filingId + "?done=saved");
        } catch (ApiError e) {
            return views.html(e.status, form(form.error(e),
                    api.map("/api/filings/" + filingId, viewer.token())));
        }
    }

    private TemplateInstance form(Form form, Map<String, Object> existing) {
        return views.page(filingForm).data("form", form).data("existing", existing);
    }

    /** The API's request from the form: blank fields left out, numbers checked here first. */
    static Map<String, Object> body(Form form) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, String> local = new LinkedHashMap<>();
        List<String> fields = BY_TYPE.getOrDefault(form.v("type"), BY_TYPE.get("NEW"));
        body.put("type", BY_TYPE.containsKey(form.v("type")) ? form.v("type") : "NEW");
        for (String field : fields) {
            String value = form.v(field).strip();
            if (value.isEmpty()) {
                continue;
            }
            if (NUMBERS.contains(field)) {
                try {
                    body.put(field, Integer.parseInt(value));
                } catch (NumberFormatException e) {
                    local.put(field, "请填写整数");
                }
            } else {
                body.put(field, field.equals("uscc") ? value.toUpperCase() : value);
            }
        }
        if (!local.isEmpty()) {
            throw ApiError.local(local);
        }
        return body;
    }

    // ---------------------------------------------------------------- one filing, both sides

    @GET
    @Path("/filings/{id}")
    public TemplateInstance show(@RestPath String id, @RestQuery String done) {
        return detail(Views.id(id), Form.empty()).data("done", done);
    }

    @SuppressWarnings("unchecked")
    private TemplateInstance detail(String id, Form form) {
        String token = viewer.token();
        List<Object> answers = api.all(() -> api.map("/api/filings/" + id, token),
                () -> api.list("/api/filings/" + id + "/materials", token),
                () -> api.list("/api/filings/" + id + "/history", token));
        @SuppressWarnings("unchecked")
        Map<String, Object> f = (Map<String, Object>) answers.get(0);
        List<Object> materials = (List<Object>) answers.get(1);
        List<Object> history = (List<Object>) answers.get(2);
        if (form.v("approveComment").isEmpty()) {
            form.set("approveComment", "材料齐全，准予备案");
        }
        Object status = f.get("status");
        return views.page(filing).data("f", f).data("materials", materials).data("history", history)
                .data("form", form).data("editable", "DRAFT".equals(status) || "RETURNED".equals(status))
                .data("done", null);
    }

    private Response again(String id, Form form, ApiError e) {
        return views.html(e.status, detail(id, form.error(e)));
    }

    @POST
    @Path("/filings/{id}/materials/{code}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestPath String id, @RestPath String code, @RestForm("file") FileUpload file,
                           @RestHeader("X-Requested-With") String requestedWith) {
        String filingId = Views.id(id);
        String item = Views.code(code);
        boolean script = "fetch".equals(requestedWith);
        try {
            if (file == null || file.fileName() == null || file.fileName().isBlank() || file.size() == 0) {
                throw new ApiError(400, "NO_FILE", "请选择要上传的文件", null, Map.of("materials." + item, "请选择要上传的文件"));
            }
            byte[] bytes = Files.readAllBytes(file.uploadedFile());
            try {
                api.upload("/api/filings/" + filingId + "/materials/" + item + "?fileName=" + Views.enc(file.fileName()),
                        viewer.token(), bytes, file.contentType() == null ? "application/octet-stream" : file.contentType());
            } catch (ApiError e) { // 413, 415, 409 …: shown at the item
                Map<String, String> at = new LinkedHashMap<>(e.fields);
                at.putIfAbsent("materials." + item, e.title);
                throw new ApiError(e.status, e.code, e.title, e.detail, at);
            }
            return script ? Response.ok("{\"ok\":true}", MediaType.APPLICATION_JSON).build()
                    : Views.seeOther("/portal/filings/" + filingId + "?done=uploaded#materials");
        } catch (ApiError e) {
            if (script) {
                String message = e.fields.getOrDefault("materials." + item, e.title);
                return Response.status(e.status).type(MediaType.APPLICATION_JSON)
                        .entity(Map.of("title", e.title, "message", message)).build();
            }
            return again(filingId, Form.empty(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A material, shown in the page (inline) or downloaded. */
    @GET
    @Path("/filings/{id}/materials/{code}")
    @Produces(MediaType.WILDCARD)
    public Response material(@RestPath String id, @RestPath String code) {
        return passThrough(api.stream("/api/filings/" + Views.id(id) + "/materials/" + Views.code(code),
                viewer.token()), true);
    }

    @GET
    @Path("/filings/{id}/receipt")
    @Produces(MediaType.WILDCARD)
    public Response receipt(@RestPath String id) {
        return passThrough(api.stream("/api/filings/" + Views.id(id) + "/receipt", viewer.token()), true);
    }

    @GET
    @Path("/filings/{id}/receipt.pdf")
    @Produces(MediaType.WILDCARD)
    public Response receiptPdf(@RestPath String id) {
        return passThrough(api.stream("/api/filings/" + Views.id(id) + "/receipt.pdf", viewer.token()), false);
    }

    static Response passThrough(HttpResponse<InputStream> response, boolean inline) {
        Response.ResponseBuilder out = Response.ok(response.body());
        response.headers().firstValue("Content-Type").ifPresent(type -> out.type(type));
        response.headers().firstValue("Content-Disposition").ifPresent(d -> out.header("Content-Disposition",
                inline ? d.replaceFirst("^attachment", "inline") : d));
        response.headers().firstValue("Content-Length").ifPresent(l -> out.header("Content-Length", l));
        out.header("X-Content-Type-Options", "nosniff");
        return out.build();
    }

    @POST
    @Path("/filings/{id}/submit")
    public Response submit(@RestPath String id) {
        return act(id, "submit", null, Form.empty(), "submitted");
    }

    @POST
    @Path("/filings/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@RestPath String id, @RestForm String comment) {
        return act(id, "withdraw", Map.of("comment", nz(comment)), Form.empty().set("withdrawComment", nz(comment)),
                "withdrawn");
    }

    @POST
    @Path("/filings/{id}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@RestPath String id, @RestForm String comment) {
        return act(id, "accept", Map.of("comment", nz(comment)), Form.empty(), "accepted");
    }

    @POST
    @Path("/filings/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@RestPath String id, @RestForm String comment) {
        return act(id, "approve", Map.of("comment", nz(comment)), Form.empty().set("approveComment", nz(comment)),
                "approved");
    }

    @POST
    @Path("/filings/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@RestPath String id, @RestForm String comment) {
        Form form = Form.empty().set("rejectComment", nz(comment));
        if (nz(comment).isBlank()) { // the API requires a reason too; say it at the field before calling
            return again(Views.id(id), form, new ApiError(400, "VALIDATION_FAILED", "不予备案须说明理由", null,
                    Map.of("rejectComment", "请填写不予备案的理由")));
        }
        return act(id, "reject", Map.of("comment", comment), form, "rejected");
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
            return again(Views.id(id), form, new ApiError(400, "VALIDATION_FAILED", "退回补正须列明需补正的材料或字段",
                    null, Map.of("items", "请至少为一项材料或字段填写补正理由")));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("comment", form.v("returnComment"));
        body.put("items", items);
        return act(id, "return", body, form, "returned");
    }

    private Response act(String id, String action, Object body, Form form, String done) {
        String filingId = Views.id(id);
        try {
            api.call("POST", "/api/filings/" + filingId + "/" + action, viewer.token(), body);
            return Views.seeOther("/portal/filings/" + filingId + "?done=" + done);
        } catch (ApiError e) {
            return again(filingId, form, e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    // ---------------------------------------------------------------- reviewer's queue

    @GET
    @Path("/review")
    public TemplateInstance queue(@RestQuery String status, @RestQuery String type, @RestQuery String overdue) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", status != null && Labels.INSTANCE.statuses.containsKey(status) ? status : null);
        filters.put("type", type != null && Labels.INSTANCE.types.containsKey(type) ? type : null);
        filters.put("overdue", "true".equals(overdue) ? "true" : null);
        String query = PublicPages.query(filters);
        List<Object> open = api.list("/api/filings?size=100" + (query.isEmpty() ? "" : "&" + query), viewer.token());
        return views.page(queue).data("filings", open).data("form", Form.of(filters))
                .data("today", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
    }
}
