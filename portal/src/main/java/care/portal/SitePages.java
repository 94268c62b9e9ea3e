package care.portal;

import care.portal.client.RegistryClient;
import care.portal.client.TownshipClient;
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
    @RestClient
    RegistryClient registry;

    @Inject
    @RestClient
    TownshipClient townships;

    @Inject
    Views views;

    @Inject
    Viewer viewer;

    @GET
    public TemplateInstance overview(@RestQuery String done) {
        return page(null).data("done", done);
    }

    private TemplateInstance page(Form contacts) {
        RegistryClient.Institution institution = institution();
        if (contacts == null) {
            contacts = Form.empty();
            if (institution != null) {
                contacts.set("contactPerson", text(institution.contactPerson()))
                        .set("contactPhone", text(institution.contactPhone()))
                        .set("contactEmail", text(institution.contactEmail()));
            }
        }
        return views.page(sites).data("i", institution).data("form", contacts).data("done", null);
    }

    /** The caller's institution with its sites (null until its 新设备案 is approved). */
    private RegistryClient.Institution institution() {
        RegistryClient.InstitutionSummary own = StaffPages.own(registry);
        return own == null ? null : registry.institution(own.id());
    }

    @POST
    @Path("/contacts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response contacts(MultivaluedMap<String, String> input) {
        Form form = Form.of(input);
        Map<String, Object> body = new LinkedHashMap<>();
        CONTACTS.forEach(field -> body.put(field, blankToNull(form.v(field))));
        try {
            registry.contacts(ownId(), Versions.ifMatch(form.v("version")), body);
            return Views.seeOther("/portal/sites?done=contacts");
        } catch (ApiError e) {
            return views.html(e.status, page(form.error(e)));
        }
    }

    @GET
    @Path("/{siteId}")
    public TemplateInstance edit(@RestPath String siteId) {
        String id = Views.id(siteId);
        RegistryClient.Site s = registry.site(ownId(), id);
        return form(s, values(s));
    }

    @POST
    @Path("/{siteId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestPath String siteId, MultivaluedMap<String, String> input) {
        String id = Views.id(siteId);
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
            registry.capacity(institutionId, id, Versions.ifMatch(form.v("version")), body);
            return Views.seeOther("/portal/sites?done=site#site-" + id);
        } catch (ApiError e) {
            return views.html(e.status, form(registry.site(institutionId, id), form.error(e)));
        }
    }

    private TemplateInstance form(RegistryClient.Site s, Form form) {
        boolean childcare = "CHILDCARE".equals(viewer.user().claim("sector"));
        return views.page(site).data("s", s).data("form", form).data("childcare", childcare)
                .data("unit", childcare ? "托位" : "床位").data("occupiedLabel", childcare ? "在托人数" : "在住人数")
                .data("townships", choices(townshipsOf(s.divisionCode()), s.townshipCode()));
    }

    /** The county's list as the city entered it; none (the typed code, as before) if the registry cannot say. */
    private List<TownshipClient.Township> townshipsOf(String county) {
        if (county == null) {
            return List.of();
        }
        try {
            return townships.list(county);
        } catch (RuntimeException e) { // a refusal or the registry not reached: the form still opens, typed as before
            return List.of();
        }
    }

    /**
     * What the site's township picker offers: the townships in force, and the one the site names even if retired
     * since (the registry keeps it on the site); empty while the city has entered none for the county.
     */
    static List<TownshipClient.Township> choices(List<TownshipClient.Township> listed, String current) {
        if (listed.stream().noneMatch(TownshipClient.Township::inForce)) {
            return List.of();
        }
        return listed.stream().filter(t -> t.inForce() || t.code().equals(current)).toList();
    }

    /** The form's values from the registry's site (the API's field names, as the refusals name them). */
    static Form values(RegistryClient.Site s) {
        Form form = Form.empty();
        RegistryClient.Slots slots = s.slots();
        RegistryClient.Beds beds = s.beds();
        if (slots != null) {
            form.set("slots.total", text(slots.total())).set("slots.inclusive", text(slots.inclusive()))
                    .set("slots.infant", text(slots.infant())).set("slots.toddler", text(slots.toddler()))
                    .set("slots.older", text(slots.older())).set("slots.careModes", codes(slots.careModes()));
        }
        if (beds != null) {
            form.set("beds.total", text(beds.total())).set("beds.nursing", text(beds.nursing()))
                    .set("beds.inclusive", text(beds.inclusive())).set("beds.safetyNet", text(beds.safetyNet()))
                    .set("beds.medical", text(beds.medical()));
        }
        form.set("services", codes(s.services()));
        form.set("occupied", text(s.occupied()));
        form.set("townshipCode", text(s.townshipCode()));
        return form;
    }

    private String ownId() {
        RegistryClient.InstitutionSummary own = StaffPages.own(registry);
        if (own == null) {
            throw new ApiError(404, "NOT_FOUND", "机构备案后才能维护场所信息", null, Map.of());
        }
        return own.id();
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

    private static String codes(List<RegistryClient.Label> labels) {
        return labels == null ? "" : String.join(",", labels.stream().map(RegistryClient.Label::code).toList());
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
