package care.registry.indicator.service;

import care.contracts.division.Divisions;
import care.contracts.problem.ProblemException;
import care.contracts.problem.Violation;
import care.registry.access.Bounds;
import care.registry.indicator.domain.IndicatorTarget;
import care.registry.indicator.domain.IndicatorTargetRepository;
import care.registry.indicator.domain.PopulationFigure;
import care.registry.indicator.domain.PopulationFigureRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures a city admin enters for the indicators: populations and new target versions. Each is a new row with
 * who and when; nothing is changed in place, so a past month's table reads the same afterwards.
 */
@ApplicationScoped
@Transactional
public class PlanFigures {

    private final PopulationFigureRepository populations;
    private final IndicatorTargetRepository targets;

    public PlanFigures(PopulationFigureRepository populations, IndicatorTargetRepository targets) {
        this.populations = populations;
        this.targets = targets;
    }

    public PopulationFigure addPopulation(String cityCode, PopulationEntry entry, String actor) {
        boolean inCity = entry.divisionCode().equals(cityCode)
                || Divisions.cityOf(entry.divisionCode()).map(cityCode::equals).orElse(false);
        if (!inCity) {
            throw ProblemException.invalid("divisionCode", "应为本市（" + cityCode + "）或其所辖县（市、区）的代码");
        }
        PopulationFigure f = new PopulationFigure();
        f.cityCode = cityCode;
        f.divisionCode = entry.divisionCode();
        f.kind = entry.kind();
        f.value = entry.value();
        f.referenceYear = entry.referenceYear();
        f.source = entry.source().strip();
        f.recordedBy = actor;
        f.recordedAt = Instant.now();
        populations.persist(f);
        return f;
    }

    public IndicatorTarget addTargetVersion(String cityCode, String code, TargetChange change, String actor) {
        IndicatorTarget before = targets.latest(code).filter(t -> t.cityCode.equals(cityCode))
                .orElseThrow(() -> ProblemException.notFound("indicator", code));
        if (!before.measured()) {
            throw ProblemException.conflict("NOT_MEASURED", "该指标不由本平台计算", before.notMeasuredReason);
        }
        List<Violation> v = new ArrayList<>();
        Bounds.date(v, "targetOn", change.targetOn());
        Bounds.date(v, "baselineOn", change.baselineOn());
        Bounds.date(v, "effectiveFrom", change.effectiveFrom());
        if (change.baselineOn() != null && change.targetOn() != null && !change.baselineOn().isBefore(change.targetOn())) {
            v.add(new Violation("baselineOn", "基期应早于目标日期"));
        }
        ProblemException.refuseIfAny(v);
        IndicatorTarget t = new IndicatorTarget();
        t.code = before.code;
        t.cityCode = before.cityCode;
        t.sector = before.sector;
        t.name = before.name;
        t.measure = before.measure;
        t.direction = before.direction;
        t.unit = before.unit;
        t.scope = before.scope;
        t.targetValue = change.targetValue();
        t.targetOn = change.targetOn();
        t.baselineOn = change.baselineOn() != null ? change.baselineOn() : before.baselineOn;
        t.sourceDocument = change.sourceDocument().strip();
        t.sourceSection = change.sourceSection().strip();
        t.sourceSentence = change.sourceSentence().strip();
        t.version = before.version + 1;
        t.effectiveFrom = change.effectiveFrom();
        t.recordedAt = Instant.now();
        t.recordedBy = actor;
        targets.persist(t);
        return t;
    }
}
