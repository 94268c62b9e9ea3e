package care.registry.township.rest;

import care.contracts.division.Divisions;
import care.contracts.problem.ProblemException;
import care.registry.access.Access;
import care.registry.township.domain.Township;
import care.registry.township.service.TownshipService;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The township (乡镇/街道) lists: read by institutions and the departments, kept by the city admin of the city.
 * Under /api/institutions like the indicators, so the gateway routes it to the registry as it is.
 */
@Tag(name = "Townships", description = "乡镇（街道）名单：由市级管理员录入 (the township lists the cities enter)")
@Path("/api/institutions/townships")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class TownshipResource {

    private final Access access;
    private final TownshipService townships;

    public TownshipResource(Access access, TownshipService townships) {
        this.access = access;
        this.townships = townships;
    }

    @GET
    @Operation(operationId = "listTownships", summary = "乡镇（街道）名单",
            description = "A county's townships as its city entered them, those in force first; empty while the city "
                    + "has entered none (a site then takes any 9-digit code of its county)")
    public List<TownshipResponse> list(@QueryParam("county") @Pattern(regexp = "\\d{6}") String county) {
        access.readsTownships();
        if (!Divisions.isCounty(county)) {
            throw ProblemException.invalid("county", "请选择一个县（区）");
        }
        return townships.ofCounty(county).stream().map(TownshipResponse::of).toList();
    }

    @Transactional
    @POST
    @Operation(operationId = "createTownship", summary = "录入乡镇（街道）",
            description = "The city admin enters a township of one of the city's counties (the code starts with the "
                    + "county's); a code already in the list, or a name in force in the county, is 409")
    public Response create(@NotNull @Valid TownshipRequest request, @Context UriInfo uri) {
        access.townshipCity();
        access.keepsTownshipsOf(TownshipService.countyOf(request.code(), "code"));
        Township t = townships.create(request.code(), request.name().strip(), access.caller().name());
        return Response.created(uri.getAbsolutePathBuilder().path(t.code).build())
                .entity(TownshipResponse.of(t)).build();
    }

    @Transactional
    @PUT
    @Path("/{code}")
    @Operation(operationId = "renameTownship", summary = "修改乡镇（街道）名称",
            description = "The city admin renames a township in force of the city")
    public TownshipResponse rename(@PathParam("code") String code, @NotNull @Valid TownshipRename request) {
        Township t = kept(code);
        return TownshipResponse.of(townships.rename(t, request.name().strip(), access.caller().name()));
    }

    @Transactional
    @POST
    @Path("/{code}/retire")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "retireTownship", summary = "停用乡镇（街道）",
            description = "The city admin ends a township today; it stays in the list as retired, and sites no "
                    + "longer choose it")
    public TownshipResponse retire(@PathParam("code") String code) {
        Township t = kept(code);
        return TownshipResponse.of(townships.retire(t, access.caller().name()));
    }

    /** A township the caller keeps: 403 for anyone but the city admin of its city, 404 for a code not entered. */
    private Township kept(String code) {
        access.townshipCity();
        Township t = townships.byCode(code);
        access.keepsTownshipsOf(t.countyCode);
        return t;
    }
}
