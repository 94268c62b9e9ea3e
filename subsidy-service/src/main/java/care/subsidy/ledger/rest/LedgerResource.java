package care.subsidy.ledger.rest;

import care.contracts.security.Roles;
import care.subsidy.Access;
import care.subsidy.Periods;
import care.subsidy.ledger.service.LedgerService;
import care.subsidy.ledger.service.Reconciliation;
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

/** Reconciliation and exports of the ledger, for civil affairs, finance and auditors of the city. */
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

    public record PeriodReconciliation(String cityCode, String period, List<Reconciliation> programmes,
                                       Reconciliation total) {
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
    @Path("/export.csv")
    @Produces(CSV)
    @Operation(summary = "The ledger entries of the caller's city for a month, with totals, as CSV (UTF-8 with BOM)")
    public Response exportPeriod(@QueryParam("period") String period) {
        Periods.parse("period", period);
        String city = access.city();
        StreamingOutput body = out -> ledger.exportPeriod(city, period, out);
        return Response.ok(body, CSV).header("Content-Disposition",
                "attachment; filename=\"ledger-" + city + "-" + period + ".csv\"").build();
    }
}
