package care.registry.institution.domain;

import care.contracts.event.InstitutionKind;
import care.contracts.event.Sector;
import care.registry.access.InstitutionAccess.Scope;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
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
        and(query, params, "cityCode", "city", filter.cityCode());
        and(query, params, "divisionCode", "county", filter.divisionCode());
        and(query, params, "sector", "sector", filter.sector());
        and(query, params, "kind", "kind", filter.kind());
        and(query, params, "inclusive", "inclusive", filter.inclusive());
        and(query, params, "demonstration", "demonstration", filter.demonstration());
        text(query, params, filter.text());
        return find(query.toString(), sort, params);
    }

    /** What an authenticated caller may list: their scope, then their filters. */
    public PanacheQuery<Institution> registry(Scope scope, String county, Sector sector, FilingStatus status,
                                              String text) {
        StringBuilder query = new StringBuilder(scope.condition());
        Parameters params = new Parameters();
        for (Map.Entry<String, Object> p : scope.parameters().map().entrySet()) {
            params.and(p.getKey(), p.getValue());
        }
        and(query, params, "divisionCode", "county", county);
        and(query, params, "sector", "sector", sector);
        and(query, params, "filingStatus", "status", status);
        if (text != null && text.length() == 18) {
            query.append(" and (uscc = :uscc or name like :text)");
            params.and("uscc", text.toUpperCase()).and("text", like(text));
        } else {
            text(query, params, text);
        }
        return find(query.toString(), Sort.by("name").and("id"), params);
    }

    private static void and(StringBuilder query, Parameters params, String field, String name, Object value) {
        if (value != null) {
            query.append(" and ").append(field).append(" = :").append(name);
            params.and(name, value);
        }
    }

    private static void text(StringBuilder query, Parameters params, String text) {
        if (text != null) {
            query.append(" and name like :text");
            params.and("text", like(text));
        }
    }

    private static String like(String text) {
        return "%" + text.replace("\\", "").replace("%", "").replace("_", "") + "%";
    }

    public record DirectoryFilter(String cityCode, String divisionCode, Sector sector, InstitutionKind kind,
                                  Boolean inclusive, Boolean demonstration, String text) {
    }
}
