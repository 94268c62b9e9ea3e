package care.subsidy.programme.rest;

import care.contracts.security.Roles;
import care.subsidy.access.Access;
import care.subsidy.programme.domain.ProgrammeRepository;
import care.subsidy.programme.domain.ProgrammeVersion;
import care.subsidy.programme.service.ProgrammeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The subsidy programmes of the caller's city and their effective-dated parameters. */
@Path("/api/subsidy/programmes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CIVIL_AFFAIRS_REVIEWER, Roles.HEALTH_REVIEWER, Roles.CITY_ADMIN, Roles.FINANCE, Roles.AUDITOR})
public class ProgrammeResource {

    private final ProgrammeRepository programmes;
    private final ProgrammeService service;
    private final Access access;

    public ProgrammeResource(ProgrammeRepository programmes, ProgrammeService service, Access access) {
        this.programmes = programmes;
        this.service = service;
        this.access = access;
    }

    @GET
    @Operation(summary = "Programmes of the caller's city (a reviewer: of their department) with every parameter version")
    public List<ProgrammeResponse> list() {
        return programmes.inScope(access.scope()).stream()
                .map(p -> ProgrammeResponse.of(p, programmes.versions(p.code))).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One programme of the caller's city")
    public ProgrammeResponse get(@PathParam("code") String code) {
        return ProgrammeResponse.of(service.visible(code, access), programmes.versions(code));
    }

    @POST
    @Path("/{code}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "New parameters from a date (city admin of the programme's city); earlier months keep theirs")
    public Response addVersion(@PathParam("code") String code, @Valid @NotNull VersionRequest request) {
        ProgrammeVersion version = service.addVersion(code, request, access);
        return Response.status(201).entity(version).build();
    }
}
