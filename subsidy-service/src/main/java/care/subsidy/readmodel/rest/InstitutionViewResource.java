package care.subsidy.readmodel.rest;

import care.contracts.problem.ProblemException;
import care.contracts.security.Caller;
import care.contracts.security.Roles;
import care.subsidy.readmodel.domain.InstitutionView;
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

import java.util.List;
import java.util.UUID;

/** The institutions the subsidy service knows of, for the staff and systems that pay them. */
@Path("/api/subsidy/institutions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CIVIL_AFFAIRS_REVIEWER, Roles.HEALTH_REVIEWER, Roles.CITY_ADMIN, Roles.FINANCE, Roles.AUDITOR})
public class InstitutionViewResource {

    private final InstitutionViewRepository views;
    private final Caller caller;

    public InstitutionViewResource(InstitutionViewRepository views, Caller caller) {
        this.views = views;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Institutions in the caller's county or city, as the subsidy read model holds them")
    public List<InstitutionViewResponse> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        String area = caller.divisionCode().or(caller::cityCode)
                .orElseThrow(() -> ProblemException.forbidden("token is not bound to a division"));
        return views.inArea(area.endsWith("00") ? area.substring(0, 4) : area, Page.of(page, size)).stream()
                .map(InstitutionViewResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One institution, if it lies in the caller's area")
    public InstitutionViewResponse get(@PathParam("id") UUID id) {
        InstitutionView view = views.findById(id);
        if (view == null || !caller.covers(view.divisionCode)) {
            throw ProblemException.notFound("institution", id);
        }
        return InstitutionViewResponse.of(view);
    }
}
