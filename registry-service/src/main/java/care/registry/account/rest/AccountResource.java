package care.registry.account.rest;

import care.contracts.division.Divisions;
import care.contracts.problem.ProblemException;
import care.registry.access.Access;
import care.registry.account.domain.AccountRepository;
import care.registry.account.service.OperatorService;
import care.registry.account.service.StaffAccountService;
import care.registry.account.service.StaffRole;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * 账号管理: a city admin's staff accounts ({@code /staff}) and an institution administrator's operators
 * ({@code /operators}). Which accounts a caller may touch is decided in {@link Access}; an account out of reach is
 * 404, as if absent.
 */
@Tag(name = "Accounts", description = "账号管理：本市工作人员账号与机构经办人账号 (staff and operator accounts)")
@Path("/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
// @Consumes on the posts with a body only: a bodiless POST (confirm, disable, …) is answered whatever Content-Type
// a client sends with it
@Authenticated
public class AccountResource {

    private final Access access;
    private final AccountRepository accounts;
    private final StaffAccountService staff;
    private final OperatorService operators;

    public AccountResource(Access access, AccountRepository accounts, StaffAccountService staff,
                           OperatorService operators) {
        this.access = access;
        this.accounts = accounts;
        this.staff = staff;
        this.operators = operators;
    }

    public record Option(String code, String label) {
    }

    /** The lists a city admin chooses from: roles, and the divisions (the city itself first, then its counties). */
    public record StaffOptions(List<Option> roles, List<Option> divisions) {
    }

    // --- a city's staff ---

    @GET
    @Path("staff/options")
    @Operation(operationId = "staffAccountOptions", summary = "可分配的角色与行政区划",
            description = "Roles and divisions a city admin may give (their own city's only)")
    public StaffOptions options() {
        String city = access.staffCity();
        List<Option> divisions = new ArrayList<>();
        Divisions.find(city).ifPresent(c -> divisions.add(new Option(c.code(), c.name() + "（全市）")));
        Divisions.countiesOf(city).forEach(c -> divisions.add(new Option(c.code(), c.name())));
        return new StaffOptions(Arrays.stream(StaffRole.values()).map(r -> new Option(r.role, r.label)).toList(),
                divisions);
    }

    @GET
    @Path("staff")
    @Transactional
    @Operation(operationId = "listStaffAccounts", summary = "本市工作人员账号列表",
            description = "The staff accounts the platform made in the caller's city")
    public List<AccountResponse> staff() {
        return accounts.staffOf(access.staffCity()).stream().map(AccountResponse::of).toList();
    }

    @POST
    @Path("staff")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createStaffAccount", summary = "新建工作人员账号",
            description = "Create a reviewer, auditor or city-admin account of the caller's city, with a one-time "
                    + "password")
    public Response createStaff(@NotNull @Valid StaffAccountRequest request, @Context UriInfo uri) {
        String city = access.staffCity();
        StaffRole role = StaffRole.of(request.role()).orElseThrow(() -> ProblemException.invalid("role",
                "角色只能是：" + String.join("、", Arrays.stream(StaffRole.values()).map(r -> r.role).toList())));
        var created = staff.create(city, request.username(), request.fullName().strip(), role, request.divisionCode(),
                access.caller().name());
        return Response.created(uri.getAbsolutePathBuilder().path(created.account().id.toString()).build())
                .entity(AccountResponse.of(created.account(), created.initialPassword())).build();
    }

    @POST
    @Path("staff/{id}/disable")
    @Transactional
    @Operation(operationId = "disableStaffAccount", summary = "停用工作人员账号",
            description = "Disable a staff account of the caller's city; its sessions end at once")
    public AccountResponse disable(@PathParam("id") UUID id) {
        return AccountResponse.of(staff.disable(access.staffOfCaller(id), access.caller().name()));
    }

    @POST
    @Path("staff/{id}/enable")
    @Transactional
    @Operation(operationId = "enableStaffAccount", summary = "启用工作人员账号",
            description = "Enable a disabled staff account of the caller's city again")
    public AccountResponse enable(@PathParam("id") UUID id) {
        return AccountResponse.of(staff.enable(access.staffOfCaller(id), access.caller().name()));
    }

    @POST
    @Path("staff/{id}/password-reset")
    @Transactional
    @Operation(operationId = "resetStaffPassword", summary = "重置工作人员账号密码",
            description = "Give a staff account a one-time password, changed at its next sign-in")
    public AccountResponse resetPassword(@PathParam("id") UUID id) {
        var reset = staff.resetPassword(access.staffOfCaller(id), access.caller().name());
        return AccountResponse.of(reset.account(), reset.initialPassword());
    }

    // --- an institution's operators ---

    @GET
    @Path("operators")
    @Transactional
    @Operation(operationId = "listOperators", summary = "本机构经办人账号列表",
            description = "The administrator's institution's operator accounts")
    public List<AccountResponse> operators() {
        return accounts.operatorsOf(access.administeringCaller().uscc).stream().map(AccountResponse::of).toList();
    }

    @POST
    @Path("operators")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "inviteOperator", summary = "添加经办人账号",
            description = "Invite another operator of the administrator's institution, with a one-time password")
    public Response invite(@NotNull @Valid OperatorRequest request, @Context UriInfo uri) {
        var created = operators.invite(access.administeringCaller(), request.fullName().strip(), request.mobile());
        return Response.created(uri.getAbsolutePathBuilder().path(created.account().id.toString()).build())
                .entity(AccountResponse.of(created.account(), created.initialPassword())).build();
    }

    @DELETE
    @Path("operators/{id}")
    @Transactional
    @Operation(operationId = "removeOperator", summary = "移除经办人账号",
            description = "Remove an operator of the administrator's institution")
    public Response remove(@PathParam("id") UUID id) {
        var operator = access.operatorOfCaller(id);
        operators.remove(access.administeringCaller(), operator);
        return Response.noContent().build();
    }
}
