package care.registry.institution.domain;

import care.contracts.event.Sector;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InstitutionRepository implements PanacheRepositoryBase<Institution, UUID> {

    public Optional<Institution> findByUscc(String uscc) {
        return find("uscc", uscc).firstResultOptional();
    }

    /** Filed institutions only, filtered by whatever the searcher gave. */
    public PanacheQuery<Institution> directory(DirectoryFilter filter, Sort sort) {
        StringBuilder query = new StringBuilder("filingStatus = :filed");
        Parameters params = Parameters.with("filed", FilingStatus.FILED);
        if (filter.cityCode() != null) {
            query.append(" and cityCode = :city");
            params.and("city", filter.cityCode());
        }
        if (filter.divisionCode() != null) {
            query.append(" and divisionCode = :county");
            params.and("county", filter.divisionCode());
        }
        if (filter.sector() != null) {
            query.append(" and sector = :sector");
            params.and("sector", filter.sector());
        }
        if (filter.text() != null) {
            query.append(" and name like :text");
            params.and("text", "%" + filter.text().replace("%", "").replace("_", "") + "%");
        }
        return find(query.toString(), sort, params);
    }

    public record DirectoryFilter(String cityCode, String divisionCode, Sector sector, String text) {
    }
}
