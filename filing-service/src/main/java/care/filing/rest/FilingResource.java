package care.filing.rest;

import care.contracts.problem.Problem;
import care.contracts.security.Roles;
import care.filing.domain.Filing;
import care.filing.domain.FilingStatus;
import care.filing.service.FilingService;
import io.quarkus.panache.common.Page;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;

@Path("/api/filings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "invalid input",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "no valid token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "role or binding does not allow this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class FilingResource {

    private final FilingService service;

    public FilingResource(FilingService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.INSTITUTION)
    @Operation(summary = "Start a filing (draft) for the caller's institution")
    public Response create(@Valid @NotNull FilingRequest request, UriInfo uri) {
        Filing filing = service.createDraft(request);
        return withETag(Response.created(uri.getAbsolutePathBuilder().path(filing.id.toString()).build()), filing);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "One filing, if the caller may see it")
    public Response get(@PathParam("id") UUID id) {
        return withETag(Response.ok(), service.get(id));
    }

    @GET
    @Authenticated
    @Operation(summary = "The institution's own filings, or the reviewer's work queue (oldest submission first)")
    public List<FilingResponse> list(@QueryParam("status") FilingStatus status,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return service.list(status, Page.of(page, size)).stream().map(FilingResponse::of).toList();
    }

    @POST
    @Path("/{id}/submit")
    @Consumes(MediaType.WILDCARD) // no body: whatever Content-Type a client sends
    @RolesAllowed(Roles.INSTITUTION)
    @Operation(summary = "Submit a draft (or a returned filing) for review")
    public Response submit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return withETag(Response.ok(), service.submit(id, version(ifMatch)));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({Roles.CIVIL_AFFAIRS_REVIEWER, Roles.HEALTH_REVIEWER})
    @Operation(summary = "Approve: issues the 备案回执 and publishes FilingApproved")
    public Response approve(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                            @Valid DecisionRequest decision) {
        return withETag(Response.ok(), service.approve(id, version(ifMatch), decision == null ? null : decision.comment()));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({Roles.CIVIL_AFFAIRS_REVIEWER, Roles.HEALTH_REVIEWER})
    @Operation(summary = "Reject with a reason; publishes FilingRejected")
    public Response reject(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @Valid DecisionRequest decision) {
        return withETag(Response.ok(), service.reject(id, version(ifMatch), decision == null ? null : decision.comment()));
    }

    private static Response withETag(Response.ResponseBuilder builder, Filing filing) {
        return builder.tag(new EntityTag(Long.toString(filing.version))).entity(FilingResponse.of(filing)).build();
    }

    /** If-Match carries the version the client last read; without it the write is still guarded at commit. */
    private static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return -1;
        }
        String value = ifMatch.strip().replace("W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw care.contracts.problem.ProblemException.invalid("If-Match", "If-Match 应为先前响应中的 ETag");
        }
    }
}
