package care.portal.client;

import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.Map;

/** 机构注册 through the gateway without a token: the registrant has no account yet. */
@RegisterRestClient(configKey = "directory")
@RegisterProvider(ProblemMapper.class)
@Path("/api/registrations")
public interface RegistrationClient {

    /**
     * {@code forwardedFor}: the browser's address, so that the gateway's per-address limit on registrations counts
     * the registrant and not the portal (the gateway believes it only from a trusted proxy, as in the cluster).
     */
    @POST
    Submitted register(@HeaderParam("X-Forwarded-For") String forwardedFor, Map<String, Object> registration);

    @TemplateData
    record Submitted(String id, String status, String message) {
    }
}
