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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 我的机构与场所: the institution's record in the registry (read only, it changes by 备案), its day-to-day contacts,
 * and per site the operational facts it keeps itself: beds or 托位 by kind, services, occupancy, township. The
 * registry checks them (parts within the total, the total within the filed capacity).
 */
@Path("/portal/sites")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class SitePages {

    static final List<String> CONTACTS = List.of("contactPerson", "contactPhone", "contactEmail");
    static final List<String> BEDS = List.of("total", "nursing", "inclusive", "safetyNet", "medical");
    static final List<String> SLOTS = List.of("total", "inclusive", "infant", "toddler", "older");

    @Inject
    @Location("sites.html")
    Template sites;

    @Inject
    @Location("site.html")
    Template site;

    @Inject
    Api api;

    @Inject
    Views views;

    @Inject
    Viewer viewer;

    @GET
    public TemplateInstance overview(@RestQuery String done) {
        return page(null).data("done", done);
    }

    private TemplateInstance page(Form contacts) {
        Map<String, Object> institution = institution(viewer.token());
        if (contacts == null) {
            contacts = Form.empty();
            if (institution != null) {
                for (String field : CONTACTS) {
                    contacts.set(field, institution.get(field) == null ? "" : String.valueOf(institution.get(field)));
                }
            }
        }
        return views.page(sites).data("i", institution).data("form", contacts).data("done", null);
    }

    /** The caller's institution with its sites (null until its 新设备案 is approved). */
    private Map<String, Object> institution(String token) {
        Map<String, Object> own = StaffPages.own(api, token);
        return own == null ? null : api.map("/api/institutions/" + own.get("id"), token);
    }

    @POST
    @Path("/contacts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response contacts(MultivaluedMap<String, String> input) {
        Form form = Form.of(input);
        Map<String, Object> body = new LinkedHashMap<>();
        CONTACTS.forEach(field -> body.put(field, blankToNull(form.v(field))));
        try {
            api.call("PUT", "/api/institutions/" + ownId() + "/contacts", viewer.token(), body, form.v("version"));
            return Views.seeOther("/portal/sites?done=contacts");
        } catch (ApiError e) {
            return views.html(e.status, page(form.error(e)));
        }
    }

    @GET
    @Path("/{siteId}")
    public TemplateInstance edit(@RestPath String siteId) {
        String id = Views.id(siteId);
        Map<String, Object> s = api.map("/api/institutions/" + ownId() + "/sites/" + id, viewer.token());
        return form(s, values(s));
    }

    @POST
    @Path("/{siteId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestPath String siteId, MultivaluedMap<String, String> input) {
        String id = Views.id(siteId);
        String token = viewer.token();
        String institutionId = ownId();
        Form form = Form.of(input);
        List<String> services = input.getOrDefault("services", List.of());
        List<String> careModes = input.getOrDefault("slots.careModes", List.of());
        form.set("services", String.join(",", services)).set("slots.careModes", String.join(",", careModes));
        boolean childcare = "CHILDCARE".equals(viewer.user().claim("sector"));
        try {
            Map<String, Object> part = new LinkedHashMap<>();
            Map<String, String> local = new LinkedHashMap<>();
            String prefix = childcare ? "slots" : "beds";
            for (String field : childcare ? SLOTS : BEDS) {
                part.put(field, number(form, prefix + "." + field, local));
            }
            if (childcare) {
                part.put("careModes", careModes);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put(prefix, part);
            body.put("services", services);
            body.put("occupied", number(form, "occupied", local));
            body.put("townshipCode", blankToNull(form.v("townshipCode")));
            if (part.get("total") == null && !local.containsKey(prefix + ".total")) {
                local.put(prefix + ".total", "请填写总数");
            }
            if (!local.isEmpty()) {
                throw ApiError.local(local);
            }
            api.call("PUT", "/api/institutions/" + institutionId + "/sites/" + id + "/capacity", token, body,
                    form.v("version"));
            return Views.seeOther("/portal/sites?done=site#site-" + id);
        } catch (ApiError e) {
            Map<String, Object> s = api.map("/api/institutions/" + institutionId + "/sites/" + id, token);
            return views.html(e.status, form(s, form.error(e)));
        }
    }

    private TemplateInstance form(Map<String, Object> s, Form form) {
        boolean childcare = "CHILDCARE".equals(viewer.user().claim("sector"));
        return views.page(site).data("s", s).data("form", form).data("childcare", childcare)
                .data("unit", childcare ? "托位" : "床位").data("occupiedLabel", childcare ? "在托人数" : "在住人数");
    }

    /** The form's values from the registry's site (the API's field names, as the refusals name them). */
    @SuppressWarnings("unchecked")
    static Form values(Map<String, Object> s) {
        Form form = Form.empty();
        Map<String, Object> slots = (Map<String, Object>) s.get("slots");
        Map<String, Object> beds = (Map<String, Object>) s.get("beds");
        if (slots != null) {
            SLOTS.forEach(f -> form.set("slots." + f, text(slots.get(f))));
            form.set("slots.careModes", codes(slots.get("careModes")));
        }
        if (beds != null) {
            BEDS.forEach(f -> form.set("beds." + f, text(beds.get(f))));
        }
        form.set("services", codes(s.get("services")));
        form.set("occupied", text(s.get("occupied")));
        form.set("townshipCode", text(s.get("townshipCode")));
        return form;
    }

    private String ownId() {
        Map<String, Object> own = StaffPages.own(api, viewer.token());
        if (own == null) {
            throw new ApiError(404, "NOT_FOUND", "机构备案后才能维护场所信息", null, Map.of());
        }
        return String.valueOf(own.get("id"));
    }

    private static Integer number(Form form, String field, Map<String, String> local) {
        String value = form.v(field).strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            local.put(field, "请填写整数");
            return null;
        }
    }

    private static String codes(Object labels) {
        return labels instanceof List<?> list ? String.join(",", list.stream()
                .map(l -> String.valueOf(((Map<?, ?>) l).get("code"))).toList()) : "";
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
