package care.filing.filing.rest;

import care.contracts.http.IfMatch;
import care.contracts.problem.Problem;
import care.contracts.problem.ProblemException;
import care.contracts.problem.Violation;
import care.contracts.security.Roles;
import care.filing.filing.domain.Filing;
import care.filing.filing.domain.FilingStatus;
import care.filing.filing.domain.FilingType;
import care.filing.filing.service.FilingService;
import care.filing.receipt.service.ReceiptPdf;
import care.filing.receipt.service.ReceiptRenderer;
import care.contracts.http.Pages;
import io.quarkus.panache.common.Page;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;

@Tag(name = "Filings", description = "备案：新设、变更、增设场所、注销，提交、受理、补正、准予、不予备案 (the 备案 workflow)")
@Path("/api/filings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "invalid input",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "no valid token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "role or binding does not allow this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "illegal transition (ILLEGAL_TRANSITION), stale If-Match "
        + "(VERSION_MISMATCH), not a draft (NOT_A_DRAFT), institution already filed / not filed (ALREADY_FILED, NOT_FILED)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class FilingResource {

    private final FilingService service;
    private final ReceiptRenderer receipts;
    private final ReceiptPdf receiptPdf;
    private final Validator validator;

    public FilingResource(FilingService service, ReceiptRenderer receipts, ReceiptPdf receiptPdf, Validator validator) {
        this.service = service;
        this.receipts = receipts;
        this.receiptPdf = receiptPdf;
        this.validator = validator;
    }

    @POST
    @RolesAllowed({Roles.INSTITUTION, Roles.REGISTRANT})
    @Operation(operationId = "createFiling", summary = "新建备案（草稿）",
            description = "Start a filing (draft) for the caller's institution: NEW, CHANGE, ADD_SITE or CLOSE")
    public Response create(@NotNull FilingRequest request, UriInfo uri) {
        Filing filing = service.createDraft(request.toDraft(), invalid(request));
        return respond(Response.created(uri.getAbsolutePathBuilder().path(filing.id.toString()).build()), filing);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.INSTITUTION, Roles.REGISTRANT})
    @Operation(operationId = "updateFiling", summary = "修改备案",
            description = "Edit a draft or a filing returned for correction (If-Match: its ETag)")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull FilingRequest request) {
        return respond(Response.ok(), service.update(id, version(ifMatch), request.toDraft(), invalid(request)));
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(operationId = "getFiling", summary = "查看备案",
            description = "One filing, if the caller may see it")
    public Response get(@PathParam("id") UUID id) {
        return respond(Response.ok(), service.get(id));
    }

    @GET
    @Authenticated
    @Operation(operationId = "listFilings", summary = "备案列表 / 审查队列",
            description = "The institution's own filings (newest first), or the reviewer's work queue: open filings "
            + "of their sector and area, earliest deadline first; filter by status, type, overdue, county and text "
            + "(a 统一社会信用代码, or a fragment of the institution's name). The header " + TOTAL_COUNT
            + " tells how many filings the filters match, for paging")
    public RestResponse<List<FilingResponse>> list(@QueryParam("status")
                                     @Parameter(schema = @Schema(implementation = FilingStatus.class)) String status,
                                     @QueryParam("type") @Parameter(schema = @Schema(implementation = FilingType.class))
                                     String type,
                                     @QueryParam("overdue") @DefaultValue("false") boolean overdue,
                                     @QueryParam("county") @Pattern(regexp = "\\d{6}") String county,
                                     @QueryParam("q") @Size(max = 50) String text,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Pages.MAX_PAGE) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Page paging = Page.of(page, size);
        FilingStatus wanted = parse(FilingStatus.class, "status", status);
        FilingType ofType = parse(FilingType.class, "type", type);
        List<FilingResponse> items = service.list(wanted, ofType, overdue, county, text, paging).stream()
                .map(f -> FilingResponse.of(f, service.returnItems(f), service.reviewFlags(f))).toList();
        long total = items.size() < size && (page == 0 || !items.isEmpty()) ? (long) page * size + items.size()
                : service.count(wanted, ofType, overdue, county, text);
        return RestResponse.ResponseBuilder.ok(items).header(TOTAL_COUNT, total).build();
    }

    /** The response header of {@link #list} with the number of filings its filters match. */
    public static final String TOTAL_COUNT = "X-Total-Count";

    @POST
    @Path("/{id}/submit")
    @Consumes(MediaType.WILDCARD) // no body: whatever Content-Type a client sends
    @RolesAllowed({Roles.INSTITUTION, Roles.REGISTRANT})
    @Operation(operationId = "submitFiling", summary = "提交备案",
            description = "Submit a draft, or resubmit a returned filing; 422 MATERIALS_MISSING lists what is missing")
    public Response submit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return respond(Response.ok(), service.submit(id, version(ifMatch)));
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.INSTITUTION, Roles.REGISTRANT})
    @Operation(operationId = "withdrawFiling", summary = "撤回备案",
            description = "Withdraw before a decision; publishes FilingWithdrawn")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                             @Valid DecisionRequest decision) {
        return respond(Response.ok(), service.withdraw(id, version(ifMatch), comment(decision)));
    }

    @DELETE
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.INSTITUTION, Roles.REGISTRANT})
    @Operation(operationId = "deleteFilingDraft", summary = "删除备案草稿",
            description = "Delete a draft never submitted, with its materials; 409 NOT_A_DRAFT for anything else")
    @APIResponse(responseCode = "204", description = "deleted")
    public Response deleteDraft(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.deleteDraft(id, version(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.CIVIL_AFFAIRS_REVIEWER, Roles.HEALTH_REVIEWER})
    @Operation(operationId = "acceptFiling", summary = "受理",
            description = "受理: take a submitted filing into review")
    public Response accept(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @Valid DecisionRequest decision) {
        return respond(Response.ok(), service.accept(id, version(ifMatch), comment(decision)));
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed({Roles.CIVIL_AFFAIRS_REVIEWER, Roles.HEALTH_REVIEWER})
    @Operation(operationId = "returnFiling", summary = "退回补正",
            description = "补正: return for correction with reasons per item; publishes FilingReturned")
    public Response returnForCorrection(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                        @NotNull ReturnRequest request) {
        return respond(Response.ok(),
                service.returnForCorrection(id, version(ifMatch), request.toCorrection(), invalid(request)));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.CIVIL_AFFAIRS_REVIEWER, Roles.HEALTH_REVIEWER})
    @Operation(operationId = "approveFiling", summary = "准予备案",
            description = "Approve an accepted filing: issues the 备案回执 and publishes FilingApproved")
    public Response approve(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                            @Valid DecisionRequest decision) {
        return respond(Response.ok(), service.approve(id, version(ifMatch), comment(decision)));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({Roles.CIVIL_AFFAIRS_REVIEWER, Roles.HEALTH_REVIEWER})
    @Operation(operationId = "rejectFiling", summary = "不予备案",
            description = "不予备案 with a reason; publishes FilingRejected")
    public Response reject(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @Valid DecisionRequest decision) {
        return respond(Response.ok(), service.reject(id, version(ifMatch), comment(decision)));
    }

    @GET
    @Path("/{id}/history")
    @Authenticated
    @Operation(operationId = "filingHistory", summary = "备案办理记录",
            description = "The audit trail: every transition and material change with actor, time and comment")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        return service.history(id).stream().map(HistoryEntry::of).toList();
    }

    @GET
    @Path("/{id}/receipt")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Authenticated
    @Operation(operationId = "filingReceipt", summary = "备案回执（HTML）",
            description = "The printable 备案回执 (HTML, UTF-8) of an approved filing")
    public Response receipt(@PathParam("id") UUID id) {
        Filing filing = withReceipt(id);
        return Response.ok(receipts.html(filing), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "inline; filename=\"receipt-" + filing.receiptNumber + ".html\"")
                .build();
    }

    @GET
    @Path("/{id}/receipt.pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Authenticated
    @Operation(operationId = "filingReceiptPdf", summary = "备案回执（PDF）",
            description = "The 备案回执 of an approved filing as an A4 PDF, its Chinese font embedded")
    public Response receiptPdf(@PathParam("id") UUID id) {
        Filing filing = withReceipt(id);
        return Response.ok(receiptPdf.pdf(filing), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"receipt-" + filing.receiptNumber + ".pdf\"")
                .build();
    }

    /** The filing, if the caller may see it and it has been approved. */
    private Filing withReceipt(UUID id) {
        Filing filing = service.get(id);
        if (filing.receiptNumber == null) {
            throw ProblemException.conflict("NO_RECEIPT", "尚未出具备案回执",
                    "a receipt exists once the filing is approved; it is " + filing.status);
        }
        return filing;
    }

    private Response respond(Response.ResponseBuilder builder, Filing filing) {
        return builder.tag(new EntityTag(Long.toString(filing.version)))
                .entity(FilingResponse.of(filing, service.returnItems(filing), service.reviewFlags(filing))).build();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "取值应为 " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String comment(DecisionRequest decision) {
        return decision == null ? null : decision.comment();
    }

    /**
     * The request's format checks (its Bean Validation constraints, which the OpenAPI document shows). They are not
     * refused here but handed to the service, which refuses them together with its own rules' findings: a client
     * learns every problem of a form at once.
     */
    private List<Violation> invalid(Object request) {
        return validator.validate(request).stream()
                .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage())).toList();
    }

    /**
     * If-Match carries the version the client last read: -1 for none (absent or {@code *}); without it the write is
     * still serialised by a row lock.
     */
    static long version(String ifMatch) {
        Long version = IfMatch.version(ifMatch);
        return version == null ? -1 : version;
    }
}
