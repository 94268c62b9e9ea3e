package care.registry.staff.rest;

import care.contracts.http.Pages;
import care.contracts.problem.ProblemException;
import care.contracts.security.Roles;
import care.registry.access.Access;
import care.registry.institution.domain.Institution;
import care.registry.institution.domain.InstitutionRepository;
import care.registry.staff.domain.Staff;
import care.registry.staff.domain.StaffDispute;
import care.registry.staff.domain.StaffDisputeRepository;
import care.registry.staff.domain.StaffRepository;
import care.registry.staff.service.StaffDisputes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Roster disputes (one person claimed by two institutions for overlapping times): the queue of the competent
 * reviewers of the counties involved, read-only for the city admin and auditor; the decision is the deciding
 * county's reviewer's (see Access). Under /api/institutions, which the gateway routes here.
 */
@Tag(name = "Staff disputes", description = "名册争议"
        + " (a person on two institutions' rosters at once, decided by the county)")
@Path("/api/institutions/staff-disputes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CIVIL_AFFAIRS_REVIEWER, Roles.HEALTH_REVIEWER, Roles.CITY_ADMIN, Roles.AUDITOR})
public class StaffDisputeResource {

    private final Access access;
    private final StaffDisputeRepository disputes;
    private final StaffRepository staff;
    private final InstitutionRepository institutions;
    private final StaffDisputes service;

    public StaffDisputeResource(Access access, StaffDisputeRepository disputes, StaffRepository staff,
                                InstitutionRepository institutions, StaffDisputes service) {
        this.access = access;
        this.disputes = disputes;
        this.staff = staff;
        this.institutions = institutions;
        this.service = service;
    }

    @GET
    @Transactional
    @Operation(operationId = "listStaffDisputes", summary = "名册争议队列",
            description = "Roster disputes with a claim of an institution in the caller's area, oldest first")
    public StaffDisputeResponse.Page queue(
            @QueryParam("status") @DefaultValue("OPEN") @Pattern(regexp = "OPEN|DECIDED") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Pages.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        var scope = access.disputeScope("i.");
        var state = StaffDispute.Status.valueOf(status);
        List<StaffDispute> found = disputes.queue(scope, state, Pages.offset(page, size), size);
        return new StaffDisputeResponse.Page(shown(found), disputes.count(scope, state), page, size);
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "getStaffDispute", summary = "查看名册争议",
            description = "One roster dispute with every claim: institution, role, employment, when entered, "
                    + "certificate")
    public StaffDisputeResponse get(@PathParam("id") UUID id) {
        return shown(List.of(readable(id))).get(0);
    }

    @POST
    @Path("/{id}/decision")
    @Transactional
    @Operation(operationId = "decideStaffDispute", summary = "裁定名册争议",
            description = "The deciding county's competent reviewer decides which claim stands, with a reason; the "
            + "others are ended before it or refused, and the allowance follows the decision")
    public StaffDisputeResponse decide(@PathParam("id") UUID id, @NotNull @Valid StaffDisputeResponse.Decision decision) {
        StaffDispute d = readable(id);
        if (!access.canDecide(d.sector, d.divisionCode)) {
            throw ProblemException.forbidden("only the competent department of county " + d.divisionCode
                    + " decides this dispute");
        }
        service.decide(d, decision.standingStaffId(), decision.reason().strip(), access.caller().name());
        staff.flush();
        return shown(List.of(d)).get(0);
    }

    private StaffDispute readable(UUID id) {
        StaffDispute d = disputes.findById(id);
        if (d == null) {
            throw ProblemException.notFound("staff dispute", id);
        }
        access.readableDispute(id, involved(List.of(d)).values());
        return d;
    }

    private List<StaffDisputeResponse> shown(List<StaffDispute> found) {
        Map<UUID, Staff> entries = entries(found);
        Map<UUID, Institution> byId = institutionsOf(entries.values());
        return found.stream().map(d -> StaffDisputeResponse.of(d, entries, byId,
                access.canDecide(d.sector, d.divisionCode))).toList();
    }

    private Map<UUID, Institution> involved(List<StaffDispute> found) {
        return institutionsOf(entries(found).values());
    }

    private Map<UUID, Staff> entries(List<StaffDispute> found) {
        List<UUID> ids = found.stream().flatMap(d -> d.claims.keySet().stream()).distinct().toList();
        return ids.isEmpty() ? new HashMap<>()
                : staff.list("id in ?1", ids).stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
    }

    private Map<UUID, Institution> institutionsOf(Collection<Staff> entries) {
        List<UUID> ids = entries.stream().map(s -> s.institutionId).distinct().toList();
        return ids.isEmpty() ? new HashMap<>()
                : institutions.list("id in ?1", ids).stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
    }
}
