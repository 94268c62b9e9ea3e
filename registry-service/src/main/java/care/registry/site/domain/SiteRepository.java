package care.registry.site.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SiteRepository implements PanacheRepositoryBase<Site, UUID> {

    public List<Site> ofInstitution(UUID institutionId) {
        return list("institutionId = ?1 order by main desc, createdAt, id", institutionId);
    }

    public List<Site> ofInstitutions(Collection<UUID> institutionIds) {
        return institutionIds.isEmpty() ? List.of()
                : list("institutionId in ?1 order by main desc, createdAt, id", institutionIds);
    }

    public Optional<Site> byFiling(UUID filingId) {
        return find("filingId", filingId).firstResultOptional();
    }

    public Optional<Site> mainOf(UUID institutionId) {
        return find("institutionId = ?1 and main = true", institutionId).firstResultOptional();
    }

    public int filedCapacity(UUID institutionId) {
        Long sum = getEntityManager().createQuery(
                        "select coalesce(sum(s.filedCapacity), 0) from Site s where s.institutionId = ?1", Long.class)
                .setParameter(1, institutionId).getSingleResult();
        return sum.intValue();
    }
}
