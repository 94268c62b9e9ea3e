package care.portal;

import care.portal.client.DirectoryClient;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
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
    @RestClient
    DirectoryClient directoryClient;

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
        DirectoryClient.DirectoryPage result = null;
        try {
            result = directoryClient.search(PAGE_SIZE, pageNo, filter(filters, "q"), filter(filters, "city"),
                    filter(filters, "county"), filter(filters, "sector"), filter(filters, "kind"),
                    filter(filters, "inclusive"), filter(filters, "demonstration"));
        } catch (ApiError e) {
            form.error(e);
        } catch (ProcessingException e) { // the gateway not reached: the search form stays, with the reason
            form.error(ApiError.unreachable(e));
        }
        long total = result == null ? 0 : result.total();
        int pages = (int) Math.min(500, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        return views.page(directory).data("form", form).data("result", result).data("page", pageNo)
                .data("pages", pages).data("query", query).data("prevPage", pageNo - 1).data("nextPage", pageNo + 1)
                .data("pageLabel", pageNo + 1);
    }

    @GET
    @Path("/institutions/{id}")
    @PermitAll
    public TemplateInstance institution(@RestPath String id) {
        return views.page(institution).data("i", directoryClient.institution(Views.id(id)));
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

    /** A filter as the query string above has it: stripped, and left out when blank. */
    private static String filter(Map<String, String> filters, String name) {
        String value = filters.get(name);
        return value == null || value.isBlank() ? null : value.strip();
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
