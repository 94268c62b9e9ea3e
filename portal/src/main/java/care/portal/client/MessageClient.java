package care.portal.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** 消息中心 (registry-service) through the gateway, as the logged-in institution's account. */
@RegisterRestClient(configKey = "registry")
@RegisterProvider(ProblemMapper.class)
@AccessToken
@Path("/api/messages")
public interface MessageClient {

    @GET
    Page list(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/unread-count")
    Unread unread();

    @POST
    @Path("/{id}/read")
    @Consumes(MediaType.WILDCARD)
    Message markRead(@PathParam("id") String id);

    @TemplateData
    record Message(String id, String kind, String title, String body, String filingId, String registrationId,
                   String createdAt, boolean read) {
    }

    @TemplateData
    record Page(List<Message> items, long total, long unread, int page, int size) {
    }

    record Unread(long unread) {
    }
}
