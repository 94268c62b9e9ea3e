package care.portal;

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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 花名册: the institution's staff roster (citizen IDs masked by the registry), add a person, end an employment. */
@Path("/portal/staff")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class StaffPages {

    static final List<String> FIELDS = List.of("name", "role", "citizenId", "certificateType", "certificateGrade",
            "certificateNumber", "certificateIssuedOn", "certificateValidUntil", "employedFrom");

    @Inject
    @Location("staff.html")
    Template staff;

    @Inject
    @RestClient
    RegistryClient registry;

    @Inject
    Views views;

    @Inject
    Confirm confirm;

    /** The roster, found by a name or certificate number and narrowed to who is in post or whose certificate expired. */
    @GET
    public TemplateInstance roster(@RestQuery String done, @RestQuery String q, @RestQuery String show) {
        return page(Form.empty().set("q", q == null ? "" : q.strip()).set("show", show == null ? "" : show))
                .data("done", done);
    }

    private TemplateInstance page(Form form) {
        RegistryClient.InstitutionSummary institution = own(registry);
        RegistryClient.StaffPage roster = institution == null ? null : registry.staff(institution.id(), 200);
        return views.page(staff).data("institution", institution).data("roster", roster).data("form", form)
                .data("shown", roster == null ? List.of() : shown(roster.items(), form.v("q"), form.v("show")));
    }

    /** The entries a search shows: {@code q} in the name or certificate number; {@code show} employed or expired. */
    static List<RegistryClient.Staff> shown(List<RegistryClient.Staff> items, String q, String show) {
        String term = q == null ? "" : q.strip().toUpperCase(java.util.Locale.ROOT);
        return items.stream()
                .filter(s -> term.isEmpty() || s.name().toUpperCase(java.util.Locale.ROOT).contains(term)
                        || (s.certificateNumber() != null && s.certificateNumber().toUpperCase(java.util.Locale.ROOT).contains(term)))
                .filter(s -> switch (show == null ? "" : show) {
                    case "employed" -> s.employed() && "ACTIVE".equals(s.status());
                    case "expired" -> s.certificateNumber() != null && !s.certificateValid();
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
        body.put("employedUntil", employedUntil == null || employedUntil.isBlank() ? null : employedUntil);
        try {
            registry.updateStaff(institution.id(), id, body);
            return Views.seeOther("/portal/staff?done=left");
        } catch (ApiError e) {
            return views.html(e.status, page(Form.empty().error(e)));
        }
    }

    private static void putPresent(Map<String, Object> body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
