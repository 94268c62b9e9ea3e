package care.subsidy.readmodel.domain;

import care.subsidy.access.Scope;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InstitutionViewRepository implements PanacheRepositoryBase<InstitutionView, UUID> {

    /** Institutions in the caller's scope: its city or county, of its department's sector(s). */
    public List<InstitutionView> inScope(Scope scope, Page page) {
        return find("cityCode = ?1 and divisionCode like ?2 and sector in ?3 order by name, institutionId",
                scope.cityCode(), scope.area() + "%", List.copyOf(scope.sectors())).page(page).list();
    }

    public Optional<InstitutionView> inScope(UUID id, Scope scope) {
        return findByIdOptional(id).filter(v -> scope.covers(v.cityCode, v.divisionCode) && scope.covers(v.sector));
    }
}
