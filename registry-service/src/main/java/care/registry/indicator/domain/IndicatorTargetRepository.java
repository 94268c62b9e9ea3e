package care.registry.indicator.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class IndicatorTargetRepository implements PanacheRepository<IndicatorTarget> {

    /**
     * Each of a city's targets in the version in force on {@code day} as the register knew it then: effective by
     * that day and recorded before {@code knownBy}, so a past month's table reads the same later.
     */
    public List<IndicatorTarget> inForce(String cityCode, LocalDate day, Instant knownBy) {
        Map<String, IndicatorTarget> latest = new LinkedHashMap<>();
        list("cityCode = ?1 and effectiveFrom <= ?2 and recordedAt < ?3 order by code, version", cityCode, day, knownBy)
                .forEach(t -> latest.put(t.code, t));
        return List.copyOf(latest.values());
    }

    public List<IndicatorTarget> versions(String code) {
        return list("code = ?1 order by version", code);
    }

    public Optional<IndicatorTarget> latest(String code) {
        return find("code = ?1 order by version desc", code).firstResultOptional();
    }

    public List<IndicatorTarget> ofCities(Collection<String> cityCodes) {
        return list("cityCode in ?1 order by code, version", cityCodes);
    }
}
