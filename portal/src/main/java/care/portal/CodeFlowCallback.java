package care.portal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keycloak's answer to a login (code, state, session_state, iss) is not left in the address bar.
 * quarkus-oidc's own redirect after the code exchange is off ({@code remove-redirect-parameters=false}): the login
 * button's page /portal/login redirects to the user's home page anyway, so the code exchange now answers with that
 * redirect, one round trip fewer. Any other page that sent the user to log in (a link opened after the session
 * ended) redirects to itself without those parameters here, as quarkus-oidc did. (A page asked for with a query of
 * its own goes through quarkus-oidc's redirect, which then keeps the parameters, and this one: one more hop, rarely.)
 */
public class CodeFlowCallback {

    static final String LOGIN = "/portal/login";
    private static final Set<String> PARAMETERS = Set.of("code", "state", "session_state", "iss");

    @ServerRequestFilter
    public Response dropCodeFlowParameters(ContainerRequestContext request, UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        if (!"GET".equals(request.getMethod()) || query == null || LOGIN.equals(uri.getPath())
                || !uri.getQueryParameters().containsKey("code") || !uri.getQueryParameters().containsKey("state")) {
            return null;
        }
        return Views.seeOther(withoutCodeFlowParameters(uri.getRequestUri().getRawPath(), query));
    }

    static String withoutCodeFlowParameters(String path, String rawQuery) {
        String rest = Arrays.stream(rawQuery.split("&"))
                .filter(p -> !PARAMETERS.contains(p.substring(0, p.indexOf('=') < 0 ? p.length() : p.indexOf('='))))
                .collect(Collectors.joining("&"));
        return rest.isEmpty() ? path : path + "?" + rest;
    }
}
