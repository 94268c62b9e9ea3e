package care.registry.demo;

import care.contracts.division.Divisions;
import care.registry.indicator.domain.PopulationFigure;
import care.registry.indicator.domain.PopulationFigureRepository;
import care.registry.indicator.domain.PopulationKind;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;

/**
 * Demo data for the local stack ({@code care.demo=true}): made-up county populations so that the per-thousand
 * indicators show a number. They are marked {@code demo} and their source says they are invented; the platform
 * ships no real population figures, which a city admin enters with their source. Entered once, dated at the start
 * of 2021 so that the trend of the demo months has them.
 */
@ApplicationScoped
public class DemoPopulations {

    static final String SOURCE = "演示数据：虚构数字，不是统计数据";
    private static final Instant RECORDED_AT = Instant.parse("2020-12-31T16:00:00Z");

    private final boolean enabled;
    private final PopulationFigureRepository populations;

    public DemoPopulations(@ConfigProperty(name = "care.demo", defaultValue = "false") boolean enabled,
                           PopulationFigureRepository populations) {
        this.enabled = enabled;
        this.populations = populations;
    }

    @Transactional
    void enter(@Observes StartupEvent start) {
        if (!enabled || populations.count("demo", true) > 0) {
            return;
        }
        for (String city : List.of("530100", "530300")) {
            for (var county : Divisions.countiesOf(city)) {
                int resident = residents(county.code());
                populations.persist(figure(city, county.code(), PopulationKind.RESIDENT, resident));
                populations.persist(figure(city, county.code(), PopulationKind.AGED_60_PLUS, resident * 3 / 20));
            }
        }
    }

    /** 200,000 to 999,000 residents, the same for a county on every start. */
    static int residents(String countyCode) {
        return 200_000 + Math.floorMod(countyCode.hashCode() * 7919, 800) * 1_000;
    }

    private static PopulationFigure figure(String city, String county, PopulationKind kind, int value) {
        PopulationFigure f = new PopulationFigure();
        f.cityCode = city;
        f.divisionCode = county;
        f.kind = kind;
        f.value = value;
        f.referenceYear = 2020;
        f.source = SOURCE;
        f.demo = true;
        f.recordedBy = "demo";
        f.recordedAt = RECORDED_AT;
        return f;
    }
}
