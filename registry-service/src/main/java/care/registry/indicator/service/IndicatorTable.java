package care.registry.indicator.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The indicators of a city (or the caller's county and sector) as of a day, as the API and the exports show them. */
public record IndicatorTable(String cityCode, String cityName, LocalDate asOf, List<Area> areas,
                             List<Indicator> indicators) {

    /** The city (level CITY) or one of its counties (COUNTY). */
    public record Area(String code, String name, String level) {
    }

    public record Source(String document, String section, String sentence) {
    }

    /**
     * One target of the plan. A measured one has a figure per area; one the register cannot measure says why.
     * {@code targetScope} CITY: the plan sets the figure for the city as a whole, so counties show their part only.
     */
    public record Indicator(String code, String name, String sector, boolean measured, String notMeasuredReason,
                            String measure, String unit, String direction, BigDecimal target, LocalDate targetOn,
                            LocalDate baselineOn, String targetScope, Source source, int version,
                            String numeratorLabel, String denominatorLabel, List<Figure> figures) {
    }

    /**
     * An area's figure. {@code value} null with {@code missing} saying what is missing (a population not entered,
     * no beds to divide by). {@code gap}: how far from the target (target − value for ≥), null when met or unknown.
     * {@code status} MET, ON_TRACK (at or above the straight line from the baseline to the target date), BEHIND,
     * NO_DATA, or null where the plan sets no target for the area.
     */
    public record Figure(String areaCode, String areaName, BigDecimal value, long numerator, Long denominator,
                         String missing, BigDecimal target, BigDecimal gap, BigDecimal expected, String status,
                         String statusLabel, List<Point> trend) {
    }

    /** The value at the end of a month (the last point: the day asked for). */
    public record Point(LocalDate day, BigDecimal value) {
    }

    /** The institutions and sites behind a figure: their numerators (and denominators) sum to it. */
    public record DrillDown(String code, String name, String areaCode, String areaName, LocalDate asOf,
                            BigDecimal value, long numerator, Long denominator, String numeratorLabel,
                            String denominatorLabel, String missing, List<Item> items) {
    }

    // named for the contract: the JSON Feed's item is also an Item, and a client needs one class per name
    @Schema(name = "DrillDownItem")
    public record Item(UUID institutionId, String name, String countyCode, long numerator, Long denominator,
                       List<SiteItem> sites) {
    }

    /** {@code breakdown} false: the site has no capacity breakdown, its filed capacity counts as its total only. */
    public record SiteItem(UUID siteId, String name, boolean breakdown, long numerator, Long denominator) {
    }

    public record Status(String code, String label) {
    }

    public static final Status MET = new Status("MET", "已达标");
    public static final Status ON_TRACK = new Status("ON_TRACK", "按进度");
    public static final Status BEHIND = new Status("BEHIND", "落后于进度");
    public static final Status NO_DATA = new Status("NO_DATA", "无法计算");

    public static Area findArea(List<Area> areas, String code) {
        return areas.stream().filter(a -> a.code().equals(code)).findFirst().orElse(null);
    }
}
