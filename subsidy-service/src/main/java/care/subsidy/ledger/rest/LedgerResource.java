package care.subsidy.ledger.rest;

import care.contracts.security.Roles;
import care.subsidy.Access;
import care.subsidy.Periods;
import care.subsidy.batch.domain.PaymentBatch;
import care.subsidy.batch.domain.PaymentBatchRepository;
import care.subsidy.batch.service.BatchService;
import care.subsidy.ledger.service.LedgerService;
import care.subsidy.ledger.service.Reconciliation;
import care.contracts.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.UUID;

/** Reconciliation and exports of the ledger, for civil affairs, finance and auditors of the city. */
@Path("/api/subsidy")
@RolesAllowed({Roles.CITY_ADMIN, Roles.CIVIL_AFFAIRS_REVIEWER, Roles.HEALTH_REVIEWER, Roles.AUDITOR, Roles.FINANCE})
public class LedgerResource {

    public static final String CSV = "text/csv; charset=UTF-8";

    private final LedgerService ledger;
    private final BatchService batchService;
    private final PaymentBatchRepository batches;
    private final Access access;

    public LedgerResource(LedgerService ledger, BatchService batchService, PaymentBatchRepository batches,
                          Access access) {
        this.ledger = ledger;
        this.batchService = batchService;
        this.batches = batches;
        this.access = access;
    }

    public record PeriodReconciliation(String cityCode, String period, List<Reconciliation> programmes,
                                       Reconciliation total) {
    }

    @GET
    @Path("/batches/{id}/reconciliation")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issued, paid, failed, reversed and outstanding fen of a batch, checked against instructions")
    public Reconciliation batch(@PathParam("id") UUID id) {
        return ledger.ofBatch(visible(id));
    }

    @GET
    @Path("/batches/{id}/export.csv")
    @Produces(CSV)
    @Operation(summary = "The batch's instructions as CSV (UTF-8 with BOM, opens in Excel)")
    public Response exportBatch(@PathParam("id") UUID id) {
        PaymentBatch batch = visible(id);
        StreamingOutput body = out -> ledger.exportBatch(id, out);
        return Response.ok(body, CSV).header("Content-Disposition", "attachment; filename=\"batch-"
                + batch.programmeCode + "-" + batch.period + "-" + batch.seq + ".csv\"").build();
    }

    @GET
    @Path("/reconciliation")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Per programme and in total for the caller's city and a month (entitlements of that month)")
    public PeriodReconciliation period(@QueryParam("period") String period) {
        Periods.parse("period", period);
        List<Reconciliation> rows = ledger.ofPeriod(access.city(), period);
        return new PeriodReconciliation(access.city(), period, rows, ledger.total(period, rows));
    }

    @GET
    @Path("/ledger/export.csv")
    @Produces(CSV)
    @Operation(summary = "The ledger entries of the caller's city for a month, with totals, as CSV (UTF-8 with BOM)")
    public Response exportPeriod(@QueryParam("period") String period) {
        Periods.parse("period", period);
        String city = access.city();
        StreamingOutput body = out -> ledger.exportPeriod(city, period, out);
        return Response.ok(body, CSV).header("Content-Disposition",
                "attachment; filename=\"ledger-" + city + "-" + period + ".csv\"").build();
    }

    /** Finance sees released batches only; staff every batch of the city. */
    private PaymentBatch visible(UUID id) {
        PaymentBatch batch = batchService.visible(id, access);
        if (access.caller().is(Roles.FINANCE) && batch.status != care.subsidy.batch.domain.BatchStatus.RELEASED) {
            throw ProblemException.notFound("batch", id);
        }
        return batch;
    }
}
