package care.registry.indicator.service;

import care.contracts.division.Divisions;
import care.contracts.event.Sector;
import care.contracts.problem.ProblemException;
import care.registry.indicator.domain.IndicatorTarget;
import care.registry.indicator.domain.IndicatorTargetRepository;
import care.registry.indicator.domain.Measure;
import care.registry.indicator.domain.PopulationFigure;
import care.registry.indicator.domain.PopulationFigureRepository;
import care.registry.indicator.domain.PopulationKind;
import care.registry.indicator.service.Contributions.Line;
import care.registry.indicator.service.IndicatorTable.Area;
import care.registry.indicator.service.IndicatorTable.Figure;
import care.registry.indicator.service.IndicatorTable.Indicator;
import care.registry.indicator.service.IndicatorTable.Point;
import care.registry.indicator.service.IndicatorTable.Status;
import care.registry.indicator.service.RegisterHistory.Filed;
import care.registry.indicator.service.RegisterHistory.InstitutionState;
import care.registry.indicator.service.RegisterHistory.Loaded;
import care.registry.institution.domain.InstitutionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The plans' targets against the register, for a city and each county, as of a day: each figure summed from the
 * institutions' contributions on that day ({@link Contributions}), its trend from the month ends before it, and its
 * status against the straight line from the baseline day to the target day.
 */
@ApplicationScoped
@Transactional
public class IndicatorService {

    /** Month ends shown before the day asked for. */
    static final int TREND_MONTHS = 12;

    private final RegisterHistory history;
    private final IndicatorTargetRepository targets;
    private final PopulationFigureRepository populations;

    public IndicatorService(RegisterHistory history, IndicatorTargetRepository targets,
                            PopulationFigureRepository populations) {
        this.history = history;
        this.targets = targets;
        this.populations = populations;
    }

    /**
     * The table for a city, limited to one county (or null: the city and every county) and one sector (or null).
     * {@code scope} limits the institutions to those the caller sees.
     */
    public IndicatorTable table(String cityCode, String countyCode, Sector sector, InstitutionScope scope,
                                LocalDate asOf) {
        Context c = context(cityCode, countyCode, sector, scope, asOf);
        List<LocalDate> days = trendDays(asOf);
        List<IndicatorTarget> measured = c.targets.stream().filter(IndicatorTarget::measured).toList();
        // 新增 is counted against the register of its baseline day, held by institution for the request
        Map<LocalDate, Map<UUID, InstitutionState>> baselines = new HashMap<>();
        measured.stream().filter(t -> t.baselineOn != null && t.measure.isIncrease()).forEach(t ->
                baselines.computeIfAbsent(t.baselineOn, day -> RegisterHistory.byId(c.loaded.at(day))));
        // a share's or ratio's straight line starts at its figure on the baseline day (新增's at 0: not summed)
        Map<IndicatorTarget, Totals> atBaseline = new HashMap<>();
        measured.stream().filter(t -> t.baselineOn != null && !t.measure.isIncrease())
                .collect(Collectors.groupingBy(t -> t.baselineOn))
                .forEach((day, targets) -> atBaseline.putAll(totalsOn(c.loaded, day, targets, Map.of())));
        Map<IndicatorTarget, Map<LocalDate, Totals>> totals = new HashMap<>();
        for (LocalDate day : days) {
            totalsOn(c.loaded, day, measured, baselines)
                    .forEach((t, sums) -> totals.computeIfAbsent(t, x -> new HashMap<>()).put(day, sums));
        }
        List<Indicator> indicators = new ArrayList<>();
        for (IndicatorTarget t : c.targets) {
            List<Figure> figures = new ArrayList<>();
            if (t.measured()) {
                for (Area area : c.areas) {
                    List<Point> trend = new ArrayList<>();
                    for (LocalDate day : days) {
                        trend.add(new Point(day, sum(t.measure, totals.get(t).get(day).of(area),
                                c.population(t.measure, area, day)).value));
                    }
                    figures.add(figure(t, area, c, asOf, totals.get(t).get(asOf), atBaseline.get(t), trend));
                }
            }
            indicators.add(indicator(t, figures));
        }
        return new IndicatorTable(cityCode, c.cityName, asOf, c.areas, indicators);
    }

    /**
     * Each target's lines on {@code day}, summed in one pass over the register: each institution's state that day is
     * made, added to every target's sums and dropped. Held for a whole day at once, a city of 100,000 institutions
     * outlived the young generation each day and filled the old one (a full collection every 0.7 s, the heap grown
     * from 106 to 211 MB: docs/benchmarks.md). {@code baselines}: each 新增 target's baseline day, by institution.
     */
    private static Map<IndicatorTarget, Totals> totalsOn(Loaded loaded, LocalDate day, List<IndicatorTarget> targets,
                                                         Map<LocalDate, Map<UUID, InstitutionState>> baselines) {
        Map<IndicatorTarget, Totals> totals = new HashMap<>();
        targets.forEach(t -> totals.put(t, new Totals()));
        Function<Filed, InstitutionState> on = loaded.on(day);
        for (Filed institution : loaded.institutions()) {
            InstitutionState now = on.apply(institution);
            for (IndicatorTarget t : targets) {
                Map<UUID, InstitutionState> baseline = t.measure.isIncrease() && t.baselineOn != null
                        ? baselines.get(t.baselineOn) : null;
                InstitutionState before = baseline == null ? null : baseline.get(institution.id());
                if (now != null || before != null) {
                    totals.get(t).add(Contributions.line(t.measure, now, before));
                }
            }
        }
        return totals;
    }

    /** The institutions and sites whose parts make up one figure: they sum to its numerator (and denominator). */
    public IndicatorTable.DrillDown drillDown(String code, String cityCode, String areaCode, Sector sector,
                                              InstitutionScope scope, LocalDate asOf) {
        String county = areaCode.equals(cityCode) ? null : areaCode;
        Context c = context(cityCode, county, sector, scope, asOf);
        IndicatorTarget t = c.targets.stream().filter(x -> x.code.equals(code)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("indicator", code));
        if (!t.measured()) {
            throw ProblemException.conflict("NOT_MEASURED", "该指标不由本平台计算", t.notMeasuredReason);
        }
        Area area = IndicatorTable.findArea(c.areas, areaCode);
        List<InstitutionState> baseline = t.baselineOn == null ? List.of() : c.loaded.at(t.baselineOn);
        List<Line> lines = Contributions.of(t.measure, c.loaded.at(asOf), baseline).stream()
                .filter(l -> inArea(l, area)).toList();
        Sum s = sum(t.measure, Totals.of(lines).of(area), c.population(t.measure, area, asOf));
        return new IndicatorTable.DrillDown(t.code, t.name, area.code(), area.name(), asOf, s.value, s.numerator,
                s.denominator, t.measure.numeratorLabel, t.measure.denominatorLabel, s.missing,
                lines.stream().map(l -> new IndicatorTable.Item(l.institutionId(), l.name(), l.countyCode(),
                        l.numerator(), l.denominator(), l.sites().stream().map(p -> new IndicatorTable.SiteItem(
                                p.siteId(), p.name(), p.breakdown(), p.numerator(), p.denominator())).toList()))
                        .toList());
    }

    private Context context(String cityCode, String countyCode, Sector sector, InstitutionScope scope,
                            LocalDate asOf) {
        var city = Divisions.find(cityCode).filter(Divisions.Division::isCity)
                .orElseThrow(() -> ProblemException.notFound("city", cityCode));
        List<Area> areas = new ArrayList<>();
        if (countyCode == null) {
            areas.add(new Area(city.code(), city.name(), "CITY"));
            Divisions.countiesOf(cityCode).stream().sorted(Comparator.comparing(Divisions.Division::code))
                    .forEach(d -> areas.add(new Area(d.code(), d.name(), "COUNTY")));
        } else {
            var county = Divisions.find(countyCode).filter(d -> cityCode.equals(d.parentCode()))
                    .orElseThrow(() -> ProblemException.notFound("county", countyCode));
            areas.add(new Area(county.code(), county.name(), "COUNTY"));
        }
        List<IndicatorTarget> inForce = targets.inForce(cityCode, asOf, RegisterHistory.endOf(asOf)).stream()
                .filter(t -> sector == null || t.sector == sector).toList();
        return new Context(city.name(), areas, inForce, history.load(scope, cityCode, sector),
                populations.ofCity(cityCode), cityCode, asOf);
    }

    /** {@code atBaseline}: the target's sums on its baseline day (null without one, and for 新增). */
    private Figure figure(IndicatorTarget t, Area area, Context c, LocalDate asOf, Totals now, Totals atBaseline,
                          List<Point> trend) {
        Sum s = sum(t.measure, now.of(area), c.population(t.measure, area, asOf));
        boolean targeted = "CITY".equals(area.level()) || t.forCounties();
        if (!targeted) {
            return new Figure(area.code(), area.name(), s.value, s.numerator, s.denominator, s.missing, null, null,
                    null, null, null, trend);
        }
        BigDecimal target = t.targetValue.setScale(2, RoundingMode.HALF_UP);
        if (s.value == null) {
            return new Figure(area.code(), area.name(), null, s.numerator, s.denominator, s.missing, target, null,
                    null, IndicatorTable.NO_DATA.code(), IndicatorTable.NO_DATA.label(), trend);
        }
        BigDecimal expected = expected(t, area, c, atBaseline);
        boolean met = t.atLeast() ? s.value.compareTo(target) >= 0 : s.value.compareTo(target) <= 0;
        boolean onLine = t.atLeast() ? s.value.compareTo(expected) >= 0 : s.value.compareTo(expected) <= 0;
        Status status = met ? IndicatorTable.MET : onLine && asOf.isBefore(t.targetOn) ? IndicatorTable.ON_TRACK
                : IndicatorTable.BEHIND;
        BigDecimal gap = met ? null : target.subtract(s.value).abs().setScale(2, RoundingMode.HALF_UP);
        return new Figure(area.code(), area.name(), s.value, s.numerator, s.denominator, null, target, gap, expected,
                status.code(), status.label(), trend);
    }

    /**
     * Where the straight line from the baseline to the target stands on {@code asOf}. The line starts at the area's
     * own figure on the baseline day (0 for 新增, and where the register held nothing to compute it from then).
     */
    private BigDecimal expected(IndicatorTarget t, Area area, Context c, Totals atBaseline) {
        LocalDate asOf = c.asOf;
        BigDecimal start = BigDecimal.ZERO;
        if (!t.measure.isIncrease() && t.baselineOn != null) {
            Sum then = sum(t.measure, atBaseline.of(area), c.population(t.measure, area, t.baselineOn));
            if (then.value != null) {
                start = then.value;
            }
        }
        if (t.baselineOn == null || !asOf.isAfter(t.baselineOn)) {
            return start.setScale(2, RoundingMode.HALF_UP);
        }
        long total = ChronoUnit.DAYS.between(t.baselineOn, t.targetOn);
        long done = Math.min(total, ChronoUnit.DAYS.between(t.baselineOn, asOf));
        return start.add(t.targetValue.subtract(start).multiply(BigDecimal.valueOf(done))
                .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP)).setScale(2, RoundingMode.HALF_UP);
    }

    private static Indicator indicator(IndicatorTarget t, List<Figure> figures) {
        return new Indicator(t.code, t.name, t.sector.name(), t.measured(), t.notMeasuredReason,
                t.measured() ? t.measure.name() : null, t.unit, t.direction,
                t.targetValue == null ? null : t.targetValue.setScale(2, RoundingMode.HALF_UP), t.targetOn, t.baselineOn,
                t.scope, new IndicatorTable.Source(t.sourceDocument, t.sourceSection, t.sourceSentence), t.version,
                t.measured() ? t.measure.numeratorLabel : null, t.measured() ? t.measure.denominatorLabel : null,
                figures);
    }

    private static boolean inArea(Line l, Area area) {
        return "CITY".equals(area.level()) || l.countyCode().equals(area.code());
    }

    /** An area's sums and the value from them; {@code population} null for a register denominator. */
    private static Sum sum(Measure m, Parts parts, Population population) {
        long num = parts.numerator;
        long den = parts.denominator;
        if (m.isCount()) {
            return new Sum(BigDecimal.valueOf(num).setScale(2, RoundingMode.HALF_UP), num, null, null);
        }
        if (m.population != null) {
            if (population.value == null) {
                return new Sum(null, num, null, population.missing);
            }
            den = population.value;
        }
        if (den == 0) {
            return new Sum(null, num, den, "分母为 0（" + m.denominatorLabel + "）");
        }
        BigDecimal value = BigDecimal.valueOf(num).multiply(BigDecimal.valueOf(m.factor))
                .divide(BigDecimal.valueOf(den), 2, RoundingMode.HALF_UP);
        return new Sum(value, num, den, null);
    }

    /** The month ends of the {@link #TREND_MONTHS} months before {@code asOf}'s month, then {@code asOf}. */
    static List<LocalDate> trendDays(LocalDate asOf) {
        List<LocalDate> days = new ArrayList<>();
        YearMonth month = YearMonth.from(asOf);
        for (int i = TREND_MONTHS; i >= 1; i--) {
            days.add(month.minusMonths(i).atEndOfMonth());
        }
        days.add(asOf);
        return days;
    }

    private record Sum(BigDecimal value, long numerator, Long denominator, String missing) {
    }

    /** The numerators and denominators of an area's lines, added up. */
    private static final class Parts {
        long numerator;
        long denominator;

        void add(Line l) {
            numerator += l.numerator();
            denominator += l.denominator() == null ? 0 : l.denominator();
        }
    }

    /** A measure's lines on a day added up for the city and for each county. */
    private static final class Totals {
        final Parts city = new Parts();
        final Map<String, Parts> counties = new HashMap<>();

        static Totals of(List<Line> lines) {
            Totals totals = new Totals();
            lines.forEach(totals::add);
            return totals;
        }

        /** {@code line} null: the institution adds nothing to the measure. */
        void add(Line line) {
            if (line != null) {
                city.add(line);
                counties.computeIfAbsent(line.countyCode(), k -> new Parts()).add(line);
            }
        }

        Parts of(Area area) {
            return "CITY".equals(area.level()) ? city : counties.getOrDefault(area.code(), new Parts());
        }
    }

    private record Population(Long value, String missing) {
    }

    /** What one request reads once: the areas, targets in force, the loaded register and the city's populations. */
    private static final class Context {
        final String cityName;
        final List<Area> areas;
        final List<IndicatorTarget> targets;
        final Loaded loaded;
        final List<PopulationFigure> figures;
        final String cityCode;
        final LocalDate asOf;

        Context(String cityName, List<Area> areas, List<IndicatorTarget> targets, Loaded loaded,
                List<PopulationFigure> figures, String cityCode, LocalDate asOf) {
            this.cityName = cityName;
            this.areas = areas;
            this.targets = targets;
            this.loaded = loaded;
            this.figures = figures;
            this.cityCode = cityCode;
            this.asOf = asOf;
        }

        /**
         * The population a measure divides by for an area on a day: the latest figure recorded by the end of the
         * day; for the city its own figure, else the sum of every county's when each has one.
         */
        Population population(Measure m, Area area, LocalDate day) {
            if (m.population == null) {
                return null;
            }
            Long own = latest(area.code(), m.population, day);
            if (own != null || !"CITY".equals(area.level())) {
                return own != null ? new Population(own, null)
                        : new Population(null, "未录入" + area.name() + "的" + m.population.label);
            }
            long sum = 0;
            List<String> lacking = new ArrayList<>();
            for (var county : Divisions.countiesOf(cityCode)) {
                Long v = latest(county.code(), m.population, day);
                if (v == null) {
                    lacking.add(county.name());
                } else {
                    sum += v;
                }
            }
            return lacking.isEmpty() ? new Population(sum, null)
                    : new Population(null, "未录入" + String.join("、", lacking) + "的" + m.population.label);
        }

        private Long latest(String division, PopulationKind kind, LocalDate day) {
            var end = RegisterHistory.endOf(day);
            PopulationFigure found = null;
            for (PopulationFigure f : figures) {
                if (f.divisionCode.equals(division) && f.kind == kind && f.recordedAt.isBefore(end)) {
                    found = f;
                }
            }
            return found == null ? null : (long) found.value;
        }
    }
}
