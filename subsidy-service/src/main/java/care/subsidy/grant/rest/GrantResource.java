package care.subsidy.grant.rest;

import care.contracts.security.Roles;
import care.subsidy.access.Access;
import care.subsidy.grant.service.GrantService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Grant decisions: 示范性 designations and capacity subsidies, paid through the programme's next batch. */
@Tag(name = "Grants", description = "建设补贴、示范补贴 (one-off grant decisions)")
@Path("/api/subsidy/grants")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CIVIL_AFFAIRS_REVIEWER, Roles.HEALTH_REVIEWER, Roles.CITY_ADMIN, Roles.AUDITOR})
public class GrantResource {

    private final GrantService service;
    private final Access access;

    public GrantResource(GrantService service, Access access) {
        this.service = service;
        this.access = access;
    }

    @GET
    @Operation(operationId = "listGrants", summary = "补贴决定列表",
            description = "Grant decisions with their payment status: the caller's city, or a reviewer's county and "
            + "department")
    public List<GrantResponse> list() {
        return service.list(access.scope()).stream().map(GrantResponse::of).toList();
    }

    @POST
    @Path("/demonstration")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HEALTH_REVIEWER)
    @Operation(operationId = "decideDemonstrationGrant", summary = "示范补贴决定",
            description = "Decide the grant of a 示范性 childcare institution of the reviewer's area (designated by "
                    + "the register, or a kind the programme names)")
    public Response demonstration(@Valid @NotNull GrantRequests.Demonstration request) {
        return Response.status(201).entity(GrantResponse.of(service.demonstration(request.command(), access))).build();
    }

    @POST
    @Path("/capacity")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HEALTH_REVIEWER, Roles.CIVIL_AFFAIRS_REVIEWER})
    @Operation(operationId = "decideCapacityGrant", summary = "新增床位、托位补贴决定",
            description = "Subsidise the beds/托位 an institution filed after the programme's baseline and not yet "
                    + "subsidised (rate × units)")
    public Response capacity(@Valid @NotNull GrantRequests.Capacity request) {
        return Response.status(201).entity(GrantResponse.of(service.capacity(request.command(), access))).build();
    }
}
