package care.subsidy.finance.rest;

import care.contracts.http.Pages;
import care.contracts.idempotency.IdempotencyKeys;
import care.contracts.openapi.PlatformContract;
import care.contracts.problem.ProblemException;
import care.contracts.security.Roles;
import care.subsidy.access.Access;
import care.subsidy.access.Scope;
import care.subsidy.batch.domain.BatchStatus;
import care.subsidy.batch.domain.InstructionRepository;
import care.subsidy.batch.domain.PaymentBatch;
import care.subsidy.batch.domain.PaymentBatchRepository;
import care.subsidy.batch.rest.BatchResponse;
import care.subsidy.batch.rest.Page;
import care.subsidy.batch.service.BatchService;
import care.subsidy.finance.service.FinanceInstruction;
import care.subsidy.finance.service.FinanceService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The finance bureau's machine-to-machine API (client credentials, role finance). The token's city_code scopes
 * everything: another city's batches and instructions do not exist for this client.
 */
@Tag(name = "Finance", description = "财政接口：已下达批次、支付指令、支付结果、退汇"
        + " (the finance bureau's machine-to-machine API, client credentials)")
@Path("/api/subsidy/finance")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.FINANCE)
@SecurityRequirement(name = PlatformContract.FINANCE)
public class FinanceResource {

    private final PaymentBatchRepository batches;
    private final BatchService batchService;
    private final InstructionRepository instructions;
    private final FinanceService service;
    private final Access access;

    public FinanceResource(PaymentBatchRepository batches, BatchService batchService, InstructionRepository instructions,
                           FinanceService service, Access access) {
        this.batches = batches;
        this.batchService = batchService;
        this.instructions = instructions;
        this.service = service;
        this.access = access;
    }

    @GET
    @Path("/batches")
    @Operation(operationId = "listReleasedBatches", summary = "已下达批次",
            description = "Batches released to finance, newest first")
    public List<BatchResponse> batches(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(Pages.MAX_PAGE) int page,
                                       @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return batches.search(access.scope(), null, null, List.of(BatchStatus.RELEASED),
                io.quarkus.panache.common.Page.of(page, size)).stream().map(BatchResponse::of).toList();
    }

    @GET
    @Path("/batches/{id}/instructions")
    @Operation(operationId = "listReleasedInstructions", summary = "批次支付指令",
            description = "A released batch's payment instructions, paged (status RELEASED = still to pay; REVERSED = "
            + "paid, then returned by the bank)")
    public Page<FinanceInstruction> instructions(@PathParam("id") UUID id,
                                                 @QueryParam("status") @Pattern(regexp = "RELEASED|PAID|FAILED|REVERSED")
                                                 String status,
                                                 @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Pages.MAX_PAGE) int page,
                                                 @QueryParam("size") @DefaultValue("500") @Min(1) @Max(5000) int size) {
        batchService.visible(id, access); // finance's scope: released batches of its city
        Scope scope = access.scope();
        return new Page<>(page, size, instructions.count(id, scope, status, null),
                instructions.page(id, scope, status, null, page, size).stream().map(FinanceInstruction::of).toList());
    }

    @GET
    @Path("/instructions/{id}")
    @Operation(operationId = "getInstruction", summary = "查看支付指令",
            description = "One instruction of a released batch and its result")
    public FinanceInstruction instruction(@PathParam("id") UUID id) {
        return instructions.find(id, access.scope())
                .filter(i -> !i.status().equals("PENDING") && !i.status().equals("CANCELLED"))
                .map(FinanceInstruction::of)
                .orElseThrow(() -> ProblemException.notFound("payment instruction", id));
    }

    @POST
    @Path("/instructions/{id}/result")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "postResult", summary = "回报支付结果",
            description = "Report an instruction paid or failed. Idempotency-Key required: a retry with the same key "
            + "and body returns the first answer; another body with that key is 422; a second result is 409")
    @APIResponse(responseCode = "200", description = "the instruction with its result (a replay: the first answer)",
            headers = @Header(name = IdempotencyKeys.REPLAYED, description = "true when this is a retry's replayed answer",
                    schema = @Schema(type = SchemaType.BOOLEAN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FinanceInstruction.class)))
    public Response result(@PathParam("id") UUID id,
                           @HeaderParam(IdempotencyKeys.HEADER) @Parameter(required = true) String key,
                           @Valid @NotNull ResultRequest request) {
        return service.result(id, IdempotencyKeys.required(key), request.toResult(), access).toResponse();
    }

    @POST
    @Path("/instructions/{id}/reversal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "postReversal", summary = "回报退汇",
            description = "Report a paid instruction returned by the bank (退汇): the whole amount, a reason in Chinese, "
            + "the return date. Idempotency-Key required, as for results. The payment no longer counts: the "
            + "entitlement is re-issued by the programme's next batch. Not paid → 409 NOT_PAID; reversed before → "
            + "409 ALREADY_REVERSED")
    @APIResponse(responseCode = "200", description = "the instruction with its result (a replay: the first answer)",
            headers = @Header(name = IdempotencyKeys.REPLAYED, description = "true when this is a retry's replayed answer",
                    schema = @Schema(type = SchemaType.BOOLEAN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FinanceInstruction.class)))
    public Response reversal(@PathParam("id") UUID id,
                             @HeaderParam(IdempotencyKeys.HEADER) @Parameter(required = true) String key,
                             @Valid @NotNull ReversalRequest request) {
        return service.reversal(id, IdempotencyKeys.required(key), request.toReversal(), access).toResponse();
    }

    @POST
    @Path("/results")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "postResults", summary = "批量回报支付结果",
            description = "Report up to 1000 results at once, each with its own idempotencyKey, answered per item "
            + "(200 with the instruction, or the problem the single-result endpoint would give). One transaction: "
            + "a retry of the whole request replays the applied items")
    public BulkResultResponse results(@Valid @NotNull BulkResultRequest request) {
        List<BulkResultRequest.Item> items = request.results();
        Map<String, Integer> keyFirstUsed = new HashMap<>();
        Map<UUID, Integer> instructionFirstUsed = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Integer before = keyFirstUsed.putIfAbsent(items.get(i).idempotencyKey(), i);
            if (before != null) {
                throw ProblemException.invalid("results[" + i + "].idempotencyKey",
                        "the same key as results[" + before + "]: each result needs its own key");
            }
            before = instructionFirstUsed.putIfAbsent(items.get(i).instructionId(), i);
            if (before != null) {
                throw ProblemException.invalid("results[" + i + "].instructionId",
                        "the same instruction as results[" + before + "]: one result per instruction in a file");
            }
        }
        List<FinanceService.Outcome> outcomes = service.results(
                items.stream().map(BulkResultRequest.Item::instructionId).toList(),
                items.stream().map(BulkResultRequest.Item::idempotencyKey).toList(),
                items.stream().map(BulkResultRequest.Item::result).toList(), access);
        List<BulkResultResponse.Item> answers = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            BulkResultRequest.Item item = items.get(i);
            FinanceService.Outcome outcome = outcomes.get(i);
            answers.add(outcome.problem() == null
                    ? new BulkResultResponse.Item(item.instructionId(), item.idempotencyKey(),
                    outcome.answer().status(), outcome.answer().replayed(), outcome.answer().body(), null)
                    : new BulkResultResponse.Item(item.instructionId(), item.idempotencyKey(),
                    outcome.problem().status(), false, null, outcome.problem()));
        }
        return BulkResultResponse.of(answers);
    }
}
