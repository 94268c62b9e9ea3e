package care.portal.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Map;

/**
 * filing-service through the gateway, as the logged-in user: the institution's filings and the reviewer's queue, one
 * filing with its checklist and history, the workflow's steps, materials and receipts.
 */
@RegisterRestClient(configKey = "filing")
@RegisterProvider(ProblemMapper.class)
@AccessToken
@Path("/api/filings")
public interface FilingClient {

    /** The caller's filings (an institution) or queue (a reviewer); null filters are not sent. */
    @GET
    List<Filing> list(@QueryParam("size") int size, @QueryParam("status") String status,
                      @QueryParam("type") String type, @QueryParam("overdue") String overdue);

    /** A reviewer's queue, one page of it, with the number of filings its filters match (X-Total-Count). */
    @GET
    RestResponse<List<Filing>> queue(@QueryParam("size") int size, @QueryParam("page") int page,
                                     @QueryParam("status") String status, @QueryParam("type") String type,
                                     @QueryParam("overdue") String overdue, @QueryParam("county") String county,
                                     @QueryParam("q") String q);

    @GET
    @Path("/{id}")
    Filing filing(@PathParam("id") String id);

    /** 待办: what waits in the caller's queue (reviewers, city admins, auditors). */
    @GET
    @Path("/stats/queue")
    QueueCounts queueCounts();

    @GET
    @Path("/{id}/materials")
    List<Material> materials(@PathParam("id") String id);

    @GET
    @Path("/{id}/history")
    List<HistoryEntry> history(@PathParam("id") String id);

    @POST
    Filing create(Map<String, Object> filing);

    @PUT
    @Path("/{id}")
    void update(@PathParam("id") String id, Map<String, Object> filing);

    /** Throws away a draft never submitted (the service answers 409 for anything else). */
    @DELETE
    @Path("/{id}")
    void deleteDraft(@PathParam("id") String id);

    /** A workflow step (submit, withdraw, accept, approve, return, reject); submit has no body. */
    @POST
    @Path("/{id}/{action}")
    void act(@PathParam("id") String id, @PathParam("action") String action, Map<String, Object> body);

    /** The file as it is, under the type the browser gave it (the service checks what it really is). */
    @PUT
    @Path("/{id}/materials/{code}")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    void upload(@PathParam("id") String id, @PathParam("code") String code, @QueryParam("fileName") String fileName,
                @HeaderParam("Content-Type") String contentType, byte[] file);

    /** A material as uploaded, passed through with its type (downloads are not problem+json when they succeed). */
    @GET
    @Path("/{id}/materials/{code}")
    @Produces(MediaType.WILDCARD)
    Response material(@PathParam("id") String id, @PathParam("code") String code);

    /** The 备案回执 as a printable page. */
    @GET
    @Path("/{id}/receipt")
    @Produces(MediaType.WILDCARD)
    Response receipt(@PathParam("id") String id);

    @GET
    @Path("/{id}/receipt.pdf")
    @Produces(MediaType.WILDCARD)
    Response receiptPdf(@PathParam("id") String id);

    @TemplateData
    record QueueCounts(String today, String dueSoonBy, long awaitingAcceptance, long inReview, long returned,
                       long dueSoon, long overdue, long waiting) {
    }

    @TemplateData
    record Filing(String id, String type, String sector, String status, String statusLabel, String uscc,
                  String institutionName, String kind, String ownership, String cityCode, String divisionCode,
                  String address, String legalRepresentative, String contactPhone, Integer capacity,
                  Integer nursingBeds, String siteName, String siteAddress, Integer siteCapacity, String closeReason,
                  String submittedAt, String dueOn, boolean overdue, List<ReturnItem> returnItems,
                  String decisionComment, String receiptNumber, List<ReviewFlag> reviewFlags) {
    }

    /** A condition a plan states that the filing does not show it meets, with the plan's sentence; never a refusal. */
    @TemplateData
    record ReviewFlag(String code, String message, String document, String section, String sentence) {
    }

    /** What a reviewer asked to correct: a material (by code) or a field, with the reason. */
    @TemplateData
    record ReturnItem(String material, String field, String reason) {
    }

    /** One line of the checklist, with the uploaded file if there is one. */
    @TemplateData
    record Material(String code, String name, boolean required, String source, boolean uploaded, String fileName,
                    String contentType, Long sizeBytes) {
    }

    @TemplateData
    record HistoryEntry(String at, String actor, String action, String fromStatus, String toStatus, String comment) {
    }
}
