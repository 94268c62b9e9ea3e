package care.subsidy.batch.rest;

import care.contracts.http.Pages;
import care.contracts.http.IfMatch;
import care.contracts.security.Roles;
import care.subsidy.access.Access;
import care.subsidy.access.Scope;
import care.subsidy.batch.domain.BatchStatus;
import care.subsidy.batch.domain.InstructionRepository;
import care.subsidy.batch.domain.InstructionView;
import care.subsidy.batch.domain.PaymentBatch;
import care.subsidy.batch.domain.PaymentBatchRepository;
import care.subsidy.batch.service.BatchGenerator;
import care.subsidy.batch.service.BatchService;
import care.subsidy.ledger.rest.LedgerResource;
import care.subsidy.ledger.service.LedgerService;
import care.subsidy.ledger.service.Reconciliation;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Monthly allowance and grant batches of the caller's city: generation, progress, review, release. */
@Tag(name = "Batches", description = "发放批次：生成、审核、下达 (monthly payment batches)")
@Path("/api/subsidy/batches")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CIVIL_AFFAIRS_REVIEWER, Roles.HEALTH_REVIEWER, Roles.CITY_ADMIN, Roles.AUDITOR})
public class BatchResource {

    private final BatchService service;
    private final BatchGenerator generator;
    private final PaymentBatchRepository batches;
    private final InstructionRepository instructions;
    private final LedgerService ledger;
    private final Access access;

    public BatchResource(BatchService service, BatchGenerator generator, PaymentBatchRepository batches,
                         InstructionRepository instructions, LedgerService ledger, Access access) {
        this.ledger = ledger;
        this.service = service;
        this.generator = generator;
        this.batches = batches;
        this.instructions = instructions;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITY_ADMIN, Roles.CIVIL_AFFAIRS_REVIEWER, Roles.HEALTH_REVIEWER})
    @Operation(operationId = "generateBatch", summary = "生成发放批次",
            description = "Generate a programme's batch for a month, asynchronously: 202, then poll the batch")
    public Response generate(@Valid @NotNull BatchRequests.Generate request) {
        PaymentBatch batch = service.request(request.programmeCode(), request.period(), access);
        generator.submit(batch.id);
        return Response.accepted(BatchResponse.of(batch))
                .location(URI.create("/api/subsidy/batches/" + batch.id)).build();
    }

    @GET
    @Operation(operationId = "listBatches", summary = "发放批次列表",
            description = "Batches of the caller's city, newest first")
    public List<BatchResponse> list(@QueryParam("programme") @Size(max = 40) String programme,
                                    @QueryParam("period") @Pattern(regexp = "\\d{4}-\\d{2}") String period,
                                    @QueryParam("status") List<BatchStatus> status,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Pages.MAX_PAGE) int page,
                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return view(batches.search(access.scope(), programme, period, status,
                io.quarkus.panache.common.Page.of(page, size)));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getBatch", summary = "查看发放批次",
            description = "A batch and its generation progress (processed/total); ETag = version")
    public Response get(@PathParam("id") UUID id) {
        PaymentBatch batch = service.visible(id, access);
        return Response.ok(view(List.of(batch)).get(0)).tag(new EntityTag(String.valueOf(batch.version))).build();
    }

    @GET
    @Path("/{id}/instructions")
    @Operation(operationId = "listBatchInstructions", summary = "批次支付指令",
            description = "The batch's payment instructions, paged; a county reviewer sees its county's only. q finds "
                    + "a payee or institution by part of its name, or an institution by its USCC")
    public Page<InstructionView> instructions(@PathParam("id") UUID id,
                                              @QueryParam("status") @Pattern(regexp = "[A-Z]+") String status,
                                              @QueryParam("q") @Size(max = 50) String q,
                                              @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Pages.MAX_PAGE) int page,
                                              @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        service.visible(id, access);
        Scope scope = access.scope();
        String text = q == null || q.isBlank() ? null : q.strip();
        return new Page<>(page, size, instructions.count(id, scope, status, text),
                instructions.page(id, scope, status, text, page, size));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITY_ADMIN, Roles.CIVIL_AFFAIRS_REVIEWER, Roles.HEALTH_REVIEWER})
    @Operation(operationId = "approveBatch", summary = "审核通过批次",
            description = "Approve a generated batch (city admin or city-level reviewer of the programme's department; "
            + "never its maker, nor who set the rates it pays)")
    public BatchResponse approve(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                 @Valid BatchRequests.Approve request) {
        return BatchResponse.of(service.approve(id, request == null ? null : request.note(), version(ifMatch), access));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITY_ADMIN, Roles.CIVIL_AFFAIRS_REVIEWER, Roles.HEALTH_REVIEWER})
    @Operation(operationId = "rejectBatch", summary = "驳回批次",
            description = "Reject a generated or approved batch with a reason; its entitlements go to the next batch")
    public BatchResponse reject(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                @Valid @NotNull BatchRequests.Reject request) {
        return BatchResponse.of(service.reject(id, request.reason(), version(ifMatch), access));
    }

    @POST
    @Path("/{id}/release")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(operationId = "releaseBatch", summary = "下达批次",
            description = "Release an approved batch to finance (a city admin who neither generated nor approved it); "
            + "each instruction is ISSUED in the ledger")
    public BatchResponse release(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return BatchResponse.of(service.release(id, version(ifMatch), access));
    }

    @GET
    @Path("/{id}/reconciliation")
    @RolesAllowed({Roles.CIVIL_AFFAIRS_REVIEWER, Roles.HEALTH_REVIEWER, Roles.CITY_ADMIN, Roles.AUDITOR, Roles.FINANCE})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reconcileBatch", summary = "批次对账",
            description = "Issued, paid, failed, reversed and outstanding fen of a batch, checked against instructions")
    public Reconciliation batch(@PathParam("id") UUID id) {
        return ledger.ofBatch(service.visible(id, access), access.scope());
    }

    @GET
    @Path("/{id}/export.csv")
    @RolesAllowed({Roles.CIVIL_AFFAIRS_REVIEWER, Roles.HEALTH_REVIEWER, Roles.CITY_ADMIN, Roles.AUDITOR, Roles.FINANCE})
    @Produces(LedgerResource.CSV)
    @Operation(operationId = "exportBatch", summary = "导出批次（CSV）",
            description = "The batch's instructions as CSV (UTF-8 with BOM, opens in Excel)")
    public Response exportBatch(@PathParam("id") UUID id) {
        PaymentBatch batch = service.visible(id, access);
        Scope scope = access.scope();
        StreamingOutput body = out -> ledger.exportBatch(id, scope, out);
        return Response.ok(body, LedgerResource.CSV).header("Content-Disposition", "attachment; filename=\"batch-"
                + batch.programmeCode + "-" + batch.period + "-" + batch.seq + ".csv\"").build();
    }

    /** Batches as the caller sees them: a county reviewer's lines and fen are their county's. */
    private List<BatchResponse> view(List<PaymentBatch> found) {
        Scope scope = access.scope();
        if (scope.wholeCity()) {
            return found.stream().map(BatchResponse::of).toList();
        }
        var totals = instructions.totals(found.stream().map(b -> b.id).toList(), scope);
        return found.stream().map(b -> BatchResponse.of(b, totals.getOrDefault(b.id, new long[2]))).toList();
    }

    /** The If-Match version, or -1 for none (absent or {@code *}). */
    private static int version(String ifMatch) {
        Long version = IfMatch.version(ifMatch);
        return version == null ? -1 : (int) Math.min(version, Integer.MAX_VALUE); // a version never reached: stale
    }
}
