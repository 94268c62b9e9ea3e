package care.registry.supervision.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InspectionRepository implements PanacheRepositoryBase<Inspection, UUID> {

    public List<Inspection> of(UUID institutionId, boolean disclosedOnly) {
        return list("institutionId = ?1" + (disclosedOnly ? " and disclosed = true" : "")
                + " order by inspectedOn desc, recordedAt desc", institutionId);
    }
}
