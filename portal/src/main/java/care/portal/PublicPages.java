package care.portal;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** 公众: the directory of filed institutions and one page per institution, without login. */
@Path("/portal")
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

    static final int PAGE_SIZE = 20;

    @Inject
    @Location("directory.html")
    Template directory;

    @Inject
    @Location("institution.html")
    Template institution;

    @Inject
    Api api;

    @Inject
    Views views;

    @Inject
    Viewer viewer;

    @GET
    @PermitAll
    public TemplateInstance directory(@RestQuery String q, @RestQuery String city, @RestQuery String county,
                                      @RestQuery String sector, @RestQuery String kind, @RestQuery String inclusive,
                                      @RestQuery String demonstration, @RestQuery String page) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", q);
        filters.put("city", city);
        filters.put("county", county);
        filters.put("sector", sector);
        filters.put("kind", kind);
        filters.put("inclusive", "true".equals(inclusive) ? "true" : null);
        filters.put("demonstration", "true".equals(demonstration) ? "true" : null);
        int pageNo = parsePage(page);
        String query = query(filters);
        Form form = Form.of(filters);
        Map<String, Object> result = null;
        try {
            result = api.map("/api/directory/institutions?size=" + PAGE_SIZE + "&page=" + pageNo
                    + (query.isEmpty() ? "" : "&" + query), null);
        } catch (ApiError e) {
            form.error(e);
        }
        long total = result == null ? 0 : ((Number) result.get("total")).longValue();
        int pages = (int) Math.min(500, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        return views.page(directory).data("form", form).data("result", result).data("page", pageNo)
                .data("pages", pages).data("query", query).data("prevPage", pageNo - 1).data("nextPage", pageNo + 1)
                .data("pageLabel", pageNo + 1);
    }

    @GET
    @Path("/institutions/{id}")
    @PermitAll
    public TemplateInstance institution(@RestPath String id) {
        return views.page(institution).data("i", api.map("/api/directory/institutions/" + Views.id(id), null));
    }

    /** The login button: Quarkus sends the browser to Keycloak (code flow + PKCE) and back here. */
    @GET
    @Path("/login")
    @Authenticated
    public Response login() {
        return Views.seeOther(viewer.user().home());
    }

    static int parsePage(String page) {
        try {
            return page == null ? 0 : Math.max(0, Math.min(10000, Integer.parseInt(page)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String query(Map<String, String> params) {
        StringJoiner joiner = new StringJoiner("&");
        params.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                joiner.add(k + "=" + Views.enc(v.strip()));
            }
        });
        return joiner.toString();
    }
}
