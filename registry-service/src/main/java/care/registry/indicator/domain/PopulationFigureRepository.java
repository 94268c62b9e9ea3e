package care.registry.indicator.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class PopulationFigureRepository implements PanacheRepository<PopulationFigure> {

    /** Every figure of a city, oldest first (the history a city admin reads, and what the indicators pick from). */
    public List<PopulationFigure> ofCity(String cityCode) {
        return list("cityCode = ?1 order by recordedAt, id", cityCode);
    }
}
