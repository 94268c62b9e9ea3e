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
    Api api;

    @Inject
    Views views;

    @Inject
    Viewer viewer;

    @GET
    public TemplateInstance roster(@RestQuery String done) {
        return page(Form.empty()).data("done", done);
    }

    private TemplateInstance page(Form form) {
        String token = viewer.token();
        Map<String, Object> institution = own(token);
        Map<String, Object> roster = institution == null ? null
                : api.map("/api/institutions/" + institution.get("id") + "/staff?size=200", token);
        return views.page(staff).data("institution", institution).data("roster", roster).data("form", form);
    }

    private Map<String, Object> own(String token) {
        return own(api, token);
    }

    /** The caller's institution: an institution account sees exactly its own (null until its 新设备案 is approved). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> own(Api api, String token) {
        List<Object> items = (List<Object>) api.map("/api/institutions?size=1", token).get("items");
        return items == null || items.isEmpty() ? null : (Map<String, Object>) items.get(0);
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
            Map<String, Object> institution = own(viewer.token());
            if (institution == null) {
                throw new ApiError(409, "NOT_FILED", "机构备案后才能登记花名册", null, Map.of());
            }
            Object entry = api.call("POST", "/api/institutions/" + institution.get("id") + "/staff", viewer.token(), body);
            // 202 DISPUTED: another institution holds the same person; the county verifies (nothing of the other told)
            boolean disputed = entry instanceof Map<?, ?> m && "DISPUTED".equals(m.get("status"));
            return Views.seeOther("/portal/staff?done=" + (disputed ? "disputed" : "added"));
        } catch (ApiError e) {
            return views.html(e.status, page(form.error(e)));
        }
    }

    /** 离职: the entry stays, with the last day of employment. */
    @POST
    @Path("/{staffId}/leave")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response leave(@RestPath String staffId, @RestForm String employedUntil) {
        String token = viewer.token();
        Map<String, Object> institution = own(token);
        if (institution == null) {
            throw new ApiError(404, "NOT_FOUND", "记录不存在", null, Map.of());
        }
        String path = "/api/institutions/" + institution.get("id") + "/staff/" + Views.id(staffId);
        Map<String, Object> entry = api.map(path, token);
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : List.of("name", "role", "certificateType", "certificateGrade", "certificateNumber",
                "certificateIssuedOn", "certificateValidUntil", "employedFrom")) {
            if (entry.get(field) != null) {
                body.put(field, entry.get(field));
            }
        }
        body.put("employedUntil", employedUntil == null || employedUntil.isBlank() ? null : employedUntil);
        try {
            api.call("PUT", path, token, body);
            return Views.seeOther("/portal/staff?done=left");
        } catch (ApiError e) {
            return views.html(e.status, page(Form.empty().error(e)));
        }
    }
}
