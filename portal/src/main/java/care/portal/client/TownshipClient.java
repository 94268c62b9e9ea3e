package care.portal.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;

/** The registry's township (乡镇/街道) lists through the gateway, as the logged-in user. */
@RegisterRestClient(configKey = "registry")
@RegisterProvider(ProblemMapper.class)
@AccessToken
@Path("/api/institutions/townships")
public interface TownshipClient {

    @GET
    List<Township> list(@QueryParam("county") String county);

    @POST
    Township create(Map<String, Object> township);

    @PUT
    @Path("/{code}")
    Township rename(@PathParam("code") String code, Map<String, Object> name);

    @POST
    @Path("/{code}/retire")
    @Consumes(MediaType.WILDCARD)
    Township retire(@PathParam("code") String code);

    @TemplateData
    record Township(String code, String name, String countyCode, String countyName, boolean inForce,
                    String validFrom, String validUntil, String enteredBy, String enteredAt, String changedBy,
                    String changedAt) {
    }
}
