package care.subsidy.programme.rest;

import care.contracts.security.Roles;
import care.subsidy.access.Access;
import care.subsidy.support.Periods;
import care.subsidy.programme.domain.Programme;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

/** The subsidy programmes of the caller's city and their effective-dated parameters. */
@Tag(name = "Programmes", description = "补贴项目与参数版本 (subsidy programmes and their parameter versions)")
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
    @Operation(operationId = "listProgrammes", summary = "补贴项目列表",
            description = "Programmes of the caller's city (a reviewer: of their department) with every parameter "
                    + "version")
    public List<ProgrammeResponse> list() {
        LocalDate today = Periods.today();
        return programmes.inScope(access.scope()).stream().map(p -> response(p, today)).toList();
    }

    @GET
    @Path("/kinds")
    @Operation(operationId = "listProgrammeKinds", summary = "补贴项目种类",
            description = "The kinds of programme a city may configure, each with the sentence of the plan naming it")
    public List<KindResponse> kinds() {
        return service.kinds().stream().map(KindResponse::of).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getProgramme", summary = "查看补贴项目",
            description = "One programme of the caller's city")
    public ProgrammeResponse get(@PathParam("code") String code) {
        return response(service.visible(code, access), Periods.today());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(operationId = "createProgramme", summary = "新建补贴项目",
            description = "A new programme of the caller's city, of a configured kind; it pays nothing until a version")
    public Response create(@Valid @NotNull ProgrammeRequest request) {
        Programme p = service.create(request.command(), access);
        return Response.status(201).entity(response(p, Periods.today())).build();
    }

    @POST
    @Path("/{code}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(operationId = "addProgrammeVersion", summary = "新增参数版本",
            description = "New parameters from a date (city admin of the programme's city); earlier months keep theirs")
    public Response addVersion(@PathParam("code") String code, @Valid @NotNull VersionRequest request) {
        ProgrammeVersion version = service.addVersion(code, request.command(), access);
        return Response.status(201).entity(version).build();
    }

    @POST
    @Path("/{code}/versions/{id}/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(operationId = "extendProgrammeVersion", summary = "调整参数版本期限",
            description = "A new end for a version (later, earlier or open), with the decision it rests on")
    public ProgrammeVersion extend(@PathParam("code") String code, @PathParam("id") long id,
                                   @Valid @NotNull ExtensionRequest request) {
        return service.extend(code, id, request.effectiveUntil(), request.source(), access);
    }

    private ProgrammeResponse response(Programme p, LocalDate today) {
        List<ProgrammeVersion> versions = programmes.versions(p.code);
        return ProgrammeResponse.of(p, versions, ProgrammeVersion.inForceOn(versions, today).isPresent(), today);
    }
}
