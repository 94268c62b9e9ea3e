package care.portal;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** What every page gets: the user, the labels, the navigation's counts; and small helpers for the resources. */
@RequestScoped
public class Views {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    /** Said for an address no page has (a mistyped or cut link): never the typed text or an internal word. */
    static final String LINK_BROKEN = "链接中的编号无效，可能是链接不完整。请从列表或菜单重新进入。";

    private final Viewer viewer;
    private final HttpServerRequest request;
    private final NavCounts nav;

    public Views(Viewer viewer, HttpServerRequest request, NavCounts nav) {
        this.viewer = viewer;
        this.request = request;
        this.nav = nav;
    }

    public TemplateInstance page(Template template) {
        Cookie display = request.getCookie(Display.COOKIE);
        return template.data("user", viewer.user()).data("labels", Labels.INSTANCE).data("nav", nav.get())
                .data("here", Display.Here.of(request.path(), request.query(),
                        display == null ? null : display.getValue(), request.method() == HttpMethod.POST));
    }

    public Response html(int status, TemplateInstance page) {
        return Response.status(status).entity(page).type("text/html;charset=UTF-8").build();
    }

    public static Response seeOther(String path) {
        return Response.status(303).header("Location", path).build();
    }

    /** An id from the URL, checked before it goes into an API path. */
    public static String id(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw new ApiError(404, "NOT_FOUND", "记录不存在", LINK_BROKEN, Map.of());
        }
    }

    public static String code(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new ApiError(404, "NOT_FOUND", "记录不存在", LINK_BROKEN, Map.of());
        }
        return code;
    }

    /**
     * A download of the API passed through as it is (material, receipt, CSV), with its type, disposition and length;
     * {@code inline} shows it in the page (a material previewed in a frame) instead of saving it.
     */
    public static Response passThrough(Response download, boolean inline) {
        Response.ResponseBuilder out = Response.ok(download.readEntity(InputStream.class));
        String type = download.getHeaderString("Content-Type");
        if (type != null) {
            out.type(type);
        }
        String disposition = download.getHeaderString("Content-Disposition");
        if (disposition != null) {
            out.header("Content-Disposition", inline ? disposition.replaceFirst("^attachment", "inline") : disposition);
        }
        String length = download.getHeaderString("Content-Length");
        if (length != null) {
            out.header("Content-Length", length);
        }
        return out.header("X-Content-Type-Options", "nosniff").build();
    }

    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
