package care.subsidy.readmodel.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InstitutionViewRepository implements PanacheRepositoryBase<InstitutionView, UUID> {

    /** Institutions in a city or county (by code prefix: 5301 for the city, 530102 for a county). */
    public List<InstitutionView> inArea(String divisionPrefix, Page page) {
        return find("divisionCode like ?1 order by name, institutionId", divisionPrefix + "%").page(page).list();
    }
}
