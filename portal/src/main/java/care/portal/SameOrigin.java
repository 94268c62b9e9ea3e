package care.portal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;

/**
 * Cross-site request forgery: the session cookie is SameSite=Lax, and a form post whose Origin is another site is
 * refused as well (browsers send Origin on every POST).
 */
public class SameOrigin {

    @ServerRequestFilter
    public Response check(ContainerRequestContext request, UriInfo uri) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return null;
        }
        URI base = uri.getBaseUri();
        String expected = base.getScheme() + "://" + base.getAuthority();
        if (origin.equalsIgnoreCase(expected)) {
            return null;
        }
        return Response.status(403).type("text/plain;charset=UTF-8")
                .entity("跨站提交被拒绝（Origin " + origin + "）").build();
    }
}
