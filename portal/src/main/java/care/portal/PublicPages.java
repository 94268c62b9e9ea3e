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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** 公众: the directory of filed institutions and one page per institution, without login. */
@Path("/portal")
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

    static final int PAGE_SIZE = 20;
    /** The directory counts up to 1,000 matches (the registry's COUNT_CAP): 50 pages; narrower searches find the rest. */
    static final int MAX_PAGES = 50;
    /** What "← 返回查询" of an institution's page takes back to the directory. */
    static final List<String> DIRECTORY_PARAMS = List.of("q", "city", "county", "sector", "kind", "inclusive",
            "demonstration", "page");

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
        Map<String, String> filters = filters(q, city, county, sector, kind, inclusive, demonstration);
        int pageNo = Math.min(parsePage(page), MAX_PAGES - 1);
        String query = query(filters);
        Form form = Form.of(filters);
        DirectoryClient.DirectoryPage result = null;
        try {
            result = search(filters, pageNo);
            int last = lastPage(result.total());
            if (pageNo > last) { // a page past the end (an old link, a typed ?page=999): its last page instead
                pageNo = last;
                result = search(filters, pageNo);
            }
        } catch (ApiError e) {
            form.error(e);
        } catch (ProcessingException e) { // the gateway not reached: the search form stays, with the reason
            form.error(ApiError.unreachable(e));
        }
        long total = result == null ? 0 : result.total();
        int pages = lastPage(total) + 1;
        String here = query.isEmpty() ? "page=" + pageNo : query + "&page=" + pageNo;
        return views.page(directory).data("form", form).data("result", result).data("page", pageNo)
                .data("pages", pages).data("query", query).data("here", here).data("prevPage", pageNo - 1)
                .data("nextPage", pageNo + 1).data("pageLabel", pageNo + 1);
    }

    private DirectoryClient.DirectoryPage search(Map<String, String> filters, int page) {
        return directoryClient.search(PAGE_SIZE, page, filters.get("q"), filters.get("city"), filters.get("county"),
                filters.get("sector"), filters.get("kind"), filters.get("inclusive"), filters.get("demonstration"));
    }

    /**
     * One institution, with "← 返回查询" back to the search it was found by: the directory's links carry its filters
     * and page, and only those go back into the link.
     */
    @GET
    @Path("/institutions/{id}")
    @PermitAll
    public TemplateInstance institution(@RestPath String id, @Context UriInfo uri) {
        Map<String, String> back = new LinkedHashMap<>();
        var params = uri.getQueryParameters();
        DIRECTORY_PARAMS.forEach(name -> back.put(name, params.getFirst(name)));
        String query = query(back);
        return views.page(institution).data("i", directoryClient.institution(Views.id(id)))
                .data("back", query.isEmpty() ? "/portal/" : "/portal/?" + query);
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
            return page == null ? 0 : Math.max(0, Math.min(10000, Integer.parseInt(page.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The directory's filters as the query string and the API take them: stripped, blank ones left out, the two
     * designations only when ticked, and a 机构类型 of the other 领域 dropped (养老 with 全托育机构 would find nothing:
     * the page offers only the chosen 领域's kinds, and a link or a page without its script may still send one).
     */
    static Map<String, String> filters(String q, String city, String county, String sector, String kind,
                                       String inclusive, String demonstration) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", blankToNull(q));
        filters.put("city", blankToNull(city));
        filters.put("county", blankToNull(county));
        filters.put("sector", blankToNull(sector));
        String chosenKind = blankToNull(kind);
        boolean otherSector = chosenKind != null && filters.get("sector") != null && Labels.INSTANCE.kinds.stream()
                .anyMatch(k -> k.code().equals(chosenKind) && !k.group().equals(filters.get("sector")));
        filters.put("kind", otherSector ? null : chosenKind);
        filters.put("inclusive", "true".equals(inclusive) ? "true" : null);
        filters.put("demonstration", "true".equals(demonstration) ? "true" : null);
        return filters;
    }

    /** The last page (from 0) of this many matches; 0 when there are none. */
    static int lastPage(long total) {
        return (int) Math.max(0, Math.min(MAX_PAGES, (total + PAGE_SIZE - 1) / PAGE_SIZE) - 1);
    }

    private static String blankToNull(String value) {
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
