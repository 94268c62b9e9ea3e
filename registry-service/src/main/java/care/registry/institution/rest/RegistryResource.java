package care.registry.institution.rest;

import care.contracts.http.Pages;
import care.contracts.event.Sector;
import care.contracts.http.IfMatch;
import care.contracts.problem.ProblemException;
import care.registry.access.Access;
import care.registry.institution.domain.FilingStatus;
import care.registry.institution.domain.Institution;
import care.registry.institution.domain.InstitutionRepository;
import care.registry.institution.service.InstitutionService;
import care.registry.site.domain.SiteRepository;
import care.registry.site.rest.SiteResponse;
import io.quarkus.panache.common.Page;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * The register's records as their users work with them: an institution keeps its contacts; reviewers, city admins
 * and auditors read what lies in their area; the competent department and the city admin set the designations.
 * Invisible records answer 404, visible ones one may not change 403. An institution's sites, roster and inspections
 * are their features' resources under the same path (SiteResource, StaffResource, InspectionResource).
 */
@Tag(name = "Institutions", description = "机构名录（登记）：已备案机构的联系信息与普惠、示范认定 (the register of institutions)")
@Path("/api/institutions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class RegistryResource {

    private final Access access;
    private final InstitutionRepository institutions;
    private final InstitutionService institutionService;
    private final SiteRepository sites;

    public RegistryResource(Access access, InstitutionRepository institutions, InstitutionService institutionService,
                            SiteRepository sites) {
        this.access = access;
        this.institutions = institutions;
        this.institutionService = institutionService;
        this.sites = sites;
    }

    @GET
    @Transactional
    @Operation(operationId = "listInstitutions", summary = "机构列表",
            description = "Institutions the caller may see (its own, or its area's), filtered and paged")
    public InstitutionSummary.Page list(@QueryParam("county") @Pattern(regexp = "\\d{6}") String county,
                                        @QueryParam("sector") @Pattern(regexp = "ELDERLY|CHILDCARE") String sector,
                                        @QueryParam("status") @Pattern(regexp = "UNFILED|FILED|CLOSED") String status,
                                        @QueryParam("q") @Size(max = 50) String text,
                                        @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Pages.MAX_PAGE) int page,
                                        @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var query = institutions.registry(access.scope(), county, sector == null ? null : Sector.valueOf(sector),
                status == null ? null : FilingStatus.valueOf(status), text == null || text.isBlank() ? null : text.strip());
        List<InstitutionSummary> items = query.page(Page.of(page, size)).list().stream().map(InstitutionSummary::of).toList();
        return new InstitutionSummary.Page(items, query.count(), page, size);
    }

    @GET
    @Operation(operationId = "getInstitution", summary = "查看机构",
            description = "One institution the caller may see, with its ETag (the version to name in If-Match)")
    @Path("/{id}")
    @Transactional
    public Response get(@PathParam("id") UUID id) {
        Institution i = access.readable(id);
        return withEtag(full(i), i.version);
    }

    @PUT
    @Path("/{id}/contacts")
    @Transactional
    @Operation(operationId = "updateContacts", summary = "修改联系信息",
            description = "The institution updates its day-to-day contacts")
    public Response contacts(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                             @NotNull @Valid ContactsRequest request) {
        Institution i = access.keptByCaller(id);
        institutionService.contacts(i, request.toDetails(), IfMatch.version(ifMatch), access.caller().name());
        institutions.flush();
        return withEtag(full(i), i.version);
    }

    @PUT
    @Path("/{id}/designations")
    @Transactional
    @Operation(operationId = "updateDesignations", summary = "普惠、示范认定",
            description = "The competent department or city admin sets the 普惠 and 示范 designations")
    public Response designations(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                 @NotNull @Valid DesignationsRequest request) {
        Institution i = access.supervisedByCaller(id);
        if (i.filingStatus != FilingStatus.FILED) {
            throw ProblemException.conflict("NOT_FILED", "机构未处于已备案状态", "only a filed institution can be designated");
        }
        institutionService.designations(i, request.toDesignations(), IfMatch.version(ifMatch), access.caller().name());
        institutions.flush();
        return withEtag(full(i), i.version);
    }

    private InstitutionResponse full(Institution i) {
        return InstitutionResponse.of(i, sites.ofInstitution(i.id).stream().map(SiteResponse::of).toList());
    }

    private static Response withEtag(Object entity, long version) {
        return Response.ok(entity).header("ETag", IfMatch.etag(version)).build();
    }
}
