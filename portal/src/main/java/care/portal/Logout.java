package care.portal;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/**
 * Logging out changes state, so it is a POST (a form button in the page header), checked like every other form post
 * by {@link SameOrigin}. quarkus-oidc's own {@code quarkus.oidc.logout.path} is not used: it matches the path
 * whatever the method and runs during authentication, before any filter, so a GET (a link, an {@code <img>} on
 * another site) would end the session. Here the session cookie is removed ({@link OidcSession#logout()}) and the
 * browser is sent to Keycloak's end-session endpoint (RP-initiated logout) to end the single sign-on session too,
 * and from there back to the directory. A GET shows a page with the button and ends nothing.
 */
@Path("/portal/logout")
@PermitAll
public class Logout {

    static final String AFTER = "/portal/";

    @Inject
    @Location("logout.html")
    Template page;

    @Inject
    Views views;

    @Inject
    SecurityIdentity identity;

    @Inject
    OidcSession session;

    @Inject
    Instance<OidcConfigurationMetadata> metadata;

    @ConfigProperty(name = "quarkus.oidc.client-id")
    String clientId;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response confirm() {
        if (identity.isAnonymous()) {
            return Views.seeOther(AFTER);
        }
        return views.html(200, views.page(page));
    }

    @POST
    public Uni<Response> logout(UriInfo uri) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(Views.seeOther(AFTER));
        }
        IdTokenCredential idToken = identity.getCredential(IdTokenCredential.class);
        URI base = uri.getBaseUri();
        String back = base.getScheme() + "://" + base.getAuthority() + AFTER;
        String endSession = metadata.get().getEndSessionUri();
        String location = endSession == null ? AFTER : endSession + (endSession.contains("?") ? "&" : "?")
                + "client_id=" + Views.enc(clientId)
                + (idToken == null ? "" : "&id_token_hint=" + Views.enc(idToken.getToken()))
                + "&post_logout_redirect_uri=" + Views.enc(back);
        return session.logout().map(done -> Views.seeOther(location));
    }
}
