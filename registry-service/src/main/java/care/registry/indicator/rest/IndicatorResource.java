package care.registry.indicator.rest;

import care.contracts.ChinaTime;
import care.contracts.problem.ProblemException;
import care.contracts.security.Roles;
import care.registry.access.Access;
import care.registry.access.Access.IndicatorArea;
import care.registry.access.Bounds;
import care.registry.indicator.domain.IndicatorTargetRepository;
import care.registry.indicator.domain.PopulationFigureRepository;
import care.registry.indicator.service.IndicatorService;
import care.registry.indicator.service.IndicatorTable;
import care.registry.indicator.service.PlanFigures;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * 指标监测: the plans' 2025 targets against the register. City admins and auditors read their city; reviewers their
 * sector in their county (or city). Under {@code /api/institutions} because the gateway routes that prefix here.
 */
@Tag(name = "Indicators", description = "指标监测：规划目标与名录实况 (the plans' targets against the register)")
@Path("/api/institutions/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CIVIL_AFFAIRS_REVIEWER, Roles.HEALTH_REVIEWER, Roles.CITY_ADMIN, Roles.AUDITOR})
public class IndicatorResource {

    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";
    private static final String DATE_MESSAGE = "应为日期 YYYY-MM-DD";

    private final Access access;
    private final IndicatorService indicators;
    private final PlanFigures figures;
    private final PopulationFigureRepository populations;
    private final IndicatorTargetRepository targets;

    public IndicatorResource(Access access, IndicatorService indicators, PlanFigures figures,
                             PopulationFigureRepository populations, IndicatorTargetRepository targets) {
        this.access = access;
        this.indicators = indicators;
        this.figures = figures;
        this.populations = populations;
        this.targets = targets;
    }

    @GET
    @Operation(operationId = "indicatorTable", summary = "指标监测表",
            description = "Every target of the caller's city plan, per area as of a day (default today): value, "
                    + "numerator, denominator, target, gap, status and the month-end trend")
    public IndicatorTable table(@QueryParam("asOf") @Pattern(regexp = DATE, message = DATE_MESSAGE) String asOf,
                                @QueryParam("county") @Pattern(regexp = "\\d{6}", message = "应为6位县级代码")
                                String county) {
        return table(access.indicatorArea(), county, day(asOf));
    }

    @GET
    @Path("/table.csv")
    @Produces("text/csv")
    @Operation(operationId = "indicatorTableCsv", summary = "导出指标监测表 (CSV)",
            description = "The table as CSV")
    public Response csv(@QueryParam("asOf") @Pattern(regexp = DATE, message = DATE_MESSAGE) String asOf,
                        @QueryParam("county") @Pattern(regexp = "\\d{6}", message = "应为6位县级代码") String county) {
        IndicatorTable t = table(access.indicatorArea(), county, day(asOf));
        return download(TableExport.csv(t), "text/csv; charset=UTF-8", t, "csv");
    }

    @GET
    @Path("/table.xlsx")
    @Produces(TableExport.XLSX)
    @Operation(operationId = "indicatorTableXlsx", summary = "导出指标监测表 (XLSX)",
            description = "The table as XLSX")
    public Response xlsx(@QueryParam("asOf") @Pattern(regexp = DATE, message = DATE_MESSAGE) String asOf,
                         @QueryParam("county") @Pattern(regexp = "\\d{6}", message = "应为6位县级代码") String county) {
        IndicatorTable t = table(access.indicatorArea(), county, day(asOf));
        return download(TableExport.xlsx(t), TableExport.XLSX, t, "xlsx");
    }

    @GET
    @Path("/{code}/drill-down")
    @Operation(operationId = "indicatorDrillDown", summary = "指标明细",
            description = "The institutions and sites behind one figure; their parts sum to it")
    public IndicatorTable.DrillDown drillDown(
            @PathParam("code") @Pattern(regexp = "[A-Z]{2}-[A-Z]-\\d{2}", message = "应为指标编号") String code,
            @QueryParam("area") @NotNull @Pattern(regexp = "\\d{6}", message = "应为6位行政区划代码") String area,
            @QueryParam("asOf") @Pattern(regexp = DATE, message = DATE_MESSAGE) String asOf) {
        IndicatorArea a = access.indicatorArea();
        if (a.countyCode() != null && !a.countyCode().equals(area)) {
            throw ProblemException.notFound("area", area);
        }
        return indicators.drillDown(code, a.cityCode(), area, a.sector(), access.scope("i."), day(asOf));
    }

    @GET
    @Path("/populations")
    @Transactional
    @Operation(operationId = "listPopulations", summary = "人口基数列表",
            description = "Every population figure entered for the caller's city, oldest first")
    public List<PopulationResponse> populations() {
        return populations.ofCity(access.indicatorArea().cityCode()).stream().map(PopulationResponse::of).toList();
    }

    @POST
    @Path("/populations")
    @RolesAllowed(Roles.CITY_ADMIN) // others are refused before their body is read (Access decides the city)
    @Operation(operationId = "addPopulation", summary = "录入人口基数",
            description = "The city admin enters a population figure (a new version; earlier ones are kept)")
    public Response addPopulation(@NotNull @Valid PopulationRequest request) {
        String city = access.indicatorAdminCity();
        var f = figures.addPopulation(city, request.toEntry(), access.caller().name());
        return Response.status(201).entity(PopulationResponse.of(f)).build();
    }

    @GET
    @Path("/targets")
    @Transactional
    @Operation(operationId = "listIndicatorTargets", summary = "指标目标值列表",
            description = "Every version of every target of the caller's city")
    public List<TargetVersionResponse> targets() {
        IndicatorArea a = access.indicatorArea();
        return targets.ofCities(List.of(a.cityCode())).stream()
                .filter(t -> a.sector() == null || t.sector == a.sector()).map(TargetVersionResponse::of).toList();
    }

    @POST
    @Path("/targets/{code}/versions")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(operationId = "addIndicatorTargetVersion", summary = "修订指标目标值",
            description = "The city admin records a new version of a measured target, with its source")
    public Response addTargetVersion(
            @PathParam("code") @Pattern(regexp = "[A-Z]{2}-[A-Z]-\\d{2}", message = "应为指标编号") String code,
            @NotNull @Valid TargetVersionRequest request) {
        String city = access.indicatorAdminCity();
        var t = figures.addTargetVersion(city, code, request.toChange(), access.caller().name());
        return Response.status(201).entity(TargetVersionResponse.of(t)).build();
    }

    private IndicatorTable table(IndicatorArea a, String county, LocalDate asOf) {
        if (county != null && a.countyCode() != null && !a.countyCode().equals(county)) {
            throw ProblemException.notFound("county", county);
        }
        return indicators.table(a.cityCode(), a.countyCode() != null ? a.countyCode() : county, a.sector(),
                access.scope("i."), asOf);
    }

    private static LocalDate day(String asOf) {
        if (asOf == null) {
            return ChinaTime.today();
        }
        LocalDate day;
        try {
            day = LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("asOf", DATE_MESSAGE);
        }
        List<care.contracts.problem.Violation> v = new java.util.ArrayList<>();
        Bounds.date(v, "asOf", day);
        ProblemException.refuseIfAny(v);
        return day;
    }

    private static Response download(byte[] body, String type, IndicatorTable t, String ext) {
        return Response.ok(body, type).header("Content-Disposition",
                "attachment; filename=\"indicators-" + t.cityCode() + "-" + t.asOf() + "." + ext + "\"").build();
    }
}
