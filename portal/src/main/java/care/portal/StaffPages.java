package care.portal;

import care.portal.client.RegistryClient;
import care.portal.client.Versions;
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
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 花名册: the institution's staff roster (citizen IDs masked by the registry): add a person, correct an entry
 * (修改), end an employment, export the roster, import new entries from an XLSX.
 */
@Path("/portal/staff")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class StaffPages {

    static final List<String> FIELDS = List.of("name", "role", "citizenId", "certificateType", "certificateGrade",
            "certificateNumber", "certificateIssuedOn", "certificateValidUntil", "employedFrom");
    /** What the 修改 page sends: the add form's fields and the rest of the entry (head and education included). */
    static final List<String> EDIT_FIELDS = List.of("name", "role", "citizenId", "certificateType", "certificateGrade",
            "certificateNumber", "certificateIssuedOn", "certificateValidUntil", "employedFrom", "employedUntil",
            "education");
    /** The registry's educations, for the 修改 page's select. */
    static final Map<String, String> EDUCATIONS = ordered("JUNIOR_SECONDARY_OR_BELOW", "初中及以下",
            "SENIOR_SECONDARY", "高中或中专", "JUNIOR_COLLEGE", "大专", "BACHELOR", "本科", "POSTGRADUATE", "研究生");
    /** The import's columns by the API field a row violation names (the template's headers). */
    static final Map<String, String> COLUMNS = ordered("name", "姓名", "role", "岗位", "citizenId", "公民身份号码",
            "certificateType", "证书类型", "certificateGrade", "职业技能等级", "certificateNumber", "证书编号",
            "certificateIssuedOn", "发证日期", "certificateValidUntil", "证书有效期至", "employedFrom", "入职日期",
            "employedUntil", "离职日期", "head", "负责人", "education", "学历");

    @Inject
    @Location("staff.html")
    Template staff;

    @Inject
    @Location("staff-edit.html")
    Template staffEdit;

    @Inject
    @RestClient
    RegistryClient registry;

    @Inject
    Views views;

    @Inject
    Confirm confirm;

    /**
     * The roster, found by a name or certificate number and narrowed to who is in post or whose certificate expired
     * or soon expires; after an import, how many it added ({@code added}) and how many wait for the county.
     */
    @GET
    public TemplateInstance roster(@RestQuery String done, @RestQuery String q, @RestQuery String show,
                                   @RestQuery Integer added, @RestQuery Integer disputed) {
        return page(Form.empty().set("q", q == null ? "" : q.strip()).set("show", show == null ? "" : show))
                .data("done", done).data("imported", "imported".equals(done) && added != null && disputed != null
                        ? new RegistryClient.StaffImport(added, disputed) : null);
    }

    private TemplateInstance page(Form form) {
        RegistryClient.InstitutionSummary institution = own(registry);
        RegistryClient.StaffPage roster = institution == null ? null : registry.staff(institution.id(), 200);
        return views.page(staff).data("institution", institution).data("roster", roster).data("form", form)
                .data("shown", roster == null ? List.of() : shown(roster.items(), form.v("q"), form.v("show")))
                .data("importKey", UUID.randomUUID().toString()).data("columns", COLUMNS).data("imported", null)
                .data("done", null).data("rowErrors", List.of());
    }

    /** The entries a search shows: {@code q} in the name or certificate number; {@code show} employed or expired. */
    static List<RegistryClient.Staff> shown(List<RegistryClient.Staff> items, String q, String show) {
        String term = q == null ? "" : q.strip().toUpperCase(java.util.Locale.ROOT);
        return items.stream()
                .filter(s -> term.isEmpty() || s.name().toUpperCase(java.util.Locale.ROOT).contains(term)
                        || (s.certificateNumber() != null && s.certificateNumber().toUpperCase(java.util.Locale.ROOT).contains(term)))
                .filter(s -> switch (show == null ? "" : show) {
                    case "employed" -> s.employed() && "ACTIVE".equals(s.status());
                    case "expired" -> "EXPIRED".equals(s.certificateState());
                    case "expiring" -> "EXPIRING".equals(s.certificateState());
                    default -> true;
                })
                .toList();
    }

    /** The caller's institution: an institution account sees exactly its own (null until its 新设备案 is approved). */
    static RegistryClient.InstitutionSummary own(RegistryClient registry) {
        List<RegistryClient.InstitutionSummary> items = registry.list(1).items();
        return items == null || items.isEmpty() ? null : items.get(0);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(MultivaluedMap<String, String> input) {
        Form form = Form.of(input);
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = form.v(field).strip();
            if (!value.isEmpty()) {
                body.put(field, field.equals("citizenId") ? value.toUpperCase() : value);
            }
        }
        try {
            RegistryClient.InstitutionSummary institution = own(registry);
            if (institution == null) {
                throw new ApiError(409, "NOT_FILED", "机构备案后才能登记花名册", null, Map.of());
            }
            RegistryClient.Staff entry = registry.addStaff(institution.id(), body);
            // 202 DISPUTED: another institution holds the same person; the county verifies (nothing of the other told)
            boolean disputed = entry != null && "DISPUTED".equals(entry.status());
            return Views.seeOther("/portal/staff?done=" + (disputed ? "disputed" : "added"));
        } catch (ApiError e) {
            return views.html(e.status, page(form.error(e)));
        }
    }

    /** 离职: the entry stays, with the last day of employment. */
    @POST
    @Path("/{staffId}/leave")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response leave(@RestPath String staffId, @RestForm String employedUntil, @RestForm String confirmed) {
        if (!Confirm.given(confirmed)) {
            return confirm.ask(Confirm.Step.STAFF_LEAVE, "/portal/staff",
                    new Confirm.Field("employedUntil", "离职日期", employedUntil));
        }
        RegistryClient.InstitutionSummary institution = own(registry);
        if (institution == null) {
            throw new ApiError(404, "NOT_FOUND", "记录不存在", null, Map.of());
        }
        String id = Views.id(staffId);
        RegistryClient.Staff entry = registry.staffEntry(institution.id(), id);
        // the entry as it is, with the leaving date (the API takes the whole entry; absent facts stay absent)
        Map<String, Object> body = new LinkedHashMap<>();
        putPresent(body, "name", entry.name());
        putPresent(body, "role", entry.role());
        putPresent(body, "certificateType", entry.certificateType());
        putPresent(body, "certificateGrade", entry.certificateGrade());
        putPresent(body, "certificateNumber", entry.certificateNumber());
        putPresent(body, "certificateIssuedOn", entry.certificateIssuedOn());
        putPresent(body, "certificateValidUntil", entry.certificateValidUntil());
        putPresent(body, "employedFrom", entry.employedFrom());
        putPresent(body, "education", entry.education());
        body.put("head", entry.head());
        body.put("employedUntil", employedUntil == null || employedUntil.isBlank() ? null : employedUntil);
        try {
            registry.updateStaff(institution.id(), id, Versions.ifMatch(String.valueOf(entry.version())), body);
            return Views.seeOther("/portal/staff?done=left");
        } catch (ApiError e) {
            return views.html(e.status, page(Form.empty().error(e)));
        }
    }

    /** 修改: the entry as filed; the citizen ID is shown masked and kept unless a new one is typed. */
    @GET
    @Path("/{staffId}/edit")
    public TemplateInstance edit(@RestPath String staffId) {
        String institutionId = ownId();
        RegistryClient.Staff entry = registry.staffEntry(institutionId, Views.id(staffId));
        return editPage(entry, values(entry));
    }

    @POST
    @Path("/{staffId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestPath String staffId, MultivaluedMap<String, String> input) {
        String id = Views.id(staffId);
        String institutionId = ownId();
        Form form = Form.of(input).set("head", input.containsKey("head") ? "true" : "");
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : EDIT_FIELDS) {
            String value = form.v(field).strip();
            // a field left empty is cleared, except the citizen ID: empty keeps the one held (the API's rule)
            if (!value.isEmpty()) {
                body.put(field, field.equals("citizenId") ? value.toUpperCase(java.util.Locale.ROOT) : value);
            } else if (!field.equals("citizenId")) {
                body.put(field, null);
            }
        }
        body.put("head", !form.v("head").isEmpty());
        try {
            RegistryClient.Staff saved = registry.updateStaff(institutionId, id, Versions.ifMatch(form.v("version")), body);
            // 202 DISPUTED: the change overlaps another institution's entry; the county verifies it
            boolean disputed = saved != null && "DISPUTED".equals(saved.status());
            return Views.seeOther("/portal/staff?done=" + (disputed ? "edit-disputed" : "edited"));
        } catch (ApiError e) {
            RegistryClient.Staff entry = registry.staffEntry(institutionId, id);
            // a concurrent save: what this clerk typed is kept on the page, the reload link shows the other's
            boolean concurrent = "CONCURRENT_MODIFICATION".equals(e.code);
            return views.html(e.status, editPage(entry, form.error(e)).data("concurrent", concurrent));
        }
    }

    /** The form's values from the entry (the API's field names, as the refusals name them). */
    static Form values(RegistryClient.Staff s) {
        Form form = Form.empty().set("citizenId", "").set("head", s.head() ? "true" : "")
                .set("version", String.valueOf(s.version()));
        form.set("name", text(s.name())).set("role", text(s.role())).set("certificateType", text(s.certificateType()))
                .set("certificateGrade", text(s.certificateGrade())).set("certificateNumber", text(s.certificateNumber()))
                .set("certificateIssuedOn", text(s.certificateIssuedOn()))
                .set("certificateValidUntil", text(s.certificateValidUntil()))
                .set("employedFrom", text(s.employedFrom())).set("employedUntil", text(s.employedUntil()))
                .set("education", text(s.education()));
        return form;
    }

    private TemplateInstance editPage(RegistryClient.Staff entry, Form form) {
        return views.page(staffEdit).data("s", entry).data("form", form).data("educations", EDUCATIONS)
                .data("concurrent", false);
    }

    /** 导出: the roster as the registry writes it (CSV or XLSX, IDs masked), saved by the browser. */
    @GET
    @Path("/export.{format:csv|xlsx}")
    public Response export(@RestPath String format) {
        return Views.passThrough(registry.exportStaff(ownId(), format), false);
    }

    @GET
    @Path("/import-template.xlsx")
    public Response importTemplate() {
        return Views.passThrough(registry.staffImportTemplate(ownId()), false);
    }

    /**
     * 批量导入: the clerk's XLSX passed to the registry as it is, under the page's Idempotency-Key (a second click on
     * a slow upload gets the first answer, nobody added twice). A refused file shows each row's problems in a table.
     */
    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importFile(@RestForm("file") FileUpload file, @RestForm String key) {
        try {
            if (file == null || file.fileName() == null || file.fileName().isBlank() || file.size() == 0) {
                throw new ApiError(400, "NO_FILE", "请选择要导入的 Excel 文件", null, Map.of("file", "请选择要导入的 Excel 文件"));
            }
            String idempotencyKey = key == null || key.isBlank() ? UUID.randomUUID().toString() : key;
            RegistryClient.StaffImport result = registry.importStaff(ownId(), idempotencyKey,
                    Files.readAllBytes(file.uploadedFile()));
            return Views.seeOther("/portal/staff?done=imported&added=" + result.added() + "&disputed=" + result.disputed());
        } catch (ApiError e) {
            return views.html(e.status, page(Form.empty().error(e)).data("rowErrors", e.rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String ownId() {
        RegistryClient.InstitutionSummary own = own(registry);
        if (own == null) {
            throw new ApiError(404, "NOT_FOUND", "机构备案后才能维护花名册", null, Map.of());
        }
        return own.id();
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static void putPresent(Map<String, Object> body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
