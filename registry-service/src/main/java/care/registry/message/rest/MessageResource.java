package care.registry.message.rest;

import care.contracts.http.Pages;
import care.contracts.problem.Problem;
import care.contracts.security.Roles;
import care.registry.message.service.MessageBox;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** 消息中心: an institution's messages about its filings and registration (see Messages for what makes them). */
@Tag(name = "Messages", description = "消息中心：备案受理、退回补正、准予备案、不予备案与机构注册结果的通知 (an "
        + "institution's messages)")
@Path("/api/messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INSTITUTION, Roles.REGISTRANT})
@APIResponse(responseCode = "400", description = "invalid input",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "no valid token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "not an institution's account",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MessageResource {

    private final MessageBox box;

    public MessageResource(MessageBox box) {
        this.box = box;
    }

    @GET
    @Operation(operationId = "listMessages", summary = "消息列表",
            description = "The caller's messages, newest first: its institution's, or for an account whose registration "
            + "waits only those addressed to it; unread=true keeps the unread ones")
    public MessageResponse.Page list(@QueryParam("unread") @DefaultValue("false") boolean unread,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Pages.MAX_PAGE) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var items = box.list(unread, Pages.offset(page, size), size).stream().map(MessageResponse::of).toList();
        return new MessageResponse.Page(items, box.count(unread), box.count(true), page, size);
    }

    @GET
    @Path("/unread-count")
    @Operation(operationId = "countUnreadMessages", summary = "未读消息数",
            description = "How many of the caller's messages are unread (the count in the portal's navigation)")
    public MessageResponse.Unread unread() {
        return new MessageResponse.Unread(box.count(true));
    }

    @POST
    @Path("/{id}/read")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(operationId = "markMessageRead", summary = "标为已读",
            description = "Marks one of the caller's messages read, for all of its institution's accounts")
    @APIResponse(responseCode = "404", description = "no such message among the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MessageResponse markRead(@PathParam("id") UUID id) {
        return MessageResponse.of(box.markRead(id));
    }
}
