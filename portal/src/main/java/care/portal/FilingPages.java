package care.portal;

import care.portal.client.FilingClient;
import care.portal.client.Parallel;
import care.portal.client.RegistryClient;
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
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static care.portal.FilingView.nz;

/**
 * 备案, the institution's side: its filings (list with the reviewer's reasons), the guided form, the materials
 * (upload, preview), submit / resubmit, withdraw and the 备案回执. The filing page is {@link FilingView}'s, which the
 * reviewer opens from the queue too ({@link ReviewPages} has the reviewer's side).
 */
@Path("/portal")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class FilingPages {

    /** What each type carries (the others are refused by the API for that type). */
    static final Map<String, List<String>> BY_TYPE = Map.of(
            "NEW", List.of("sector", "uscc", "institutionName", "kind", "ownership", "divisionCode", "address",
                    "legalRepresentative", "contactPhone", "capacity", "nursingBeds"),
            "CHANGE", List.of("uscc", "institutionName", "kind", "ownership", "address", "legalRepresentative",
                    "contactPhone", "capacity", "nursingBeds"),
            "ADD_SITE", List.of("uscc", "siteName", "siteAddress", "siteCapacity", "nursingBeds"),
            "CLOSE", List.of("uscc", "closeReason"));
    static final Set<String> NUMBERS = Set.of("capacity", "siteCapacity", "nursingBeds");

    @Inject
    @Location("filings.html")
    Template filings;

    @Inject
    @Location("filing-form.html")
    Template filingForm;

    @Inject
    @RestClient
    FilingClient client;

    @Inject
    FilingView filing;

    @Inject
    @RestClient
    RegistryClient registry;

    @Inject
    Parallel parallel;

    @Inject
    Views views;

    @Inject
    Confirm confirm;

    @Inject
    Viewer viewer;

    @GET
    @Path("/filings")
    public TemplateInstance list(@RestQuery String done) {
        User user = viewer.user();
        CompletableFuture<RegistryClient.InstitutionSummary> own = parallel.start(() -> filed(user));
        List<FilingClient.Filing> mine = client.list(100, null, null, null);
        List<String> startable = startable(Parallel.join(own));
        return views.page(filings).data("filings", mine).data("materialNames", materialNames(mine)).data("done", done)
                .data("startable", startable).data("filed", !startable.contains("NEW"));
    }

    /** The caller's institution on the register; a registrant has none yet (the registry would refuse to say). */
    private RegistryClient.InstitutionSummary filed(User user) {
        return user.institution() ? StaffPages.own(registry) : null;
    }

    /**
     * The filings an institution may start, by the filing service's rule: a 新设备案 while it has no current 备案
     * (never filed, or 注销), 变更 / 增加经营场所 / 注销 only while it has one. The list's buttons and the form
     * both ask this, so nobody fills in a form that can only be refused.
     */
    static List<String> startable(RegistryClient.InstitutionSummary own) {
        return own != null && "FILED".equals(own.filingStatus()) ? List.of("CHANGE", "ADD_SITE", "CLOSE")
                : List.of("NEW");
    }

    /**
     * The names of the materials a returned filing's reasons point at (filing id → code → name), from the same
     * checklist the filing page shows; asked for the returned filings only, in parallel.
     */
    private Map<String, Map<String, String>> materialNames(List<FilingClient.Filing> mine) {
        Map<String, CompletableFuture<List<FilingClient.Material>>> checklists = new LinkedHashMap<>();
        mine.stream().filter(f -> "RETURNED".equals(f.status()) && f.returnItems() != null && !f.returnItems().isEmpty())
                .forEach(f -> {
                    String id = Views.id(f.id());
                    checklists.put(f.id(), parallel.start(() -> client.materials(id)));
                });
        Map<String, Map<String, String>> names = new HashMap<>();
        checklists.forEach((id, checklist) -> {
            Map<String, String> byCode = new HashMap<>();
            Parallel.join(checklist).forEach(m -> byCode.put(m.code(), m.name()));
            names.put(id, byCode);
        });
        return names;
    }

    @GET
    @Path("/filings/new")
    public TemplateInstance newFiling(@RestQuery String type) {
        User user = viewer.user();
        RegistryClient.InstitutionSummary own = filed(user);
        List<String> startable = startable(own);
        String t = type != null && startable.contains(type) ? type : startable.get(0);
        if (type != null && Labels.INSTANCE.types.containsKey(type) && !type.equals(t)) {
            throw new ApiError(409, "NOT_STARTABLE", "NEW".equals(type) ? "本机构已备案，无需新设备案"
                    : "本机构尚未备案或已注销，只能办理新设备案",
                    "NEW".equals(type) ? "如机构信息有变化，请办理变更备案；增加经营场所或注销，请在“我的备案”中选择。"
                            : "请先办理新设备案，备案后才能办理" + Labels.INSTANCE.type(type) + "。", Map.of());
        }
        Form form = Form.empty().set("type", t).set("uscc", user.claim("uscc")).set("sector", user.claim("sector"))
                .set("divisionCode", user.claim("division_code"));
        if ("CHANGE".equals(t)) { // a change starts from what is filed: the applicant edits only what changed
            filedValues(form, registry.institution(own.id()));
        }
        return form(form, null);
    }

    /** The filed facts of the institution as the CHANGE form's starting values (the main site's filed capacity). */
    static Form filedValues(Form form, RegistryClient.Institution filed) {
        form.set("institutionName", nz(filed.name())).set("kind", nz(filed.kind()))
                .set("ownership", nz(filed.ownership())).set("address", nz(filed.address()))
                .set("legalRepresentative", nz(filed.legalRepresentative()))
                .set("contactPhone", nz(filed.contactPhone()));
        Integer capacity = filed.sites() == null ? null : filed.sites().stream().filter(RegistryClient.Site::main)
                .map(RegistryClient.Site::filedCapacity).findFirst().orElse(null);
        if (capacity != null) {
            form.set("capacity", capacity.toString());
        }
        return form;
    }

    @POST
    @Path("/filings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> input) {
        Form form = Form.of(input);
        try {
            FilingClient.Filing created = client.create(body(form));
            return Views.seeOther("/portal/filings/" + created.id() + "?done=created");
        } catch (ApiError e) {
            return views.html(e.status, form(form.error(e), null));
        }
    }

    @GET
    @Path("/filings/{id}/edit")
    public TemplateInstance edit(@RestPath String id) {
        FilingClient.Filing current = client.filing(Views.id(id));
        return form(values(current), current);
    }

    /** The form's values from the filing as it is (the API's field names, as its refusals name them). */
    static Form values(FilingClient.Filing f) {
        Map<String, Object> values = new HashMap<>();
        values.put("type", f.type());
        values.put("sector", f.sector());
        values.put("uscc", f.uscc());
        values.put("institutionName", f.institutionName());
        values.put("kind", f.kind());
        values.put("ownership", f.ownership());
        values.put("divisionCode", f.divisionCode());
        values.put("address", f.address());
        values.put("legalRepresentative", f.legalRepresentative());
        values.put("contactPhone", f.contactPhone());
        values.put("capacity", f.capacity());
        values.put("nursingBeds", f.nursingBeds());
        values.put("siteName", f.siteName());
        values.put("siteAddress", f.siteAddress());
        values.put("siteCapacity", f.siteCapacity());
        values.put("closeReason", f.closeReason());
        return Form.of(values);
    }

    @POST
    @Path("/filings/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@RestPath String id, MultivaluedMap<String, String> input) {
        String filingId = Views.id(id);
        Form form = Form.of(input);
        try {
            client.update(filingId, body(form));
            return Views.seeOther("/portal/filings/" + filingId + "?done=saved");
        } catch (ApiError e) {
            return views.html(e.status, form(form.error(e), client.filing(filingId)));
        }
    }

    private TemplateInstance form(Form form, FilingClient.Filing existing) {
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

    // ---------------------------------------------------------------- one filing

    /** The filing page: the institution's own filing, or one in the reviewer's queue (the API decides which). */
    @GET
    @Path("/filings/{id}")
    public TemplateInstance show(@RestPath String id, @RestQuery String done) {
        return filing.page(Views.id(id), Form.empty()).data("done", done);
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
                client.upload(filingId, item, file.fileName(),
                        file.contentType() == null ? "application/octet-stream" : file.contentType(), bytes);
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
            return filing.again(filingId, Form.empty(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A material, shown in the page (inline: the reviewer previews it) or downloaded. */
    @GET
    @Path("/filings/{id}/materials/{code}")
    @Produces(MediaType.WILDCARD)
    public Response material(@RestPath String id, @RestPath String code) {
        return Views.passThrough(client.material(Views.id(id), Views.code(code)), true);
    }

    @GET
    @Path("/filings/{id}/receipt")
    @Produces(MediaType.WILDCARD)
    public Response receipt(@RestPath String id) {
        return Views.passThrough(client.receipt(Views.id(id)), true);
    }

    @GET
    @Path("/filings/{id}/receipt.pdf")
    @Produces(MediaType.WILDCARD)
    public Response receiptPdf(@RestPath String id) {
        return Views.passThrough(client.receiptPdf(Views.id(id)), false);
    }

    @POST
    @Path("/filings/{id}/submit")
    public Response submit(@RestPath String id) {
        return filing.act(id, "submit", null, Form.empty(), "submitted");
    }

    /** A draft never submitted is the institution's alone: it may throw it away (the list says so afterwards). */
    @POST
    @Path("/filings/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteDraft(@RestPath String id, @RestForm String confirmed) {
        String filingId = Views.id(id);
        if (!Confirm.given(confirmed)) {
            return confirm.ask(Confirm.Step.DELETE_DRAFT, "/portal/filings/" + filingId);
        }
        try {
            client.deleteDraft(filingId);
            return Views.seeOther("/portal/filings?done=deleted");
        } catch (ApiError e) {
            return filing.again(filingId, Form.empty(), e);
        }
    }

    @POST
    @Path("/filings/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@RestPath String id, @RestForm String comment, @RestForm String confirmed) {
        if (!Confirm.given(confirmed)) {
            return confirm.ask(Confirm.Step.WITHDRAW, "/portal/filings/" + Views.id(id),
                    new Confirm.Field("comment", "撤回说明", comment));
        }
        return filing.act(id, "withdraw", Map.of("comment", nz(comment)),
                Form.empty().set("withdrawComment", nz(comment)), "withdrawn");
    }
}
