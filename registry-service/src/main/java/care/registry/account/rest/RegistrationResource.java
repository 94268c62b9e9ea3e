package care.registry.account.rest;

import care.contracts.event.Sector;
import care.contracts.http.Pages;
import care.contracts.problem.ProblemException;
import care.registry.access.Access;
import care.registry.account.domain.Registration;
import care.registry.account.domain.RegistrationRepository;
import care.registry.account.domain.RegistrationStatus;
import care.registry.account.service.RegistrationService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import java.util.UUID;

/**
 * 机构注册: anyone may register an institution (the gateway limits how often per address); the county's competent
 * department lists the pending ones and confirms or refuses each.
 */
@Tag(name = "Registrations", description = "机构注册：机构自助注册，县（区）主管部门核实 (self-registration)")
@Path("/api/registrations")
@Produces(MediaType.APPLICATION_JSON)
// @Consumes on the posts with a body only: a bodiless POST (confirm, disable, …) is answered whatever Content-Type
// a client sends with it
public class RegistrationResource {

    private final Access access;
    private final RegistrationRepository registrations;
    private final RegistrationService service;

    public RegistrationResource(Access access, RegistrationRepository registrations, RegistrationService service) {
        this.access = access;
        this.registrations = registrations;
        this.service = service;
    }

    /** What the registrant is told: the application's number, and whether it may sign in and file its NEW now. */
    public record Submitted(UUID id, RegistrationStatus status, String message) {
    }

    public record Refusal(@NotBlank @Size(max = 500) String reason) {
    }

    @POST
    @PermitAll
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerInstitution", summary = "机构注册",
            description = "Register an institution and its first operator account (disabled until confirmed)")
    public Response register(@NotNull @Valid RegistrationRequest request, @Context UriInfo uri) {
        var registration = service.register(request.toDetails());
        String department = "所在县（区）" + (registration.sector == Sector.ELDERLY ? "民政" : "卫健") + "部门";
        // a claim on an institution the platform knows signs in only once a person has checked it; the reason is
        // not given here, as it would tell anyone which USCCs have accounts
        String message = registration.knownInstitution
                ? "注册已提交，待" + department + "核实确认后，即可用手机号和密码登录"
                : "注册已提交。现在即可用手机号和密码登录，办理本机构的新设备案；" + department
                        + "准予备案（或核实确认注册）后，账号即为本机构的经办人账号";
        return Response.created(uri.getAbsolutePathBuilder().path(registration.id.toString()).build())
                .entity(new Submitted(registration.id, registration.status, message)).build();
    }

    @GET
    @Authenticated
    @Transactional
    @Operation(operationId = "listRegistrations", summary = "待核实的机构注册",
            description = "Registrations in the caller's sector and county (or city), oldest first")
    public List<RegistrationResponse> queue(@QueryParam("status") @DefaultValue("PENDING") RegistrationStatus status,
                                            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Pages.MAX_PAGE) int page,
                                            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return registrations.queue(access.registrationScope(), status, page, size).stream()
                .map(RegistrationResponse::of).toList();
    }

    @POST
    @Path("{id}/confirm")
    @Authenticated
    @Transactional
    @Operation(operationId = "confirmRegistration", summary = "确认机构注册",
            description = "Confirm a registration: its account signs in as the institution from now on")
    public RegistrationResponse confirm(@PathParam("id") UUID id) {
        var registration = access.decidedByCaller(found(id));
        return RegistrationResponse.of(service.confirm(registration, access.caller().name()));
    }

    @POST
    @Path("{id}/refuse")
    @Authenticated
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "refuseRegistration", summary = "不予确认机构注册",
            description = "Refuse a registration with a reason: its account is deleted")
    public RegistrationResponse refuse(@PathParam("id") UUID id, @NotNull @Valid Refusal refusal) {
        var registration = access.decidedByCaller(found(id));
        return RegistrationResponse.of(service.refuse(registration, refusal.reason().strip(), access.caller().name()));
    }

    private Registration found(UUID id) {
        var registration = registrations.findById(id);
        if (registration == null) {
            throw ProblemException.notFound("registration", id);
        }
        return registration;
    }
}
