package care.registry.institution.rest;

import care.contracts.event.Sector;
import care.contracts.http.IfMatch;
import care.contracts.problem.ProblemException;
import care.registry.access.Access;
import care.registry.access.Bounds;
import care.registry.access.IdempotentPosts;
import care.registry.institution.domain.FilingStatus;
import care.registry.institution.domain.Institution;
import care.registry.institution.domain.InstitutionRepository;
import care.registry.institution.service.InstitutionService;
import care.registry.site.domain.Site;
import care.registry.site.domain.SiteRepository;
import care.registry.site.rest.CapacityRequest;
import care.registry.site.rest.SiteResponse;
import care.registry.site.service.SiteCapacityService;
import care.registry.staff.domain.Staff;
import care.registry.staff.domain.StaffRepository;
import care.registry.staff.domain.StaffStatus;
import care.registry.staff.rest.StaffRequest;
import care.registry.staff.rest.StaffResponse;
import care.registry.staff.service.StaffService;
import care.registry.supervision.domain.InspectionRepository;
import care.registry.supervision.rest.InspectionRequest;
import care.registry.supervision.rest.InspectionResponse;
import care.registry.supervision.service.SupervisionService;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.UUID;

/**
 * The register as its users work with it: an institution keeps its own record (contacts, sites' capacity, roster);
 * reviewers, city admins and auditors read what lies in their area; the competent department and the city admin
 * record supervision and designations. Invisible records answer 404, visible ones one may not change 403.
 */
@Path("/api/institutions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class RegistryResource {

    private final Access access;
    private final InstitutionRepository institutions;
    private final InstitutionService institutionService;
    private final SiteRepository sites;
    private final SiteCapacityService capacity;
    private final StaffRepository staff;
    private final StaffService staffService;
    private final InspectionRepository inspections;
    private final SupervisionService supervision;
    private final IdempotentPosts idempotent;

    public RegistryResource(Access access, InstitutionRepository institutions,
                            InstitutionService institutionService, SiteRepository sites, SiteCapacityService capacity,
                            StaffRepository staff, StaffService staffService, InspectionRepository inspections,
                            SupervisionService supervision, IdempotentPosts idempotent) {
        this.access = access;
        this.institutions = institutions;
        this.institutionService = institutionService;
        this.sites = sites;
        this.capacity = capacity;
        this.staff = staff;
        this.staffService = staffService;
        this.inspections = inspections;
        this.supervision = supervision;
        this.idempotent = idempotent;
    }

    // --- institutions ---

    @GET
    @Transactional
    @Operation(summary = "Institutions the caller may see (its own, or its area's), filtered and paged")
    public InstitutionSummary.Page list(@QueryParam("county") @Pattern(regexp = "\\d{6}") String county,
                                        @QueryParam("sector") @Pattern(regexp = "ELDERLY|CHILDCARE") String sector,
                                        @QueryParam("status") @Pattern(regexp = "UNFILED|FILED|CLOSED") String status,
                                        @QueryParam("q") @Size(max = 50) String text,
                                        @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Bounds.MAX_PAGE) int page,
                                        @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var query = institutions.registry(access.scope(), county, sector == null ? null : Sector.valueOf(sector),
                status == null ? null : FilingStatus.valueOf(status), text == null || text.isBlank() ? null : text.strip());
        List<InstitutionSummary> items = query.page(Page.of(page, size)).list().stream().map(InstitutionSummary::of).toList();
        return new InstitutionSummary.Page(items, query.count(), page, size);
    }

    @GET
    @Path("/{id}")
    @Transactional
    public Response get(@PathParam("id") UUID id) {
        Institution i = access.readable(id);
        return withEtag(full(i), i.version);
    }

    @PUT
    @Path("/{id}/contacts")
    @Transactional
    @Operation(summary = "The institution updates its day-to-day contacts")
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
    @Operation(summary = "The competent department or city admin sets the 普惠 and 示范 designations")
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

    // --- sites ---

    @GET
    @Path("/{id}/sites")
    @Transactional
    public List<SiteResponse> sites(@PathParam("id") UUID id) {
        return sites.ofInstitution(access.readable(id).id).stream().map(SiteResponse::of).toList();
    }

    @GET
    @Path("/{id}/sites/{siteId}")
    @Transactional
    public Response site(@PathParam("id") UUID id, @PathParam("siteId") UUID siteId) {
        Site site = siteOf(access.readable(id), siteId);
        return withEtag(SiteResponse.of(site), site.version);
    }

    @PUT
    @Path("/{id}/sites/{siteId}/capacity")
    @Transactional
    @Operation(summary = "The institution keeps a site's capacity breakdown, services and occupancy")
    public Response capacity(@PathParam("id") UUID id, @PathParam("siteId") UUID siteId,
                             @HeaderParam("If-Match") String ifMatch, @NotNull @Valid CapacityRequest request) {
        Institution i = access.keptByCaller(id);
        Site site = siteOf(i, siteId);
        capacity.update(i, site, request.toBreakdown(), IfMatch.version(ifMatch), access.caller().name());
        sites.flush();
        return withEtag(SiteResponse.of(site), site.version);
    }

    // --- roster ---

    @GET
    @Path("/{id}/staff")
    @Transactional
    @Operation(summary = "The roster, citizen IDs masked; current=true leaves out those who have left")
    public StaffResponse.Page roster(@PathParam("id") UUID id,
                                     @QueryParam("current") @DefaultValue("false") boolean current,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Bounds.MAX_PAGE) int page,
                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Institution i = access.readable(id);
        var today = staffService.today();
        var query = staff.roster(i.id, current, today);
        var items = query.page(Page.of(page, size)).list().stream().map(s -> StaffResponse.of(s, today)).toList();
        return new StaffResponse.Page(items, query.count(), page, size);
    }

    @POST
    @Path("/{id}/staff")
    @Transactional
    @Operation(summary = "Add a roster entry (201). A person another institution has on its roster for an overlapping "
            + "time is recorded as DISPUTED and sent to the county's competent department (202). With an Idempotency-Key, a retry with the same key and body gets the "
            + "first answer (Idempotency-Replayed: true); the same key with another body is 422")
    public Response addStaff(@PathParam("id") UUID id, @HeaderParam(IdempotentPosts.HEADER) String key,
                             @NotNull @Valid StaffRequest request, @Context UriInfo uri) {
        Institution i = access.keptByCaller(id);
        return idempotent.once(access.caller().name(), key, "POST staff " + id, request, () -> {
            Staff entry = staffService.add(i, request.toDetails(), access.caller().name());
            staff.flush();
            // a claim another institution's entry contradicts is recorded but waits for the county: 202
            return Response.status(entry.status == StaffStatus.DISPUTED ? Response.Status.ACCEPTED : Response.Status.CREATED)
                    .location(uri.getAbsolutePathBuilder().path(entry.id.toString()).build())
                    .entity(StaffResponse.of(entry, staffService.today())).header("ETag", IfMatch.etag(entry.version))
                    .build();
        });
    }

    @GET
    @Path("/{id}/staff/{staffId}")
    @Transactional
    public Response staffMember(@PathParam("id") UUID id, @PathParam("staffId") UUID staffId) {
        Staff entry = staffOf(access.readable(id), staffId);
        return withEtag(StaffResponse.of(entry, staffService.today()), entry.version);
    }

    @PUT
    @Path("/{id}/staff/{staffId}")
    @Transactional
    @Operation(summary = "Correct a roster entry or end the employment (employedUntil); 409 EMPLOYMENT_DISPUTED while "
            + "the county verifies it, 202 if the change contradicts another institution's entry (DISPUTED)")
    public Response updateStaff(@PathParam("id") UUID id, @PathParam("staffId") UUID staffId,
                                @HeaderParam("If-Match") String ifMatch, @NotNull @Valid StaffRequest request) {
        Institution i = access.keptByCaller(id);
        Staff entry = staffOf(i, staffId);
        staffService.update(i, entry, request.toDetails(), IfMatch.version(ifMatch), access.caller().name());
        staff.flush();
        if (entry.status == StaffStatus.DISPUTED) { // the change made it contradict another institution's entry
            return Response.accepted(StaffResponse.of(entry, staffService.today()))
                    .header("ETag", IfMatch.etag(entry.version)).build();
        }
        return withEtag(StaffResponse.of(entry, staffService.today()), entry.version);
    }

    // --- supervision ---

    @GET
    @Path("/{id}/inspections")
    @Transactional
    public List<InspectionResponse> inspections(@PathParam("id") UUID id) {
        return inspections.of(access.readable(id).id, false).stream().map(InspectionResponse::of).toList();
    }

    @POST
    @Path("/{id}/inspections")
    @Transactional
    @Operation(summary = "Record an inspection (双随机、一公开): city admin or the competent department. With an "
            + "Idempotency-Key, a retry with the same key and body gets the first answer; another body is 422")
    public Response inspect(@PathParam("id") UUID id, @HeaderParam(IdempotentPosts.HEADER) String key,
                            @NotNull @Valid InspectionRequest request, @Context UriInfo uri) {
        Institution i = access.supervisedByCaller(id);
        return idempotent.once(access.caller().name(), key, "POST inspections " + id, request, () -> {
            var recorded = supervision.record(i, request.toDetails(), access.caller().name());
            return Response.created(uri.getAbsolutePathBuilder().path(recorded.id.toString()).build())
                    .entity(InspectionResponse.of(recorded)).build();
        });
    }

    private InstitutionResponse full(Institution i) {
        return InstitutionResponse.of(i, sites.ofInstitution(i.id).stream().map(SiteResponse::of).toList());
    }

    private Site siteOf(Institution i, UUID siteId) {
        Site site = sites.findById(siteId);
        if (site == null || !site.institutionId.equals(i.id)) {
            throw ProblemException.notFound("site", siteId);
        }
        return site;
    }

    private Staff staffOf(Institution i, UUID staffId) {
        Staff entry = staff.findById(staffId);
        if (entry == null || !entry.institutionId.equals(i.id)) {
            throw ProblemException.notFound("staff", staffId);
        }
        return entry;
    }

    private static Response withEtag(Object entity, long version) {
        return Response.ok(entity).header("ETag", IfMatch.etag(version)).build();
    }
}
