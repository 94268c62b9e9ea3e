package care.registry.staff.rest;

import care.contracts.http.Pages;
import care.contracts.http.IfMatch;
import care.contracts.problem.ProblemException;
import care.registry.access.Access;
import care.contracts.idempotency.IdempotencyKeys;
import care.registry.institution.domain.Institution;
import care.registry.staff.domain.Staff;
import care.registry.staff.domain.StaffRepository;
import care.registry.staff.domain.StaffStatus;
import care.registry.staff.service.StaffImport;
import care.registry.staff.service.StaffService;
import care.registry.staff.service.StaffSheets;
import care.registry.export.Sheets;
import io.quarkus.panache.common.Page;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * An institution's roster: read (and exported) by whoever sees the institution, kept (and imported) by the
 * institution itself. Citizen IDs are masked in every answer.
 */
@Tag(name = "Staff", description = "从业人员名册 (an institution's roster, citizen IDs masked)")
@Path("/api/institutions/{id}/staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class StaffResource {

    private final Access access;
    private final StaffRepository staff;
    private final StaffService staffService;
    private final IdempotencyKeys idempotent;
    private final StaffImport staffImport;

    public StaffResource(Access access, StaffRepository staff, StaffService staffService, IdempotencyKeys idempotent,
                         StaffImport staffImport) {
        this.access = access;
        this.staff = staff;
        this.staffService = staffService;
        this.idempotent = idempotent;
        this.staffImport = staffImport;
    }

    @GET
    @Transactional
    @Operation(operationId = "listStaff", summary = "从业人员名册",
            description = "The roster, citizen IDs masked; current=true leaves out those who have left")
    public StaffResponse.Page roster(@PathParam("id") UUID id,
                                     @QueryParam("current") @DefaultValue("false") boolean current,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Pages.MAX_PAGE) int page,
                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Institution i = access.readable(id);
        var today = staffService.today();
        var query = staff.roster(i.id, current, today);
        var items = query.page(Page.of(page, size)).list().stream().map(s -> StaffResponse.of(s, today)).toList();
        return new StaffResponse.Page(items, query.count(), page, size);
    }

    @POST
    @Transactional
    @Operation(operationId = "addStaff", summary = "新增从业人员",
            description = "Add a roster entry (201). A person another institution has on its roster for an overlapping "
            + "time is recorded as DISPUTED and sent to the county's competent department (202). With an Idempotency-Key, a retry with the same key and body gets the "
            + "first answer (Idempotency-Replayed: true); the same key with another body is 422")
    public Response addStaff(@PathParam("id") UUID id, @HeaderParam(IdempotencyKeys.HEADER) String key,
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
    @Path("/export.csv")
    @Produces(Sheets.CSV)
    @Transactional
    @Operation(operationId = "exportStaffCsv", summary = "导出从业人员名册 (CSV)",
            description = "The roster as CSV (UTF-8 with BOM): Chinese headers and labels, citizen IDs masked; "
            + "current=true leaves out those who have left")
    public Response exportCsv(@PathParam("id") UUID id,
                              @QueryParam("current") @DefaultValue("false") boolean current) {
        Institution i = access.readable(id);
        return download(StaffSheets.csv(staff.roster(i.id, current, staffService.today()).list(), staffService.today()),
                Sheets.CSV, "csv");
    }

    @GET
    @Path("/export.xlsx")
    @Produces(Sheets.XLSX)
    @Transactional
    @Operation(operationId = "exportStaffXlsx", summary = "导出从业人员名册 (XLSX)",
            description = "The roster as an XLSX workbook: Chinese headers and labels, citizen IDs masked; "
            + "current=true leaves out those who have left")
    public Response exportXlsx(@PathParam("id") UUID id,
                               @QueryParam("current") @DefaultValue("false") boolean current) {
        Institution i = access.readable(id);
        return download(StaffSheets.xlsx(staff.roster(i.id, current, staffService.today()).list(), staffService.today()),
                Sheets.XLSX, "xlsx");
    }

    @GET
    @Path("/import-template.xlsx")
    @Produces(Sheets.XLSX)
    @Operation(operationId = "staffImportTemplate", summary = "下载从业人员导入模板",
            description = "The XLSX the import reads: Chinese headers (* required) and one example row")
    public Response importTemplate(@PathParam("id") UUID id) {
        access.keptByCaller(id);
        return Response.ok(StaffSheets.template())
                .header("Content-Disposition", "attachment; filename=\"staff-import-template.xlsx\"").build();
    }

    @POST
    @Path("/import")
    @Consumes(Sheets.XLSX)
    @Transactional
    @Operation(operationId = "importStaff", summary = "批量导入从业人员",
            description = "New roster entries from the template's XLSX (at most " + StaffImport.MAX_ROWS + " rows, "
            + "2 MB), all or none: each row is checked as a single add; any broken row refuses the file (422 "
            + "IMPORT_ROWS_INVALID, violations with row and field) and adds nothing. A row whose person another "
            + "institution holds is recorded as DISPUTED and counted. A body that is not XLSX is 415 or 400 NOT_XLSX. "
            + "With an Idempotency-Key, a retry with the same key and file gets the first answer")
    public Response importStaff(@PathParam("id") UUID id, @HeaderParam(IdempotencyKeys.HEADER) String key,
                                byte[] xlsx) {
        Institution i = access.keptByCaller(id);
        return idempotent.once(access.caller().name(), key, "POST staff import " + id, xlsx, () -> {
            StaffImport.Outcome outcome = staffImport.importRows(i, xlsx, access.caller().name());
            staff.flush();
            var today = staffService.today();
            return Response.ok(new StaffImportResponse(outcome.added().size(), outcome.disputed(),
                    outcome.added().stream().map(s -> StaffResponse.of(s, today)).toList())).build();
        });
    }

    @GET
    @Operation(operationId = "getStaff", summary = "查看从业人员",
            description = "One roster entry, citizen ID masked, with its ETag")
    @Path("/{staffId}")
    @Transactional
    public Response staffMember(@PathParam("id") UUID id, @PathParam("staffId") UUID staffId) {
        Staff entry = staffOf(access.readable(id), staffId);
        return Response.ok(StaffResponse.of(entry, staffService.today())).header("ETag", IfMatch.etag(entry.version))
                .build();
    }

    @PUT
    @Path("/{staffId}")
    @Transactional
    @Operation(operationId = "updateStaff", summary = "修改从业人员",
            description = "Correct a roster entry or end the employment (employedUntil); 409 EMPLOYMENT_DISPUTED while "
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
        return Response.ok(StaffResponse.of(entry, staffService.today())).header("ETag", IfMatch.etag(entry.version))
                .build();
    }

    private static Response download(byte[] body, String type, String extension) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"staff." + extension + "\"").build();
    }

    private Staff staffOf(Institution i, UUID staffId) {
        Staff entry = staff.findById(staffId);
        if (entry == null || !entry.institutionId.equals(i.id)) {
            throw ProblemException.notFound("staff", staffId);
        }
        return entry;
    }
}
