package care.subsidy.ledger.rest;

import care.contracts.security.Roles;
import care.subsidy.access.Access;
import care.subsidy.access.Scope;
import care.subsidy.ledger.service.LedgerService;
import care.subsidy.ledger.service.Reconciliation;
import care.subsidy.support.Periods;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Reconciliation and exports of the ledger, for civil affairs, finance and auditors of the city. */
@Tag(name = "Ledger", description = "台账与对账 (ledger and monthly reconciliation)")
@Path("/api/subsidy/ledger")
@RolesAllowed({Roles.CITY_ADMIN, Roles.CIVIL_AFFAIRS_REVIEWER, Roles.HEALTH_REVIEWER, Roles.AUDITOR, Roles.FINANCE})
public class LedgerResource {

    public static final String CSV = "text/csv; charset=UTF-8";

    private final LedgerService ledger;
    private final Access access;

    public LedgerResource(LedgerService ledger, Access access) {
        this.ledger = ledger;
        this.access = access;
    }

    /** {@code countyCode} is set when the figures are one county's (a county reviewer's). */
    public record PeriodReconciliation(String cityCode, String countyCode, String period, List<Reconciliation> programmes,
                                       Reconciliation total) {
    }

    @GET
    @Path("/reconciliation")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reconcilePeriod", summary = "月度对账",
            description = "Per programme and in total for a month (entitlements of that month), within the caller's "
            + "scope: the city, or a reviewer's county and department")
    public PeriodReconciliation period(@QueryParam("period")
            @Parameter(description = "the month, YYYY-MM", schema = @Schema(pattern = "\\d{4}-\\d{2}")) String period) {
        Periods.parse("period", period);
        Scope scope = access.scope();
        List<Reconciliation> rows = ledger.ofPeriod(scope, period);
        return new PeriodReconciliation(scope.cityCode(), scope.county().orElse(null), period, rows,
                ledger.total(period, rows));
    }

    @GET
    @Path("/export.csv")
    @Produces(CSV)
    @Operation(operationId = "exportLedger", summary = "导出台账（CSV）",
            description = "The ledger entries of a month within the caller's scope, with totals, as CSV (UTF-8 "
                    + "with BOM)")
    public Response exportPeriod(@QueryParam("period")
            @Parameter(description = "the month, YYYY-MM", schema = @Schema(pattern = "\\d{4}-\\d{2}")) String period) {
        Periods.parse("period", period);
        Scope scope = access.scope();
        StreamingOutput body = out -> ledger.exportPeriod(scope, period, out);
        // the file name is built from validated codes only (period matched YYYY-MM above)
        return Response.ok(body, CSV).header("Content-Disposition",
                "attachment; filename=\"ledger-" + scope.county().orElse(scope.cityCode()) + "-" + period + ".csv\"").build();
    }
}
