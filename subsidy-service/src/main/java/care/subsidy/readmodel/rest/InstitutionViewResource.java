package care.subsidy.readmodel.rest;

import care.contracts.http.Pages;
import care.contracts.problem.ProblemException;
import care.contracts.security.Roles;
import care.subsidy.access.Access;
import care.subsidy.readmodel.domain.InstitutionViewRepository;
import io.quarkus.panache.common.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** The institutions the subsidy service knows of, for the staff and systems that pay them. */
@Tag(name = "Subsidy institutions", description = "补贴侧机构视图"
        + " (the institutions the subsidy service knows, from the register's events)")
@Path("/api/subsidy/institutions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CIVIL_AFFAIRS_REVIEWER, Roles.HEALTH_REVIEWER, Roles.CITY_ADMIN, Roles.FINANCE, Roles.AUDITOR})
public class InstitutionViewResource {

    private final InstitutionViewRepository views;
    private final Access access;

    public InstitutionViewResource(InstitutionViewRepository views, Access access) {
        this.views = views;
        this.access = access;
    }

    @GET
    @Operation(operationId = "listSubsidyInstitutions", summary = "补贴侧机构列表",
            description = "Institutions in the caller's scope (city; a reviewer's county and sector), as the subsidy "
            + "read model holds them")
    public List<InstitutionViewResponse> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Pages.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return views.inScope(access.scope(), Page.of(page, size)).stream().map(InstitutionViewResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSubsidyInstitution", summary = "补贴侧机构详情",
            description = "One institution, if it lies in the caller's scope")
    public InstitutionViewResponse get(@PathParam("id") UUID id) {
        return views.inScope(id, access.scope()).map(InstitutionViewResponse::of)
                .orElseThrow(() -> ProblemException.notFound("institution", id));
    }
}
