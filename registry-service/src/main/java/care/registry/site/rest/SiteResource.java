package care.registry.site.rest;

import care.contracts.http.IfMatch;
import care.contracts.problem.ProblemException;
import care.registry.access.Access;
import care.registry.institution.domain.Institution;
import care.registry.site.domain.Site;
import care.registry.site.domain.SiteRepository;
import care.registry.site.service.SiteCapacityService;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** An institution's sites: read by whoever sees the institution, their capacity kept by the institution itself. */
@Tag(name = "Sites", description = "经营场所与床位、托位 (sites, capacity and occupancy)")
@Path("/api/institutions/{id}/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class SiteResource {

    private final Access access;
    private final SiteRepository sites;
    private final SiteCapacityService capacity;

    public SiteResource(Access access, SiteRepository sites, SiteCapacityService capacity) {
        this.access = access;
        this.sites = sites;
        this.capacity = capacity;
    }

    @GET
    @Operation(operationId = "listSites", summary = "经营场所列表",
            description = "The sites of an institution the caller may see, with their capacity")
    @Transactional
    public List<SiteResponse> sites(@PathParam("id") UUID id) {
        return sites.ofInstitution(access.readable(id).id).stream().map(SiteResponse::of).toList();
    }

    @GET
    @Operation(operationId = "getSite", summary = "查看经营场所",
            description = "One site with its capacity breakdown and its ETag")
    @Path("/{siteId}")
    @Transactional
    public Response site(@PathParam("id") UUID id, @PathParam("siteId") UUID siteId) {
        Site site = siteOf(access.readable(id), siteId);
        return Response.ok(SiteResponse.of(site)).header("ETag", IfMatch.etag(site.version)).build();
    }

    @PUT
    @Path("/{siteId}/capacity")
    @Transactional
    @Operation(operationId = "updateCapacity", summary = "修改床位、托位",
            description = "The institution keeps a site's capacity breakdown, services and occupancy")
    public Response capacity(@PathParam("id") UUID id, @PathParam("siteId") UUID siteId,
                             @HeaderParam("If-Match") String ifMatch, @NotNull @Valid CapacityRequest request) {
        Institution i = access.keptByCaller(id);
        Site site = siteOf(i, siteId);
        capacity.update(i, site, request.toBreakdown(), IfMatch.version(ifMatch), access.caller().name());
        sites.flush();
        return Response.ok(SiteResponse.of(site)).header("ETag", IfMatch.etag(site.version)).build();
    }

    private Site siteOf(Institution i, UUID siteId) {
        Site site = sites.findById(siteId);
        if (site == null || !site.institutionId.equals(i.id)) {
            throw ProblemException.notFound("site", siteId);
        }
        return site;
    }
}
