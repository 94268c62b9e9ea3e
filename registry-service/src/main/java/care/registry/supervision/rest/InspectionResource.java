package care.registry.supervision.rest;

import care.registry.access.Access;
import care.contracts.idempotency.IdempotencyKeys;
import care.registry.institution.domain.Institution;
import care.registry.supervision.domain.InspectionRepository;
import care.registry.supervision.service.SupervisionService;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** An institution's inspections: read by whoever sees it, recorded by the city admin or the competent department. */
@Tag(name = "Inspections", description = "监督检查：双随机、一公开 (inspections of an institution)")
@Path("/api/institutions/{id}/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class InspectionResource {

    private final Access access;
    private final InspectionRepository inspections;
    private final SupervisionService supervision;
    private final IdempotencyKeys idempotent;

    public InspectionResource(Access access, InspectionRepository inspections, SupervisionService supervision,
                              IdempotencyKeys idempotent) {
        this.access = access;
        this.inspections = inspections;
        this.supervision = supervision;
        this.idempotent = idempotent;
    }

    @GET
    @Operation(operationId = "listInspections", summary = "检查记录",
            description = "The inspections of an institution the caller may see, newest first")
    @Transactional
    public List<InspectionResponse> inspections(@PathParam("id") UUID id) {
        return inspections.of(access.readable(id).id, false).stream().map(InspectionResponse::of).toList();
    }

    @POST
    @Transactional
    @Operation(operationId = "recordInspection", summary = "登记检查结果",
            description = "Record an inspection (双随机、一公开): city admin or the competent department. With an "
            + "Idempotency-Key, a retry with the same key and body gets the first answer; another body is 422")
    public Response inspect(@PathParam("id") UUID id, @HeaderParam(IdempotencyKeys.HEADER) String key,
                            @NotNull @Valid InspectionRequest request, @Context UriInfo uri) {
        Institution i = access.supervisedByCaller(id);
        return idempotent.once(access.caller().name(), key, "POST inspections " + id, request, () -> {
            var recorded = supervision.record(i, request.toDetails(), access.caller().name());
            return Response.created(uri.getAbsolutePathBuilder().path(recorded.id.toString()).build())
                    .entity(InspectionResponse.of(recorded)).build();
        });
    }
}
