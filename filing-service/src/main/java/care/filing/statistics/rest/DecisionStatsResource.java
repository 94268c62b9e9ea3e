package care.filing.statistics.rest;

import care.contracts.ChinaTime;
import care.contracts.problem.Problem;
import care.contracts.problem.ProblemException;
import care.contracts.security.Roles;
import care.filing.statistics.service.DecisionStats;
import care.filing.statistics.service.QueueCounts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

@Tag(name = "Filing statistics", description = "备案统计：审查用时、待办件数 (decision times per type and county; what waits in a queue)")
@Path("/api/filings/stats")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "invalid input",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "no valid token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "role or binding does not allow this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DecisionStatsResource {

    /** The dates a figure may be asked for: far wider than the platform's records, far narrower than LocalDate's. */
    static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);

    private final DecisionStats stats;
    private final QueueCounts queue;

    public DecisionStatsResource(DecisionStats stats, QueueCounts queue) {
        this.stats = stats;
        this.queue = queue;
    }

    @GET
    @Path("/queue")
    @RolesAllowed({Roles.CIVIL_AFFAIRS_REVIEWER, Roles.HEALTH_REVIEWER, Roles.CITY_ADMIN, Roles.AUDITOR})
    @Operation(operationId = "filingQueueCounts", summary = "待办件数",
            description = "What waits in the caller's queue (the filings their list holds): awaiting 受理, in review, "
            + "returned and waiting for the institution, due today or on the next working day (dueSoon, up to "
            + "dueSoonBy), and past the deadline (overdue)")
    public QueueCounts.Summary queueCounts() {
        return queue.ofCaller();
    }

    @GET
    @Path("/decision-times")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.AUDITOR})
    @Operation(operationId = "filingDecisionTimes", summary = "审查用时统计",
            description = "Working days from submission to decision per type and county (median, p90), for the "
            + "caller's city; from/to are dates (default: the last 365 days)")
    public DecisionStats.Report decisionTimes(
            @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date")) String to) {
        LocalDate end = date("to", to, ChinaTime.today());
        LocalDate start = date("from", from, end.minusDays(365));
        return stats.decisionTimes(start, end);
    }

    private static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "日期格式应为 YYYY-MM-DD");
        }
        // LocalDate reaches year ±999999999: the day after, an Instant or a PostgreSQL timestamp of such a date fails
        if (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) {
            throw ProblemException.invalid(field, "日期应在 " + FIRST_DAY + " 至 " + LAST_DAY + " 之间");
        }
        return date;
    }
}
